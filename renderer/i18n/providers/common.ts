export const en = {
  providers: {
    common: { name: 'Name', description: 'Description', status: 'Status', createdAt: 'Created', updatedAt: 'Updated', connection: 'Connection' },
  },
};
export const fr = {
  providers: {
    common: { name: 'Nom', description: 'Description', status: 'Statut', createdAt: 'Créé le', updatedAt: 'Modifié le', connection: 'Connexion' },
  },
};
