import { AppError } from '../../../../../shared/errors';
import { fingerprint } from './key-material';
import { createBackups } from './backup';
import type { Backups } from './backup';
import { createBulkRotation } from './bulk';
import type { BulkRotation } from './bulk';
import { createClientLocks } from './deps';
import type { KeyDeps } from './deps';
import { createDoubleMode } from './double-mode';
import type { DoubleMode } from './double-mode';
import { createKeyJournal } from './journal';
import { refuseUnkeptKey } from './keep-guard';
import type { KeyJournal } from './journal';
import { createKeyMeta } from './key-meta';
import { createKeyStore } from './key-store';
import type { KeyInventoryEntry, KeyStore } from './key-store';
import { createRotator } from './rotation';
import type { RecoveryOutcome, Rotator } from './rotation';

export { generateKey, parseKey, fingerprint } from './key-material';
export { keyAccount, createKeyStore } from './key-store';
export { verifyWebhook } from './webhook-verify';
export type { KeyDeps, KeyAuditEvent, RotationHooks, JobProgress } from './deps';
export type { RotationOutcome, RecoveryOutcome } from './rotation';
export type { KeyInventoryEntry } from './key-store';
export type { BackupFirst } from './keep-guard';

export interface InventoryRow extends KeyInventoryEntry {
  status: 'ok' | 'rotation-to-confirm' | 'missing-locally' | 'not-in-use';
  lastRotationAt: string | null;
}

/** FactPulse's double-mode keys (docs/architecture.md §5), served by the factpulse.keys.* channels. */
export interface KeyService {
  store: KeyStore;
  journal: KeyJournal;
  rotator: Rotator;
  double: DoubleMode;
  bulk: BulkRotation;
  backups: Backups;
  /** One connection, or every connection that holds keys when connectionId is omitted. */
  inventory(connectionId?: string): Promise<InventoryRow[]>;
  /** The key itself: only for an explicit, confirmed reveal/copy. */
  reveal(connectionId: string, clientUid: string, slot?: 'current' | 'previous'): Promise<{ key: string; fingerprint: string }>;
  /** Recovery of every rotation left unknown/pending; also pauses bulk jobs a previous process left running. */
  recoverAll(filter?: { connectionId?: string }): Promise<RecoveryOutcome[]>;
  /** The recovery run at core start, beside a reconcile of the key metadata in SQLite (memoised: the first call starts it). */
  startupRecovery(): Promise<RecoveryOutcome[]>;
  /** Stops bulk runners and waits for the startup recovery (core close). */
  shutdown(): Promise<void>;
}

export function createKeyService(deps: KeyDeps): KeyService {
  const store = createKeyStore(deps.keychain, createKeyMeta(deps.db));
  const journal = createKeyJournal(deps.db, deps.now);
  const lock = createClientLocks();
  const rotator = createRotator(deps, store, journal, lock);
  const double = createDoubleMode(deps, store, journal, rotator, lock);
  const bulk = createBulkRotation(deps, store, journal, rotator);
  const created = createBackups(deps, store, journal, rotator, lock);
  const backups: Backups = {
    ...created,
    async importKeys(path, passphrase, opts) {
      refuseUnkeptKey(deps);
      return created.importKeys(path, passphrase, opts);
    },
  };

  let startup: Promise<RecoveryOutcome[]> | null = null;
  const log = deps.log ?? (() => {});

  return {
    store,
    journal,
    rotator,
    double,
    bulk,
    backups,
    async inventory(connectionId) {
      const entries = [];
      for (const id of connectionId ? [connectionId] : await store.connections()) entries.push(...(await store.inventory(id)));
      return entries.map((e) => {
        const open = journal.open({ connectionId: e.connectionId, clientUid: e.clientUid }).length > 0;
        const status: InventoryRow['status'] = e.hasPending || open ? 'rotation-to-confirm' : e.fingerprint ? 'ok' : 'missing-locally';
        return { ...e, status, lastRotationAt: journal.lastCommitted(e.connectionId, e.clientUid)?.resolvedAt ?? null };
      });
    },
    async reveal(connectionId, clientUid, slot = 'current') {
      const stored = await store.get(connectionId, clientUid, slot);
      if (!stored) throw new AppError('KEY_MISSING', `No ${slot} key is stored for this client.`);
      const fp = fingerprint(stored.key);
      deps.audit?.({ action: 'key.reveal', connectionId, clientUid, outcome: 'ok', fingerprint: fp, detail: slot });
      return { key: stored.key, fingerprint: fp };
    },
    recoverAll: (filter) => rotator.recoverAll(filter),
    startupRecovery() {
      if (!startup) {
        const paused = bulk.pauseInterrupted();
        if (paused > 0) log(`keys: ${paused} bulk rotation job(s) interrupted by the last exit are paused, ready to resume`);
        const reconciled = store.reconcileMeta().then(
          (r) => {
            if (r.put + r.removed > 0) log(`keys: key dates reconciled with the keychain (${r.put} added, ${r.removed} removed)`);
          },
          (err: unknown) => log(`keys: key dates not reconciled: ${err instanceof Error ? err.message : String(err)}`),
        );
        const recovered = rotator.recoverAll().then(
          (outcomes) => {
            const unresolved = outcomes.filter((o) => o.outcome === 'unknown').length;
            if (outcomes.length > 0) log(`keys: startup recovery looked at ${outcomes.length} client(s); ${unresolved} still to confirm`);
            return outcomes;
          },
          (err: unknown) => {
            log(`keys: startup recovery failed: ${err instanceof Error ? err.message : String(err)}`);
            return [];
          },
        );
        startup = Promise.all([recovered, reconciled]).then(([outcomes]) => outcomes);
      }
      return startup;
    },
    async shutdown() {
      await bulk.stopAll();
      if (startup) await startup;
    },
  };
}
