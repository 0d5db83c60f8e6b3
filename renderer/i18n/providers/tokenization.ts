export const en = {
  providers: {
    tokenization: {
      description: 'Tokenization platform: partners own clients, clients own templates.',
      auth: { basic: 'Username and password (HTTP Basic)' },
      fields: {
        username: 'Username',
        password: 'Password',
        partners: 'Partners to browse',
        partnersHint: 'The platform lists clients per partner: give each partner by id or name.',
        addPartner: 'Add partner',
        removePartner: 'Remove partner {{name}}',
        mid: 'Merchant id (MID)',
        billingId: 'Billing id',
        version: 'Version',
        partner: 'Partner',
        directPartnerId: 'Direct partner id',
        directPartnerName: 'Direct partner name',
        contactFirstName: 'Contact first name',
        contactLastName: 'Contact last name',
        contactName: 'Contact',
        contactEmail: 'Contact email',
        location: 'Location',
      },
    },
  },
};
export const fr = {
  providers: {
    tokenization: {
      description: 'Plateforme de tokenisation : les partenaires possèdent des clients, les clients des modèles.',
      auth: { basic: 'Identifiant et mot de passe (HTTP Basic)' },
      fields: {
        username: "Nom d'utilisateur",
        password: 'Mot de passe',
        partners: 'Partenaires à parcourir',
        partnersHint: 'La plateforme liste les clients par partenaire : indiquez chaque partenaire par son id ou son nom.',
        addPartner: 'Ajouter un partenaire',
        removePartner: 'Retirer le partenaire {{name}}',
        mid: 'Identifiant marchand (MID)',
        billingId: 'Identifiant de facturation',
        version: 'Version',
        partner: 'Partenaire',
        directPartnerId: 'Id du partenaire direct',
        directPartnerName: 'Nom du partenaire direct',
        contactFirstName: 'Prénom du contact',
        contactLastName: 'Nom du contact',
        contactName: 'Contact',
        contactEmail: 'E-mail du contact',
        location: 'Emplacement',
      },
    },
  },
};
