import { AppError } from '../../../../../shared/errors';
import { classify, errorShape, nowIso } from './deps';
import type { ClientLock, KeyDeps } from './deps';
import type { KeyJournal } from './journal';
import { backUpBeforeUse, refuseUnkeptKey } from './keep-guard';
import type { BackupFirst } from './keep-guard';
import { fingerprint, generateKey } from './key-material';
import type { KeyStore, StoredKey } from './key-store';

export type RotationOutcomeKind = 'committed' | 'aborted' | 'unknown';

export interface RotationOutcome {
  connectionId: string;
  clientUid: string;
  outcome: RotationOutcomeKind;
  oldFingerprint: string | null;
  newFingerprint: string | null;
  journalId: number | null;
  error: { code: string; message: string } | null;
  /** The encrypted backup written before the new key was used (memory-only keychain, backup-first). */
  backupPath?: string;
}

export interface RecoveryOutcome {
  connectionId: string;
  clientUid: string;
  /** committed: the server holds the new key (promoted); aborted: it holds the old one (pending cleared); unknown: unresolved, both kept. */
  outcome: 'committed' | 'aborted' | 'unknown' | 'nothing';
  serverKeyFingerprint: string | null;
  currentFingerprint: string | null;
  resolvedRows: number;
  error: { code: string; message: string } | null;
}

export interface Rotator {
  rotate(connectionId: string, clientUid: string, opts?: { jobId?: string | null; backupFirst?: BackupFirst | undefined }): Promise<RotationOutcome>;
  recoverClient(connectionId: string, clientUid: string): Promise<RecoveryOutcome>;
  recoverAll(filter?: { connectionId?: string }): Promise<RecoveryOutcome[]>;
  /** Puts `next` in `current`, keeping a different old current in `previous`, and clears `pending` if it held `next`. */
  promote(connectionId: string, clientUid: string, next: StoredKey): Promise<void>;
}

export function createRotator(deps: KeyDeps, store: KeyStore, journal: KeyJournal, lock: ClientLock): Rotator {
  const log = deps.log ?? (() => {});

  async function promote(connectionId: string, clientUid: string, next: StoredKey): Promise<void> {
    const current = await store.get(connectionId, clientUid, 'current');
    if (current && current.key !== next.key) await store.set(connectionId, clientUid, 'previous', current);
    if (!current || current.key !== next.key) await store.set(connectionId, clientUid, 'current', next);
    const pending = await store.get(connectionId, clientUid, 'pending');
    if (pending && pending.key === next.key) await store.clear(connectionId, clientUid, 'pending');
  }

  async function rotateLocked(connectionId: string, clientUid: string, jobId: string | null, backupFirst: BackupFirst | undefined): Promise<RotationOutcome> {
    refuseUnkeptKey(deps, { backupFirst, canBackUpFirst: jobId === null });
    let current = await store.get(connectionId, clientUid, 'current');
    if (!current) throw new AppError('KEY_MISSING', 'No key is stored for this client: enable double mode or import its key first.');
    const pendingBefore = await store.get(connectionId, clientUid, 'pending');
    if (pendingBefore || journal.open({ connectionId, clientUid }).length > 0) {
      const rec = await recoverLocked(connectionId, clientUid);
      if (rec.outcome === 'unknown') {
        throw new AppError('CONFLICT', 'A previous rotation of this client is still to be confirmed; recover it before rotating again.', {
          rotationToConfirm: true,
        });
      }
      current = await store.get(connectionId, clientUid, 'current');
      if (!current) throw new AppError('KEY_MISSING', 'No key is stored for this client.');
    }
    const oldFp = fingerprint(current.key);
    const next: StoredKey = { key: generateKey(), createdAt: nowIso(deps) };
    const newFp = fingerprint(next.key);
    const backup = backupFirst ? { backupPath: await backUpBeforeUse(deps, backupFirst, connectionId, clientUid, next) } : {};
    // Step 1: pending slot, then the journal row, both before the server hears anything.
    await store.set(connectionId, clientUid, 'pending', next);
    const journalId = journal.begin({ connectionId, clientUid, oldFingerprint: oldFp, newFingerprint: newFp, jobId });
    const base = { connectionId, clientUid, oldFingerprint: oldFp, newFingerprint: newFp, journalId, ...backup };
    await deps.hooks?.beforeCall?.({ connectionId, clientUid });
    // Step 2: the server call.
    const oldKey = current.key;
    try {
      const result = await deps.call(connectionId, (p) => {
        if (!p.rotateEncryptionKey) throw new AppError('UNSUPPORTED', 'This connection cannot rotate encryption keys.');
        return p.rotateEncryptionKey(clientUid, oldKey, next.key);
      });
      if (!result.success) throw new AppError('BAD_RESPONSE', 'FactPulse answered the rotation without confirming it.');
    } catch (err) {
      const shape = errorShape(err);
      if (classify(err) === 'definite') {
        // Definite refusal: nothing changed on the server; drop the pending key, journal aborted.
        await store.clear(connectionId, clientUid, 'pending');
        journal.mark(journalId, 'aborted', `${shape.code}: ${shape.message}`);
        deps.audit?.({ action: 'key.rotate', connectionId, clientUid, outcome: 'refused', oldFingerprint: oldFp, newFingerprint: newFp, detail: shape.code });
        return { ...base, outcome: 'aborted', error: shape };
      }
      // No answer: keep both keys, journal unknown; recovery will find out.
      journal.mark(journalId, 'unknown', `${shape.code}: ${shape.message}`);
      log(`key rotation of ${clientUid} on ${connectionId}: no answer (${shape.code}); pending key ${newFp} kept for recovery`);
      deps.audit?.({ action: 'key.rotate', connectionId, clientUid, outcome: 'unknown', oldFingerprint: oldFp, newFingerprint: newFp, detail: shape.code });
      return { ...base, outcome: 'unknown', error: shape };
    }
    await deps.hooks?.afterCall?.({ connectionId, clientUid });
    // Step 3: previous ← current, current ← pending, clear pending; journal committed.
    await promote(connectionId, clientUid, next);
    journal.mark(journalId, 'committed');
    deps.audit?.({ action: 'key.rotate', connectionId, clientUid, outcome: 'ok', oldFingerprint: oldFp, newFingerprint: newFp });
    await deps.hooks?.afterCommit?.({ connectionId, clientUid });
    return { ...base, outcome: 'committed', error: null };
  }

  /** Which candidate key the server holds: a rotate from the candidate to itself succeeds only with the right key. */
  async function probe(connectionId: string, clientUid: string, candidates: StoredKey[]): Promise<{ holder: StoredKey | null; error: unknown; noSecret?: boolean }> {
    let lastRefusal: unknown = null;
    for (const candidate of candidates) {
      try {
        const result = await deps.call(connectionId, (p) => {
          if (!p.rotateEncryptionKey) throw new AppError('UNSUPPORTED', 'This connection cannot rotate encryption keys.');
          return p.rotateEncryptionKey(clientUid, candidate.key, candidate.key);
        });
        if (result.success) return { holder: candidate, error: null };
        return { holder: null, error: new AppError('BAD_RESPONSE', 'FactPulse answered the probe without confirming it.') };
      } catch (err) {
        if (err instanceof AppError && err.code === 'KEY_MISMATCH') {
          lastRefusal = err;
          continue;
        }
        if (err instanceof AppError && err.code === 'NOT_FOUND' && err.details?.status === 404) return { holder: null, error: err, noSecret: true };
        return { holder: null, error: err };
      }
    }
    return {
      holder: null,
      error: lastRefusal
        ? new AppError('KEY_MISMATCH', 'FactPulse accepts neither the pending nor the current key of this client; both are kept.')
        : new AppError('KEY_MISSING', 'No key is stored for this client.'),
    };
  }

  async function recoverLocked(connectionId: string, clientUid: string): Promise<RecoveryOutcome> {
    const rows = journal.open({ connectionId, clientUid });
    const pending = await store.get(connectionId, clientUid, 'pending');
    const current = await store.get(connectionId, clientUid, 'current');
    const currentFp = current ? fingerprint(current.key) : null;
    const base = { connectionId, clientUid, resolvedRows: 0 };
    if (rows.length === 0 && !pending) {
      return { ...base, outcome: 'nothing', serverKeyFingerprint: null, currentFingerprint: currentFp, error: null };
    }
    const candidates = [pending, current].filter((k): k is StoredKey => k !== null);
    const { holder, error, noSecret } = await probe(connectionId, clientUid, candidates);
    if (!holder && noSecret) {
      // FactPulse holds no double-mode secret: no key protects anything there. Nothing is discarded:
      // a pending key moves to `previous`.
      if (pending) {
        if (!current || current.key !== pending.key) await store.set(connectionId, clientUid, 'previous', pending);
        await store.clear(connectionId, clientUid, 'pending');
      }
      for (const row of rows) journal.mark(row.id, 'aborted', 'recovery: FactPulse holds no double-mode secret for this client');
      return { ...base, resolvedRows: rows.length, outcome: 'aborted', serverKeyFingerprint: null, currentFingerprint: currentFp, error: null };
    }
    if (!holder) {
      const shape = errorShape(error);
      for (const row of rows) journal.mark(row.id, 'unknown', `recovery: ${shape.code}: ${shape.message}`);
      deps.audit?.({ action: 'key.recover', connectionId, clientUid, outcome: 'unknown', detail: shape.code });
      return { ...base, outcome: 'unknown', serverKeyFingerprint: null, currentFingerprint: currentFp, error: shape };
    }
    const holderFp = fingerprint(holder.key);
    if (pending && holder.key === pending.key) {
      await promote(connectionId, clientUid, pending);
    } else if (pending) {
      await store.clear(connectionId, clientUid, 'pending');
    }
    let outcome: 'committed' | 'aborted' = pending && holder.key === pending.key ? 'committed' : 'aborted';
    for (const row of rows) {
      // A row whose new key is the one the server holds was applied (e.g. killed after clearing pending).
      const applied = row.newFingerprint === holderFp;
      if (applied) outcome = 'committed';
      journal.mark(row.id, applied ? 'committed' : 'aborted', applied ? null : 'recovery: the server still holds the old key');
    }
    log(`key recovery of ${clientUid} on ${connectionId}: ${outcome}, server holds ${holderFp}`);
    deps.audit?.({ action: 'key.recover', connectionId, clientUid, outcome: 'ok', fingerprint: holderFp, detail: outcome });
    return { ...base, resolvedRows: rows.length, outcome, serverKeyFingerprint: holderFp, currentFingerprint: holderFp, error: null };
  }

  return {
    rotate: (connectionId, clientUid, opts = {}) => lock(connectionId, clientUid, () => rotateLocked(connectionId, clientUid, opts.jobId ?? null, opts.backupFirst)),
    recoverClient: (connectionId, clientUid) => lock(connectionId, clientUid, () => recoverLocked(connectionId, clientUid)),
    async recoverAll(filter = {}) {
      const targets = new Map<string, { connectionId: string; clientUid: string }>();
      for (const row of journal.open(filter)) targets.set(`${row.connectionId}\u0000${row.clientUid}`, row);
      for (const p of await store.pendingEverywhere()) {
        if (!filter.connectionId || p.connectionId === filter.connectionId) targets.set(`${p.connectionId}\u0000${p.clientUid}`, p);
      }
      const out: RecoveryOutcome[] = [];
      for (const t of targets.values()) {
        try {
          out.push(await lock(t.connectionId, t.clientUid, () => recoverLocked(t.connectionId, t.clientUid)));
        } catch (err) {
          out.push({ ...t, outcome: 'unknown', serverKeyFingerprint: null, currentFingerprint: null, resolvedRows: 0, error: errorShape(err) });
        }
      }
      return out;
    },
    promote: (connectionId, clientUid, next) => promote(connectionId, clientUid, next),
  };
}
