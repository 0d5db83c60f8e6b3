import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../../main/core/ipc/event-bus';
import { startFactPulseSandbox } from '../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../main/core/sandbox/factpulse';
import { createSyncService } from '../../../../../../main/core/sync/sync-service';
import { PDP_MODE_CONCURRENCY, createPdpModeLearner } from '../../../../../../main/core/providers/factpulse/pdp-modes';
import type { CacheDb } from '../../../../../../main/core/cache/database';
import type { Provider } from '../../../../../../main/core/providers/types';
import type { PdpModesProgress } from '../../../../../../shared/schemas/keys';
import { tempDb } from '../../../../../unit/main/core/cache/temp-db';
import { sandboxProvider } from '../../sync/sandbox-provider';

const CONN = 'conn-1';
// Enough PDP configurations (about a quarter of the clients) to take the learner over several of its batches.
const CLIENTS = 1200;
let sandbox: FactPulseSandbox;
let db: CacheDb;
let cleanup: () => void;
let provider: Provider;

const modes = () =>
  db.sqlite
    .prepare(
      `SELECT c.remote_id AS uid, f.encryption_mode AS mode FROM clients c JOIN factpulse_client_facts f ON f.client_id = c.id
        WHERE f.pdp_configured = 1 ORDER BY c.remote_id`,
    )
    .all() as Array<{ uid: string; mode: string | null }>;
const serverModes = () =>
  [...sandbox.state.clients]
    .filter(([, c]) => c.pdp)
    .map(([uid, c]) => ({ uid, mode: c.pdp?.encryptionMode ?? null }))
    .sort((a, b) => a.uid.localeCompare(b.uid));

beforeEach(async () => {
  sandbox = await startFactPulseSandbox({ clients: CLIENTS, seed: 5 });
  ({ db, cleanup } = tempDb());
  // The app's own HTTP limiter size (4 slots).
  provider = sandboxProvider(sandbox, CONN, { concurrency: 4 });
  const sync = createSyncService({ db, events: createEventBus(), log: () => {}, online: (_id, call) => call(provider) });
  expect((await sync.syncNow(CONN)).state).toBe('done');
  await sync.close();
});
afterEach(async () => {
  cleanup();
  await sandbox.close();
});

describe('learning PDP encryption modes after a sync', () => {
  it('learns every mode in one run, a few requests at a time, and says how far along it is', async () => {
    const expected = serverModes();
    expect(expected.length).toBeGreaterThan(250);
    expect(expected.filter((m) => m.mode === 'double').length).toBeGreaterThan(50);
    expect(modes().every((r) => r.mode === null)).toBe(true);

    sandbox.faults.set({ latencyMs: 5, pathPattern: /pdp-config/ });
    const events: PdpModesProgress[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const learner = createPdpModeLearner({
      db,
      log: () => {},
      emit: (p) => events.push(p),
      online: async (_id, call) => {
        calls++;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        try {
          return await call(provider);
        } finally {
          inFlight--;
        }
      },
    });
    expect(learner.status()).toEqual([{ connectionId: CONN, known: 0, total: expected.length, running: false }]);

    expect(await learner.refresh(CONN)).toBe(expected.length);
    expect(modes()).toEqual(expected);
    expect(calls).toBe(expected.length);
    expect(maxInFlight).toBe(PDP_MODE_CONCURRENCY);

    expect(events[0]).toEqual({ connectionId: CONN, known: 0, total: expected.length, running: true });
    expect(events.at(-1)).toEqual({ connectionId: CONN, known: expected.length, total: expected.length, running: false });
    const known = events.map((e) => e.known);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(events.length).toBeGreaterThan(4);
    expect(learner.status()).toEqual([{ connectionId: CONN, known: expected.length, total: expected.length, running: false }]);

    calls = 0;
    expect(await learner.refresh(CONN)).toBe(0);
    expect(calls).toBe(0);
    await learner.close();
  });

  it('stops at the first failure that is not a vanished client, and the next run goes on from there', async () => {
    const total = serverModes().length;
    let calls = 0;
    const failing = createPdpModeLearner({
      db,
      log: () => {},
      online: (_id, call) => (++calls > 40 ? Promise.reject(Object.assign(new Error('offline'), { code: 'OFFLINE' })) : call(provider)),
    });
    const learnedFirst = await failing.refresh(CONN);
    expect(learnedFirst).toBeGreaterThanOrEqual(40 - PDP_MODE_CONCURRENCY);
    expect(learnedFirst).toBeLessThanOrEqual(40);
    expect(calls).toBeLessThan(40 + PDP_MODE_CONCURRENCY + 1);
    const [after] = failing.status();
    expect(after).toEqual({ connectionId: CONN, known: learnedFirst, total, running: false });
    await failing.close();

    let resumedCalls = 0;
    const learner = createPdpModeLearner({ db, log: () => {}, online: (_id, call) => (resumedCalls++, call(provider)) });
    expect(await learner.resume(CONN)).toBe(total - learnedFirst);
    expect(resumedCalls).toBe(total - learnedFirst);
    expect(modes()).toEqual(serverModes());
    await learner.close();
  });

  it('skips a client that vanished from the server and learns the rest', async () => {
    const gone = serverModes()[3]!.uid;
    sandbox.state.clients.delete(gone);
    const learner = createPdpModeLearner({ db, log: () => {}, online: (_id, call) => call(provider) });
    const total = serverModes().length + 1;
    expect(await learner.refresh(CONN)).toBe(total - 1);
    expect(modes().filter((m) => m.mode === null).map((m) => m.uid)).toEqual([gone]);
    expect(learner.status()[0]).toMatchObject({ known: total - 1, total });
    await learner.close();
  });

  it('does not resume a connection whose list was never completely synced', async () => {
    db.sqlite.prepare('UPDATE sync_state SET last_completed_at = NULL WHERE connection_id = ?').run(CONN);
    let calls = 0;
    const learner = createPdpModeLearner({ db, log: () => {}, online: (_id, call) => (calls++, call(provider)) });
    expect(await learner.resume(CONN)).toBe(0);
    expect(calls).toBe(0);
    await learner.close();
  });
});
