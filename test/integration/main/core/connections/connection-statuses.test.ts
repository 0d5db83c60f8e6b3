// The renderer asks for the last known reachability when it loads (a reload, a new window), so an
// offline connection is announced without waiting for the next failing call.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { Core } from '../../../../../main/core/create-core';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { invokeOk } from '../../../../fixtures/keys/sandbox-core';

let dir: string;
let core: Core;

/** A port nothing listens on: reserved, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-statuses-'));
  core = await createCore({ dataDir: dir, keychain: createMemoryKeychain(), resumeDemo: false });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('connections.statuses', () => {
  it('reports an unreachable connection as offline and a reachable one as online, with the reason', async () => {
    const down = await invokeOk<{ id: string }>(core, 'connections.add', {
      label: 'Down', provider: 'factpulse', baseUrl: `http://127.0.0.1:${await closedPort()}`, auth: { method: 'apiKey', apiKey: 'fp_test_key_0000000000' },
    });
    const demo = await invokeOk<{ id: string }>(core, 'demo.start');
    await invokeOk(core, 'clients.page', { connectionId: demo.id, page: 1, pageSize: 5 });
    const failed = await core.router.invoke('clients.page', { connectionId: down.id, page: 1, pageSize: 5 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });

    const statuses = await invokeOk<Array<{ connectionId: string; state: string; message: string | null }>>(core, 'connections.statuses');
    const byId = Object.fromEntries(statuses.map((s) => [s.connectionId, s]));
    expect(byId[down.id]).toMatchObject({ state: 'offline' });
    expect(byId[down.id]?.message).toBeTruthy();
    expect(byId[demo.id]).toMatchObject({ state: 'online', message: null });
  });

  it('forgets a removed connection', async () => {
    const demo = await invokeOk<{ id: string }>(core, 'demo.start');
    await invokeOk(core, 'clients.page', { connectionId: demo.id, page: 1, pageSize: 5 });
    const ids = async () => (await invokeOk<Array<{ connectionId: string }>>(core, 'connections.statuses')).map((s) => s.connectionId);
    expect(await ids()).toContain(demo.id);
    await invokeOk(core, 'connections.remove', { id: demo.id, confirm: true });
    expect(await ids()).not.toContain(demo.id);
  });
});
