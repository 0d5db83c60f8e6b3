export const en = {
  keychain: {
    bannerTitle: 'Secrets are kept in memory only',
    bannerBody:
      'No system keychain is available. Passwords and API keys you enter are lost when Clientdesk quits, and no encryption key can be made, rotated or imported: the server would keep secrets that only a lost key opens.',
    bannerWhatToDo: 'Install or unlock a keyring (GNOME Keyring or KWallet on Linux), then restart Clientdesk.',
    refusedBecause: 'Not available while secrets are kept in memory only: the key would be lost when Clientdesk quits.',
    backupTitle: 'This computer cannot keep the new key',
    backupOffer:
      'You can still go on if you first save an encrypted backup that contains the new key: Clientdesk asks where to save it, writes it, and only then sends the key to the server. Keep that file and its passphrase: after you quit, it is the only copy of the key.',
    backupAndContinue: 'Save an encrypted backup and continue',
    backupSaved: 'Encrypted backup of the key saved: {{path}}',
  },
};

export const fr: typeof en = {
  keychain: {
    bannerTitle: 'Les secrets sont gardés en mémoire seulement',
    bannerBody:
      "Aucun trousseau système n'est disponible. Les mots de passe et clés d'API saisis sont perdus à la fermeture de Clientdesk, et aucune clé de chiffrement ne peut être créée, renouvelée ou importée : le serveur garderait des secrets que seule une clé perdue ouvre.",
    bannerWhatToDo: 'Installez ou déverrouillez un trousseau (GNOME Keyring ou KWallet sous Linux), puis redémarrez Clientdesk.',
    refusedBecause: 'Indisponible tant que les secrets sont en mémoire seulement : la clé serait perdue à la fermeture de Clientdesk.',
    backupTitle: 'Cet ordinateur ne peut pas garder la nouvelle clé',
    backupOffer:
      "Vous pouvez continuer si vous enregistrez d'abord une sauvegarde chiffrée qui contient la nouvelle clé : Clientdesk demande où l'enregistrer, l'écrit, et seulement ensuite envoie la clé au serveur. Gardez ce fichier et sa phrase secrète : après la fermeture, c'est la seule copie de la clé.",
    backupAndContinue: 'Enregistrer une sauvegarde chiffrée et continuer',
    backupSaved: 'Sauvegarde chiffrée de la clé enregistrée : {{path}}',
  },
};
