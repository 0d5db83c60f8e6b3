import { AppError } from '../../../../../shared/errors';
import type { PdpConfig, PdpConfigInput } from '../../types';
import { classify, errorShape, nowIso } from './deps';
import type { ClientLock, KeyDeps } from './deps';
import type { KeyJournal } from './journal';
import { backUpBeforeUse, refuseUnkeptKey } from './keep-guard';
import type { BackupFirst } from './keep-guard';
import { fingerprint, generateKey, parseKey } from './key-material';
import type { KeyStore, StoredKey } from './key-store';
import type { Rotator } from './rotation';

export type PdpFields = Omit<PdpConfigInput, 'encryptionMode'>;

export interface EnableDoubleResult {
  pdp: PdpConfig;
  fingerprint: string;
  generated: boolean;
  /** The encrypted backup written before the key was used (memory-only keychain, backup-first). */
  backupPath?: string;
}

export const FERNET_EXPLANATION =
  'In fernet mode FactPulse protects the PDP secret with its own key only: no client key is needed any more. ' +
  'Clientdesk keeps the former key in the "previous" slot (and in your backups) but no longer sends it.';

export interface DoubleMode {
  enable(connectionId: string, clientUid: string, fields: PdpFields, opts?: { backupFirst?: BackupFirst | undefined }): Promise<EnableDoubleResult>;
  disable(connectionId: string, clientUid: string, fields: PdpFields): Promise<{ pdp: PdpConfig; explanation: string; keptFingerprint: string | null }>;
  importKey(
    connectionId: string,
    clientUid: string,
    keyText: string,
    opts: { confirm?: boolean; verify?: boolean },
  ): Promise<{ fingerprint: string; replacedFingerprint: string | null; unchanged: boolean; serverAccepts: boolean | null }>;
}

export function createDoubleMode(deps: KeyDeps, store: KeyStore, journal: KeyJournal, rotator: Rotator, lock: ClientLock): DoubleMode {
  async function refuseWhileUnresolved(connectionId: string, clientUid: string): Promise<void> {
    const pending = await store.get(connectionId, clientUid, 'pending');
    if (pending || journal.open({ connectionId, clientUid }).length > 0) {
      throw new AppError('CONFLICT', 'A key change of this client is still to be confirmed: run recovery first.', { rotationToConfirm: true });
    }
  }

  function putPdp(connectionId: string, clientUid: string, input: PdpConfigInput, key?: string): Promise<PdpConfig> {
    return deps.call(connectionId, (p) => {
      if (!p.updatePdpConfig) throw new AppError('UNSUPPORTED', 'This connection has no PDP configuration.');
      return p.updatePdpConfig(clientUid, input, key ? { encryptionKey: key } : {});
    });
  }

  async function enableLocked(connectionId: string, clientUid: string, fields: PdpFields, backupFirst: BackupFirst | undefined): Promise<EnableDoubleResult> {
    refuseUnkeptKey(deps, { backupFirst, canBackUpFirst: true });
    await refuseWhileUnresolved(connectionId, clientUid);
    const input: PdpConfigInput = { ...fields, encryptionMode: 'double' };
    const current = await store.get(connectionId, clientUid, 'current');
    if (current) {
      // Reuse the stored key: nothing changes locally, so a failure loses nothing.
      const reusedBackup = backupFirst ? { backupPath: await backUpBeforeUse(deps, backupFirst, connectionId, clientUid, current) } : {};
      const pdp = await putPdp(connectionId, clientUid, input, current.key);
      deps.audit?.({ action: 'key.enableDouble', connectionId, clientUid, outcome: 'ok', fingerprint: fingerprint(current.key) });
      return { pdp, fingerprint: fingerprint(current.key), generated: false, ...reusedBackup };
    }
    const next: StoredKey = { key: generateKey(), createdAt: nowIso(deps) };
    const fp = fingerprint(next.key);
    const backup = backupFirst ? { backupPath: await backUpBeforeUse(deps, backupFirst, connectionId, clientUid, next) } : {};
    await store.set(connectionId, clientUid, 'pending', next);
    const journalId = journal.begin({ connectionId, clientUid, operation: 'enable', oldFingerprint: null, newFingerprint: fp });
    let pdp: PdpConfig;
    try {
      pdp = await putPdp(connectionId, clientUid, input, next.key);
    } catch (err) {
      const shape = errorShape(err);
      if (classify(err) === 'definite') {
        await store.clear(connectionId, clientUid, 'pending');
        journal.mark(journalId, 'aborted', `${shape.code}: ${shape.message}`);
      } else {
        journal.mark(journalId, 'unknown', `${shape.code}: ${shape.message}`);
      }
      deps.audit?.({ action: 'key.enableDouble', connectionId, clientUid, outcome: 'failed', newFingerprint: fp, detail: shape.code });
      throw err;
    }
    await rotator.promote(connectionId, clientUid, next);
    const stored = await store.get(connectionId, clientUid, 'current');
    if (!stored || stored.key !== next.key) {
      journal.mark(journalId, 'unknown', 'INTERNAL: the key did not read back from the keychain');
      throw new AppError('KEYCHAIN_UNAVAILABLE', 'FactPulse switched to double mode but the key did not read back from the keychain; it is kept in the pending slot.');
    }
    journal.mark(journalId, 'committed');
    deps.audit?.({ action: 'key.enableDouble', connectionId, clientUid, outcome: 'ok', fingerprint: fp });
    return { pdp, fingerprint: fp, generated: true, ...backup };
  }

  async function disableLocked(connectionId: string, clientUid: string, fields: PdpFields) {
    await refuseWhileUnresolved(connectionId, clientUid);
    const pdp = await putPdp(connectionId, clientUid, { ...fields, encryptionMode: 'fernet' });
    const current = await store.get(connectionId, clientUid, 'current');
    if (current) {
      await store.set(connectionId, clientUid, 'previous', current);
      await store.clear(connectionId, clientUid, 'current');
    }
    const kept = current ? fingerprint(current.key) : null;
    deps.audit?.({ action: 'key.disableDouble', connectionId, clientUid, outcome: 'ok', fingerprint: kept });
    return { pdp, explanation: FERNET_EXPLANATION, keptFingerprint: kept };
  }

  async function probeKey(connectionId: string, clientUid: string, key: string): Promise<boolean | null> {
    try {
      const r = await deps.call(connectionId, (p) => {
        if (!p.rotateEncryptionKey) throw new AppError('UNSUPPORTED', 'This connection cannot check keys.');
        return p.rotateEncryptionKey(clientUid, key, key);
      });
      return r.success;
    } catch (err) {
      if (err instanceof AppError && err.code === 'KEY_MISMATCH') return false;
      return null;
    }
  }

  async function importLocked(connectionId: string, clientUid: string, keyText: string, opts: { confirm?: boolean; verify?: boolean }) {
    refuseUnkeptKey(deps);
    const key = parseKey(keyText);
    const fp = fingerprint(key);
    await refuseWhileUnresolved(connectionId, clientUid);
    const current = await store.get(connectionId, clientUid, 'current');
    const serverAccepts = opts.verify ? await probeKey(connectionId, clientUid, key) : null;
    if (current && current.key === key) return { fingerprint: fp, replacedFingerprint: null, unchanged: true, serverAccepts };
    const currentFp = current ? fingerprint(current.key) : null;
    if (current && opts.confirm !== true) {
      throw new AppError('CONFLICT', `A different key (${currentFp}) is stored for this client; confirm to replace it (it will be kept as the previous key).`, {
        needsConfirm: true,
        currentFingerprint: currentFp,
        importedFingerprint: fp,
      });
    }
    await rotator.promote(connectionId, clientUid, { key, createdAt: nowIso(deps) });
    deps.audit?.({ action: 'key.import', connectionId, clientUid, outcome: 'ok', fingerprint: fp, oldFingerprint: currentFp });
    return { fingerprint: fp, replacedFingerprint: currentFp, unchanged: false, serverAccepts };
  }

  return {
    enable: (c, u, f, o) => lock(c, u, () => enableLocked(c, u, f, o?.backupFirst)),
    disable: (c, u, f) => lock(c, u, () => disableLocked(c, u, f)),
    importKey: (c, u, k, o) => lock(c, u, () => importLocked(c, u, k, o)),
  };
}
