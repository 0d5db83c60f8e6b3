/** Trying a new connection before it is saved. */
export const en = {
  probe: {
    testing: 'Testing the connection…',
    failedTitle: 'The connection test failed, so nothing was saved.',
    failedHint: 'Correct the values and add it again, or save it as it is: it will show as unreachable until the server answers.',
    saveAnyway: 'Save anyway',
  },
};

export const fr: typeof en = {
  probe: {
    testing: 'Test de la connexion…',
    failedTitle: 'Le test de la connexion a échoué : rien n’a été enregistré.',
    failedHint: 'Corrigez les valeurs puis ajoutez-la de nouveau, ou enregistrez-la telle quelle : elle apparaîtra injoignable tant que le serveur ne répondra pas.',
    saveAnyway: 'Enregistrer quand même',
  },
};
