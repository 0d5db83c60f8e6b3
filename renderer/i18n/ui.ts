/** Words shared by every screen (buttons in progress, yes/no, HTTP status). */
export const en = {
  ui: {
    working: 'Working…',
    saving: 'Saving…',
    httpStatus: '(HTTP {{status}})',
    yes: 'Yes',
    no: 'No',
    ok: 'OK',
    failed: 'Failed',
    openClients: 'Open clients',
  },
};
export const fr: typeof en = {
  ui: {
    working: 'En cours…',
    saving: 'Enregistrement…',
    httpStatus: '(HTTP {{status}})',
    yes: 'Oui',
    no: 'Non',
    ok: 'OK',
    failed: 'Échec',
    openClients: 'Voir les clients',
  },
};
