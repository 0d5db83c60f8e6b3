/** The recovery screen (a local file startup could not use) and the notices of what startup repaired. */
export const en = {
  recovery: {
    title: 'Clientdesk needs your decision before it starts',
    what: {
      state: 'The file that holds your unsent changes (outbox), the audit log and the key rotation journal cannot be read.',
      legacy: 'The database of the previous version, which holds your unsent changes (outbox), the audit log and the key rotation journal, cannot be read.',
      settings: 'The settings file, which holds your connections and preferences, cannot be read, and there is no whole copy of it to restore.',
      cache: 'The local cache of clients cannot be opened.',
    },
    why: {
      damaged: 'The file is damaged.',
      'migration-failed': 'Updating the file to this version failed; it was left as it was.',
      'newer-version': 'The file was written by a newer version of Clientdesk.',
      unavailable: 'Clientdesk cannot reach the file (permissions, disk full, or a lock).',
    },
    where: 'The file',
    saved: {
      state: 'Nothing has been changed or deleted. You can move the file aside (it stays in the same folder, renamed with today’s date) and start with an empty outbox, audit log and key journal. Your keys stay in the system keychain and the cached clients are kept. Changes that were waiting in the outbox would have to be made again.',
      legacy: 'Nothing has been changed or deleted. You can move the file aside (it stays in the same folder, renamed with today’s date) and start with an empty cache, outbox, audit log and key journal. Your keys stay in the system keychain and your clients come back from the servers.',
      settings: 'Nothing has been changed or deleted. You can move the file aside (renamed with today’s date) and start with default settings: you will add your connections again. Their secrets stay in the system keychain.',
      cache: 'Nothing has been deleted. Check the data folder, then try again.',
    },
    moveAside: {
      state: 'Move it aside and start with an empty outbox and audit log',
      legacy: 'Move it aside and start afresh',
      settings: 'Move it aside and start with default settings',
      cache: 'Move it aside and start with an empty cache',
    },
    retry: 'Try again',
    quit: 'Quit',
    details: 'Details',
    movedTo: 'Moved to {{path}}. Starting…',
    quitHint: 'Quitting leaves the file as it is: you can copy it somewhere safe or ask for help first.',
    notices: {
      title: 'Clientdesk repaired a file at start',
      'cache-rebuilt': 'The local cache of clients was damaged: it was moved to {{movedTo}} and is being rebuilt from the servers.',
      'settings-restored': 'The settings file was damaged: it was moved to {{movedTo}} and your last saved settings were restored.',
      'moved-aside': 'As you chose, {{path}} was moved to {{movedTo}}.',
      dismiss: 'Dismiss',
    },
  },
};

export const fr: typeof en = {
  recovery: {
    title: 'Clientdesk a besoin de votre décision avant de démarrer',
    what: {
      state: 'Le fichier qui contient vos modifications non envoyées (file d’envoi), le journal d’audit et le journal de rotation des clés est illisible.',
      legacy: 'La base de la version précédente, qui contient vos modifications non envoyées (file d’envoi), le journal d’audit et le journal de rotation des clés, est illisible.',
      settings: 'Le fichier de réglages, qui contient vos connexions et préférences, est illisible, et aucune copie intacte ne permet de le restaurer.',
      cache: 'Le cache local des clients ne peut pas être ouvert.',
    },
    why: {
      damaged: 'Le fichier est endommagé.',
      'migration-failed': 'La mise à jour du fichier vers cette version a échoué ; il est resté tel quel.',
      'newer-version': 'Le fichier a été écrit par une version plus récente de Clientdesk.',
      unavailable: 'Clientdesk ne peut pas accéder au fichier (droits, disque plein ou verrou).',
    },
    where: 'Le fichier',
    saved: {
      state: 'Rien n’a été modifié ni supprimé. Vous pouvez mettre le fichier de côté (il reste dans le même dossier, renommé avec la date du jour) et démarrer avec une file d’envoi, un journal d’audit et un journal de clés vides. Vos clés restent dans le trousseau système et les clients en cache sont conservés. Les modifications qui attendaient dans la file d’envoi seraient à refaire.',
      legacy: 'Rien n’a été modifié ni supprimé. Vous pouvez mettre le fichier de côté (il reste dans le même dossier, renommé avec la date du jour) et démarrer avec un cache, une file d’envoi, un journal d’audit et un journal de clés vides. Vos clés restent dans le trousseau système et vos clients reviennent depuis les serveurs.',
      settings: 'Rien n’a été modifié ni supprimé. Vous pouvez mettre le fichier de côté (renommé avec la date du jour) et démarrer avec les réglages par défaut : vous ajouterez à nouveau vos connexions. Leurs secrets restent dans le trousseau système.',
      cache: 'Rien n’a été supprimé. Vérifiez le dossier de données, puis réessayez.',
    },
    moveAside: {
      state: 'Le mettre de côté et démarrer avec une file d’envoi et un journal d’audit vides',
      legacy: 'Le mettre de côté et repartir de zéro',
      settings: 'Le mettre de côté et démarrer avec les réglages par défaut',
      cache: 'Le mettre de côté et démarrer avec un cache vide',
    },
    retry: 'Réessayer',
    quit: 'Quitter',
    details: 'Détails',
    movedTo: 'Déplacé vers {{path}}. Démarrage…',
    quitHint: 'Quitter laisse le fichier tel quel : vous pouvez d’abord le copier en lieu sûr ou demander de l’aide.',
    notices: {
      title: 'Clientdesk a réparé un fichier au démarrage',
      'cache-rebuilt': 'Le cache local des clients était endommagé : il a été déplacé vers {{movedTo}} et il est reconstruit depuis les serveurs.',
      'settings-restored': 'Le fichier de réglages était endommagé : il a été déplacé vers {{movedTo}} et vos derniers réglages enregistrés ont été restaurés.',
      'moved-aside': 'Comme vous l’avez choisi, {{path}} a été déplacé vers {{movedTo}}.',
      dismiss: 'Fermer',
    },
  },
};
