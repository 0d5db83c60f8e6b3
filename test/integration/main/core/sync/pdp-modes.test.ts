import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../main/core/ipc/event-bus';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { createSyncService } from '../../../../../main/core/sync/sync-service';
import { createPdpModeRefresher } from '../../../../../main/core/sync/pdp-modes';
import type { CacheDb } from '../../../../../main/core/cache/database';
import type { Provider } from '../../../../../main/core/providers/types';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';
import { sandboxProvider } from './sandbox-provider';

const CONN = 'conn-1';
let sandbox: FactPulseSandbox;
let db: CacheDb;
let cleanup: () => void;
let provider: Provider;

const modes = () =>
  db.sqlite.prepare(`SELECT remote_id AS uid, encryption_mode AS mode FROM clients WHERE pdp_configured = 1 ORDER BY remote_id`).all() as Array<{ uid: string; mode: string | null }>;

beforeEach(async () => {
  sandbox = await startFactPulseSandbox({ clients: 150, seed: 5 });
  ({ db, cleanup } = tempDb());
  provider = sandboxProvider(sandbox, CONN);
  const sync = createSyncService({ db, events: createEventBus(), log: () => {}, online: (_id, call) => call(provider) });
  expect((await sync.syncNow(CONN)).state).toBe('done');
  await sync.close();
});
afterEach(async () => {
  cleanup();
  await sandbox.close();
});

describe('learning PDP encryption modes after a sync', () => {
  it('fills in the mode of every PDP-configured client, in batches, as the server reports it', async () => {
    const server = new Map([...sandbox.state.clients].filter(([, c]) => c.pdp).map(([uid, c]) => [uid, c.pdp?.encryptionMode]));
    expect([...server.values()].filter((m) => m === 'double').length).toBeGreaterThan(0);
    expect(modes().every((r) => r.mode === null)).toBe(true);

    let calls = 0;
    const refresher = createPdpModeRefresher({ db, log: () => {}, online: (_id, call) => (calls++, call(provider)) });
    expect(await refresher.refresh(CONN, 5)).toBe(5);
    expect(calls).toBe(5);
    await refresher.refresh(CONN);
    expect(modes()).toEqual([...server].sort(([a], [b]) => a.localeCompare(b)).map(([uid, mode]) => ({ uid, mode })));

    calls = 0;
    expect(await refresher.refresh(CONN)).toBe(0);
    expect(calls).toBe(0);
    await refresher.close();
  });

  it('stops at the first failure that is not a vanished client, and learns nothing wrong', async () => {
    const refresher = createPdpModeRefresher({
      db,
      log: () => {},
      online: () => Promise.reject(Object.assign(new Error('offline'), { code: 'OFFLINE' })),
    });
    expect(await refresher.refresh(CONN)).toBe(0);
    expect(modes().every((r) => r.mode === null)).toBe(true);
  });
});
