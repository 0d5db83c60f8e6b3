export const en = {
  providers: {
    sites: {
      name: 'Sites & equipment registry',
      description: 'Registry of clients, their sites and equipment.',
      auth: { none: 'No authentication', bearer: 'Bearer token', apiKeyHeader: 'API key in a header' },
      fields: {
        token: 'Token',
        headerName: 'Header name',
        apiKey: 'API key',
        nom: 'Name',
        code: 'Code',
        sites: 'Sites',
        equipements: 'Equipment',
        timestamp: 'Registered',
        site: 'Site',
        siteId: 'Site id',
        sitesTable: 'Sites and equipment',
        noSites: 'No site registered for this client.',
        sitesNotLoaded: 'The list of sites is not in the local cache: open this client while the registry is reachable.',
      },
      validation: { headerName: 'A header name: letters, digits and - only' },
    },
  },
};
export const fr = {
  providers: {
    sites: {
      name: 'Registre des sites et équipements',
      description: 'Registre des clients, de leurs sites et de leurs équipements.',
      auth: { none: "Pas d'authentification", bearer: 'Jeton (Bearer)', apiKeyHeader: 'Clé API dans un en-tête' },
      fields: {
        token: 'Jeton',
        headerName: "Nom de l'en-tête",
        apiKey: 'Clé API',
        nom: 'Nom',
        code: 'Code',
        sites: 'Sites',
        equipements: 'Équipements',
        timestamp: 'Enregistré le',
        site: 'Site',
        siteId: 'Id du site',
        sitesTable: 'Sites et équipements',
        noSites: "Aucun site enregistré pour ce client.",
        sitesNotLoaded: "La liste des sites n'est pas dans le cache local : ouvrez ce client quand le registre est joignable.",
      },
      validation: { headerName: "Un nom d'en-tête : lettres, chiffres et - uniquement" },
    },
  },
};
