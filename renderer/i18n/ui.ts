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
    skipToContent: 'Skip to content',
    unsavedTitle: 'Discard your changes?',
    unsavedBody: 'This form has changes that are not saved. If you leave now, they are lost.',
    unsavedStay: 'Stay and keep editing',
    unsavedDiscard: 'Discard changes',
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
    skipToContent: 'Aller au contenu',
    unsavedTitle: 'Abandonner vos modifications ?',
    unsavedBody: 'Ce formulaire contient des modifications non enregistrées. Si vous quittez maintenant, elles seront perdues.',
    unsavedStay: 'Rester et continuer',
    unsavedDiscard: 'Abandonner les modifications',
  },
};
