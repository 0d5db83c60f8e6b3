import { AppError, KEY_NOT_KEPT_MESSAGE } from '../../../../../shared/errors';
import { keepsSecrets } from '../../../vault';
import { writeBackupFile } from './backup';
import type { BackupMetadata } from './backup-format';
import { nowIso } from './deps';
import type { KeyDeps } from './deps';
import { fingerprint } from './key-material';
import type { StoredKey } from './key-store';

/** The one way to make a key while secrets are memory-only: an encrypted backup of it is written first. */
export interface BackupFirst {
  passphrase: string;
  /** Main's own save dialog (a path never comes from the renderer); null when the user cancelled. */
  choosePath(defaultName: string): Promise<string | null>;
}

/**
 * Refuses, before anything is generated, stored or sent, an operation that would make the server depend on a key
 * this keychain cannot keep. `canBackUpFirst` tells the UI whether the same call may be retried with a backup.
 */
export function refuseUnkeptKey(deps: KeyDeps, opts: { backupFirst?: BackupFirst | undefined; canBackUpFirst?: boolean } = {}): void {
  if (keepsSecrets(deps.keychain) || opts.backupFirst) return;
  throw new AppError('KEYCHAIN_UNAVAILABLE', KEY_NOT_KEPT_MESSAGE.en, { keychain: 'memory-only', canBackUpFirst: opts.canBackUpFirst === true });
}

/** Writes an encrypted backup holding `key` to a path chosen in main's save dialog; the key is used only after this. */
export async function backUpBeforeUse(deps: KeyDeps, backupFirst: BackupFirst, connectionId: string, clientUid: string, key: StoredKey): Promise<string> {
  const fp = fingerprint(key.key);
  const path = await backupFirst.choosePath(`clientdesk-key-${clientUid.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}-${fp}.cdkeys`);
  if (!path) throw new AppError('CANCELLED', 'No backup file was chosen: no key was made and nothing was sent.');
  const metadata: BackupMetadata = { connectionId, createdAt: nowIso(deps), clients: [{ clientUid, fingerprint: fp, createdAt: key.createdAt }] };
  await writeBackupFile(path, backupFirst.passphrase, metadata, [{ clientUid, ...key }]);
  deps.audit?.({ action: 'key.backupFirst', connectionId, clientUid, outcome: 'ok', fingerprint: fp });
  return path;
}
