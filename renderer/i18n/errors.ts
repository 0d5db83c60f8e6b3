/** How an error is worded for people: plain words first, the technical facts in a "details" disclosure. */
export const en = {
  errors: {
    details: 'Details',
    code: 'Code',
    status: 'HTTP status',
    requestId: 'Request reference',
    supportId: 'Support reference',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the reference and copy it.',
    message: 'Message',
    fields: 'Fields',
    known: {
      wrongPassphrase: 'Wrong passphrase for this backup. Nothing was imported.',
      queuedOffline: 'The server cannot be reached: the change is saved and will be sent when the connection is back.',
      keyRefused: 'FactPulse refused the current key: it is not the one protecting this client’s secret. Nothing was changed.',
      noKeyEither: 'FactPulse accepts neither the pending nor the current key of this client; both are kept.',
      redirected: 'The server redirected the request elsewhere. Clientdesk never follows redirects, so nothing was sent there; check the base URL.',
    },
  },
};

export const fr: typeof en = {
  errors: {
    details: 'Détails',
    code: 'Code',
    status: 'Statut HTTP',
    requestId: 'Référence de la requête',
    supportId: 'Référence pour le support',
    copy: 'Copier',
    copied: 'Copié.',
    copyFailed: 'Copie impossible : sélectionnez la référence et copiez-la.',
    message: 'Message',
    fields: 'Champs',
    known: {
      wrongPassphrase: 'Phrase de passe incorrecte pour cette sauvegarde. Rien n’a été importé.',
      queuedOffline: 'Le serveur est injoignable : la modification est enregistrée et sera envoyée au retour de la connexion.',
      keyRefused: 'FactPulse a refusé la clé actuelle : ce n’est pas celle qui protège le secret de ce client. Rien n’a été modifié.',
      noKeyEither: 'FactPulse n’accepte ni la nouvelle ni l’actuelle clé de ce client ; les deux sont conservées.',
      redirected: 'Le serveur a redirigé la requête ailleurs. Clientdesk ne suit jamais les redirections : rien n’y a été envoyé ; vérifiez l’URL de base.',
    },
  },
};
