// Removing a connection (confirmed) deletes every keychain entry it owns and everything cached for it,
// and leaves another connection's data alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { Core } from '../../../../../main/core/create-core';
import { createStandInKeychain } from '../../../../fixtures/keys/stand-in-keychain';
import type { Keychain } from '../../../../../main/core/vault';
import { invokeOk, PDP_FIELDS } from '../../../../fixtures/keys/sandbox-core';

let dir: string;
let core: Core;
let keychain: Keychain;

const rowsOf = (table: string, connectionId: string) =>
  (core.context.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE connection_id = ?`).get(connectionId) as { n: number }).n;

async function populatedConnection(label: string): Promise<string> {
  const demo = await invokeOk<{ id: string }>(core, 'demo.start');
  const sandbox = core.context.demo.sandboxFor(demo.id);
  if (!sandbox) throw new Error('no sandbox');
  const { id } = await invokeOk<{ id: string }>(core, 'connections.add', {
    label, provider: 'factpulse', baseUrl: sandbox.url, auth: { method: 'apiKey', apiKey: sandbox.credentials.apiKey },
  });
  expect((await invokeOk<{ state: string }>(core, 'sync.now', { connectionId: id })).state).toBe('done');
  const page = await invokeOk<{ rows: Array<{ remoteId: string }> }>(core, 'clients.page', { connectionId: id, page: 1, pageSize: 5 });
  const uid = page.rows[0]?.remoteId ?? '';
  await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: id, clientUid: uid, fields: PDP_FIELDS });
  await invokeOk(core, 'factpulse.webhook.generate', { connectionId: id, remoteId: uid, saveToKeychain: true });
  return id;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-remove-'));
  keychain = createStandInKeychain();
  core = await createCore({ dataDir: dir, keychain, resumeDemo: false });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('removing a connection', () => {
  it('needs an explicit confirmation', async () => {
    const id = await populatedConnection('Kept');
    const refused = await core.router.invoke('connections.remove', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await keychain.list(`${id}/`)).not.toHaveLength(0);
  });

  it('deletes its keychain entries (API key, keys, webhook secret) and its cached data, and nothing of another connection', async () => {
    const removed = await populatedConnection('Removed');
    const other = await populatedConnection('Other');
    const before = await keychain.list(`${removed}/`);
    expect(before.some((a) => a.endsWith('/apiKey'))).toBe(true);
    expect(before.some((a) => a.includes('/key/'))).toBe(true);
    expect(before.some((a) => a.includes('/webhook/'))).toBe(true);
    for (const table of ['clients', 'sync_state', 'client_keys']) expect(rowsOf(table, removed), table).toBeGreaterThan(0);

    await invokeOk(core, 'connections.remove', { id: removed, confirm: true });

    expect(await keychain.list(`${removed}/`)).toEqual([]);
    for (const table of ['clients', 'sync_state', 'sync_walk_pages', 'outbox', 'client_keys']) expect(rowsOf(table, removed), table).toBe(0);
    const list = await invokeOk<Array<{ id: string }>>(core, 'connections.list');
    expect(list.map((c) => c.id)).not.toContain(removed);
    expect((await keychain.list(`${other}/`)).length).toBe(before.length);
    expect(rowsOf('clients', other)).toBeGreaterThan(0);
  });
});
