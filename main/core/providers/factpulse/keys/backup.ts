import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { AppError } from '../../../../../shared/errors';
import { chooseWithDialogError } from '../../../dialogs/path-grants';
import { nowIso } from './deps';
import type { ClientLock, KeyDeps } from './deps';
import type { KeyJournal } from './journal';
import { fingerprint, parseKey } from './key-material';
import type { KeyStore, StoredKey } from './key-store';
import type { Rotator } from './rotation';
import { openBackup, parseBackup, sealBackup } from './backup-format';
import type { BackupMetadata } from './backup-format';

/** A backup holds ~300 bytes a key: 8 MiB is ~25,000 keys. Larger files are refused unread, and never written. */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;
const READ_TIMEOUT_MS = 10_000;

export type LocalState = 'none' | 'same' | 'different';

export interface BackupInspection {
  formatVersion: number;
  connectionId: string;
  createdAt: string;
  kdf: { name: string; N: number; r: number; p: number };
  /** Metadata is readable without the passphrase; it is authenticated when the file is opened with it. */
  verified: boolean;
  clients: Array<{ clientUid: string; fingerprint: string; createdAt: string; local: LocalState; localFingerprint: string | null }>;
}

export interface ImportResult {
  connectionId: string;
  imported: Array<{ clientUid: string; fingerprint: string; replacedFingerprint: string | null }>;
  unchanged: string[];
}

export interface Backups {
  exportKeys(connectionId: string, clientUids: string[] | 'all', path: string, passphrase: string): Promise<{ path: string; clients: BackupMetadata['clients'] }>;
  inspect(path: string, targetConnectionId?: string): Promise<BackupInspection>;
  importKeys(path: string, passphrase: string, opts: { targetConnectionId?: string; confirm?: boolean }): Promise<ImportResult>;
}

/**
 * Opens without blocking (a FIFO with no writer would hang a plain open), then checks the opened file itself
 * (no swap between a check and the read): a regular file, small enough, read within a time limit.
 */
export async function readBackupFile(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => {
    throw chooseWithDialogError();
  });
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_BACKUP_BYTES) throw chooseWithDialogError();
    const bytes = await handle.readFile({ signal: AbortSignal.timeout(READ_TIMEOUT_MS) }).catch(() => {
      throw chooseWithDialogError();
    });
    if (bytes.length > MAX_BACKUP_BYTES) throw chooseWithDialogError();
    return bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Seals `keys` with the passphrase and writes the file atomically (temp file, then rename), readable by the user only. */
export async function writeBackupFile(path: string, passphrase: string, metadata: BackupMetadata, keys: Array<{ clientUid: string } & StoredKey>): Promise<void> {
  const text = await sealBackup(passphrase, metadata, { keys });
  if (Buffer.byteLength(text) > MAX_BACKUP_BYTES) throw new AppError('VALIDATION', `This selection is too large for one backup file (${keys.length} keys); export fewer clients at a time.`);
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
    await rename(tmp, path);
  } catch {
    await unlink(tmp).catch(() => undefined);
    throw new AppError('INTERNAL', 'The backup file could not be written there (check the folder and its permissions).');
  }
}

export function createBackups(deps: KeyDeps, store: KeyStore, journal: KeyJournal, rotator: Rotator, lock: ClientLock): Backups {
  async function localState(connectionId: string, clientUid: string, fp: string): Promise<{ local: LocalState; localFingerprint: string | null }> {
    const current = await store.get(connectionId, clientUid, 'current');
    if (!current) return { local: 'none', localFingerprint: null };
    const localFp = fingerprint(current.key);
    return { local: localFp === fp ? 'same' : 'different', localFingerprint: localFp };
  }

  return {
    async exportKeys(connectionId, clientUids, path, passphrase) {
      const uids = clientUids === 'all' ? await store.clients(connectionId) : [...new Set(clientUids)];
      const keys: Array<{ clientUid: string } & StoredKey> = [];
      for (const uid of uids) {
        const current = await store.get(connectionId, uid, 'current');
        if (current) keys.push({ clientUid: uid, key: current.key, createdAt: current.createdAt });
        else if (clientUids !== 'all') throw new AppError('KEY_MISSING', `No key is stored for client ${uid}.`);
      }
      if (keys.length === 0) throw new AppError('KEY_MISSING', 'There is no key to export for this selection.');
      const metadata: BackupMetadata = {
        connectionId,
        createdAt: nowIso(deps),
        clients: keys.map((k) => ({ clientUid: k.clientUid, fingerprint: fingerprint(k.key), createdAt: k.createdAt })),
      };
      await writeBackupFile(path, passphrase, metadata, keys);
      deps.audit?.({ action: 'key.exportBackup', connectionId, clientUid: null, outcome: 'ok', detail: `${keys.length} key(s)` });
      return { path, clients: metadata.clients };
    },

    async inspect(path, targetConnectionId) {
      const file = parseBackup(await readBackupFile(path));
      const target = targetConnectionId ?? file.metadata.connectionId;
      const clients = [];
      for (const c of file.metadata.clients) clients.push({ ...c, ...(await localState(target, c.clientUid, c.fingerprint)) });
      return {
        formatVersion: file.version,
        connectionId: file.metadata.connectionId,
        createdAt: file.metadata.createdAt,
        kdf: { name: file.kdf.name, N: file.kdf.N, r: file.kdf.r, p: file.kdf.p },
        verified: false,
        clients,
      };
    },

    async importKeys(path, passphrase, opts) {
      const file = parseBackup(await readBackupFile(path));
      const payload = await openBackup(file, passphrase);
      const target = opts.targetConnectionId ?? file.metadata.connectionId;
      // Everything is checked before anything is written: all or nothing.
      const byUid = new Map(file.metadata.clients.map((c) => [c.clientUid, c]));
      if (payload.keys.length !== byUid.size) throw new AppError('VALIDATION', 'This backup is inconsistent (metadata and contents differ). Nothing was imported.');
      const plan: Array<{ clientUid: string; key: string; createdAt: string; fp: string; local: LocalState; localFingerprint: string | null }> = [];
      for (const k of payload.keys) {
        const key = parseKey(k.key);
        const fp = fingerprint(key);
        if (byUid.get(k.clientUid)?.fingerprint !== fp) throw new AppError('VALIDATION', 'This backup is inconsistent (a fingerprint does not match its key). Nothing was imported.');
        if ((await store.get(target, k.clientUid, 'pending')) || journal.open({ connectionId: target, clientUid: k.clientUid }).length > 0) {
          throw new AppError('CONFLICT', `Client ${k.clientUid} has a rotation to confirm; recover it before importing. Nothing was imported.`, { rotationToConfirm: true });
        }
        plan.push({ clientUid: k.clientUid, key, createdAt: k.createdAt, fp, ...(await localState(target, k.clientUid, fp)) });
      }
      const conflicts = plan.filter((p) => p.local === 'different');
      if (conflicts.length > 0 && opts.confirm !== true) {
        throw new AppError('CONFLICT', `${conflicts.length} client(s) already have a different key; confirm to replace them (the replaced keys are kept as previous). Nothing was imported.`, {
          needsConfirm: true,
          conflicts: conflicts.map((c) => ({ clientUid: c.clientUid, currentFingerprint: c.localFingerprint, importedFingerprint: c.fp })),
        });
      }
      const result: ImportResult = { connectionId: target, imported: [], unchanged: [] };
      for (const p of plan) {
        if (p.local === 'same') {
          result.unchanged.push(p.clientUid);
          continue;
        }
        await lock(target, p.clientUid, () => rotator.promote(target, p.clientUid, { key: p.key, createdAt: p.createdAt }));
        result.imported.push({ clientUid: p.clientUid, fingerprint: p.fp, replacedFingerprint: p.localFingerprint });
      }
      deps.audit?.({ action: 'key.importBackup', connectionId: target, clientUid: null, outcome: 'ok', detail: `${result.imported.length} imported, ${result.unchanged.length} unchanged` });
      return result;
    },
  };
}
