export const en = {
  demo: {
    title: 'Demo workspace',
    body: 'Try every screen without an account: Clientdesk starts a built-in FactPulse sandbox on this computer (127.0.0.1) with fictitious clients, and connects to it.',
    note: 'This is a sandbox: nothing you do there reaches a real FactPulse server.',
    start: 'Start the demo workspace',
    starting: 'Starting the sandbox…',
    started: 'Demo workspace started (sandbox).',
    connectionNote: 'Built-in sandbox running on this computer: fictitious data only.',
    banner: 'Demo workspace — you are working in the built-in sandbox, not on a real FactPulse server.',
  },
};
export const fr: typeof en = {
  demo: {
    title: 'Espace de démonstration',
    body: 'Essayez chaque écran sans compte : Clientdesk démarre un bac à sable FactPulse intégré sur cet ordinateur (127.0.0.1) avec des clients fictifs, et s’y connecte.',
    note: 'C’est un bac à sable : rien de ce que vous y faites n’atteint un vrai serveur FactPulse.',
    start: 'Démarrer l’espace de démonstration',
    starting: 'Démarrage du bac à sable…',
    started: 'Espace de démonstration démarré (bac à sable).',
    connectionNote: 'Bac à sable intégré sur cet ordinateur : données fictives uniquement.',
    banner: 'Espace de démonstration — vous travaillez dans le bac à sable intégré, pas sur un vrai serveur FactPulse.',
  },
};
