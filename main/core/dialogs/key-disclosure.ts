import { AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/schemas/settings';
import type { Confirmer, ConfirmRequest } from './confirmer';

export type DisclosureAction = 'reveal' | 'copy';

export interface DisclosedKey {
  connectionId: string;
  clientUid: string;
  slot: 'current' | 'previous';
  fingerprint: string;
}

/** Asks the user (through main's confirmer) before a key leaves the keychain for the screen or the clipboard. */
export interface KeyDisclosure {
  /** Resolves when the user said yes (now, or for this same key within the last minute); throws CANCELLED otherwise. */
  approve(action: DisclosureAction, key: DisclosedKey): Promise<void>;
}

/** Reveal then Copy in the same dialog asks once: a yes covers the same key for this long. */
export const APPROVAL_MS = 60_000;

const TEXTS: Record<Settings['language'], Record<DisclosureAction, (k: DisclosedKey) => Omit<ConfirmRequest, 'cancelLabel'>> & { cancel: string }> = {
  en: {
    cancel: 'Cancel',
    reveal: (k) => ({
      title: 'Reveal an encryption key',
      message: `Show the ${k.slot} key of client ${k.clientUid} on screen?`,
      detail: `Fingerprint ${k.fingerprint}. Anyone who sees this key can decrypt this client’s PDP secret with the server.`,
      confirmLabel: 'Reveal',
    }),
    copy: (k) => ({
      title: 'Copy an encryption key',
      message: `Copy the ${k.slot} key of client ${k.clientUid} to the clipboard?`,
      detail: `Fingerprint ${k.fingerprint}. Other applications can read the clipboard; Clientdesk clears it after 30 seconds if it still holds the key, and when it quits.`,
      confirmLabel: 'Copy',
    }),
  },
  fr: {
    cancel: 'Annuler',
    reveal: (k) => ({
      title: 'Afficher une clé de chiffrement',
      message: `Afficher à l’écran la clé ${k.slot === 'current' ? 'actuelle' : 'précédente'} du client ${k.clientUid} ?`,
      detail: `Empreinte ${k.fingerprint}. Quiconque voit cette clé peut déchiffrer, avec le serveur, le secret PDP de ce client.`,
      confirmLabel: 'Afficher',
    }),
    copy: (k) => ({
      title: 'Copier une clé de chiffrement',
      message: `Copier dans le presse-papiers la clé ${k.slot === 'current' ? 'actuelle' : 'précédente'} du client ${k.clientUid} ?`,
      detail: `Empreinte ${k.fingerprint}. D’autres applications peuvent lire le presse-papiers ; Clientdesk le vide après 30 secondes s’il contient encore la clé, et à la fermeture.`,
      confirmLabel: 'Copier',
    }),
  },
};

export function createKeyDisclosure(confirmer: Confirmer, language: () => Settings['language'], now: () => number = Date.now): KeyDisclosure {
  const approvedAt = new Map<string, number>();
  return {
    async approve(action, key) {
      const id = JSON.stringify([key.connectionId, key.clientUid, key.slot, key.fingerprint]);
      const last = approvedAt.get(id);
      if (last !== undefined && now() - last < APPROVAL_MS) return;
      const texts = TEXTS[language()] ?? TEXTS.en;
      const yes = await confirmer.confirm({ ...texts[action](key), cancelLabel: texts.cancel });
      if (!yes) {
        approvedAt.delete(id);
        throw new AppError('CANCELLED', action === 'reveal' ? 'You did not confirm: the key was not revealed.' : 'You did not confirm: the key was not copied.');
      }
      approvedAt.set(id, now());
    },
  };
}
