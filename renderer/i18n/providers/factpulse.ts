export const en = {
  providers: {
    factpulse: {
      name: 'FactPulse',
      description: 'French e-invoicing platform: clients, PDP configurations, webhook secrets and double encryption.',
      auth: { apiKey: 'API key', password: 'Username and password' },
      fields: {
        apiKey: 'API key',
        username: 'Username',
        password: 'Password',
        clientUid: 'Limit to one client (UID, optional)',
        clientUidHint: 'A token limited to one client can neither list nor create clients.',
        siret: 'SIRET',
        hasConfigPdp: 'PDP configured',
        hasConfigChorus: 'Chorus Pro configured',
      },
      validation: { siret: 'SIRET must be exactly 14 digits' },
    },
  },
};
export const fr = {
  providers: {
    factpulse: {
      name: 'FactPulse',
      description: 'Plateforme française de facturation électronique : clients, configurations PDP, secrets de webhook et double chiffrement.',
      auth: { apiKey: 'Clé API', password: 'Identifiant et mot de passe' },
      fields: {
        apiKey: 'Clé API',
        username: "Nom d'utilisateur",
        password: 'Mot de passe',
        clientUid: 'Limiter à un client (UID, facultatif)',
        clientUidHint: 'Un jeton limité à un client ne peut ni lister ni créer de clients.',
        siret: 'SIRET',
        hasConfigPdp: 'PDP configurée',
        hasConfigChorus: 'Chorus Pro configuré',
      },
      validation: { siret: 'Le SIRET doit comporter exactement 14 chiffres' },
    },
  },
};
