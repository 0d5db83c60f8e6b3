import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import type { Keychain } from '../../../../../main/core/vault';
import { openTestCore } from '../../../../fixtures/keys/sandbox-core';

let sandbox: FactPulseSandbox;
let core: Core;
let keychain: Keychain;
let dir: string;

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 12, seed: 3 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-probe-'));
  keychain = createMemoryKeychain();
  core = await openTestCore(dir, keychain);
}, 30_000);
afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const input = (apiKey: string, baseUrl = sandbox.url) => ({ label: 'Tried', provider: 'factpulse', baseUrl, auth: { method: 'apiKey', apiKey } });

/** Everything a probe could have left behind: keychain entries, connection records, statuses, settings text. */
async function traces() {
  return {
    keychain: await keychain.list(''),
    connections: (await core.router.invoke('connections.list', undefined)) as { ok: true; value: unknown[] },
    statuses: (await core.router.invoke('connections.statuses', undefined)) as { ok: true; value: unknown[] },
  };
}

describe('connections.probe: an unsaved connection is tried, nothing is stored', () => {
  it('answers with the latency and the total when the server accepts the credentials', async () => {
    const before = await traces();
    const res = await core.router.invoke('connections.probe', input(sandbox.credentials.apiKey));
    expect(res).toMatchObject({ ok: true, value: { ok: true, total: 12 } });
    expect(await traces()).toEqual(before);
    expect(before.connections.value).toEqual([]);
  });

  it('gives the reason when the server refuses the key, and stores neither the key nor the connection', async () => {
    const wrongKey = `wrong-key-${Date.now()}`;
    const res = await core.router.invoke('connections.probe', input(wrongKey));
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED', details: { status: 401 } } });
    const after = await traces();
    expect(after.keychain.some((k) => k.includes('apiKey'))).toBe(false);
    expect(after.connections.value).toEqual([]);
    expect(after.statuses.value).toEqual([]);
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(file.parentPath, file.name)).includes(wrongKey), file.name).toBe(false);
    }
  });

  it('says the server cannot be reached, and refuses bad input field by field before any request', async () => {
    const offline = await core.router.invoke('connections.probe', input(sandbox.credentials.apiKey, `http://127.0.0.1:${await closedPort()}`));
    expect(offline).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    const bad = await core.router.invoke('connections.probe', { label: 'Tried', provider: 'factpulse', baseUrl: 'http://127.0.0.1:9', auth: { method: 'apiKey' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((bad as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields.map((f) => f.field)).toContain('auth.apiKey');
    expect((await traces()).connections.value).toEqual([]);
  });
});
