import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDb } from '../../../../../main/core/cache/handles';
import { createClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import { generateClients } from '../../../../fixtures/cache/generate-clients';
import { tempDb } from './temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('WAL checkpoints in a worker thread', () => {
  it('take over from the main connection, copy the WAL into the database while it writes, and stay consistent', async () => {
    const t = tempDb({ backgroundCheckpoints: true });
    cleanups.push(t.cleanup);
    expect(await t.db.checkpointsReady).toBe(true);
    expect(t.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const before = size(t.file);
    const writes = createClientWrites(writeDb(t.db));
    const clients = generateClients('A', 20_000, 3);
    for (let i = 0; i < clients.length; i += 1000) writes.upsertPage('A', clients.slice(i, i + 1000), 1, 'now');
    expect(size(`${t.file}-wal`)).toBeGreaterThan(4 * 1024 * 1024);

    // The main thread never checkpointed; the worker must have copied pages into the database file.
    expect(await until(() => size(t.file) > before + 1024 * 1024, 5_000)).toBe(true);
    expect(t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 20_000 });
  });

  it('closing hands checkpoints back and leaves no WAL behind', async () => {
    const t = tempDb({ backgroundCheckpoints: true });
    cleanups.push(t.cleanup);
    await t.db.checkpointsReady;
    createClientWrites(writeDb(t.db)).upsertPage('A', generateClients('A', 2_000, 4), 1, 'now');
    t.db.close();
    expect(size(`${t.file}-wal`)).toBe(0);
  });

  it('is off unless asked for: plain connections checkpoint themselves', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    expect(await t.db.checkpointsReady).toBe(false);
    expect(t.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });
});
