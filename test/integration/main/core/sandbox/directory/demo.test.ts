// The demo workspace's directory: its sandbox starts, the connection (labelled Sandbox) gets the sandbox's client
// certificate and CA, a test passes over mutual TLS; after a restart the sandbox has a new CA and the connection
// is given its new certificate, so it still works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../../main/core/create-core';
import type { Core } from '../../../../../../main/core/create-core';
import { createStandInKeychain } from '../../../../../fixtures/keys/stand-in-keychain';

type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

const dataDir = mkdtempSync(join(tmpdir(), 'clientdesk-directory-demo-'));
const keychain = createStandInKeychain();
const open: Core[] = [];
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function core(resumeDemo: boolean): Promise<Core> {
  const c = await createCore({ dataDir, keychain, resumeDemo, log: () => {} });
  open.push(c);
  return c;
}

describe('demo directory', () => {
  let connectionId = '';
  let firstSerial = '';

  it('starts the sandbox and adds a Sandbox connection with its certificate; the test passes over mutual TLS', async () => {
    const c = await core(false);
    const started = (await c.router.invoke('demo.start', { systems: ['directory'] })) as Envelope;
    expect(started.ok).toBe(true);
    const connection = started.value as { id: string; label: string; demo: boolean; capabilities: string[] };
    expect(connection).toMatchObject({ demo: true, label: expect.stringMatching(/sandbox/i), capabilities: expect.arrayContaining(['rebuildRegistry', 'mtls']) });
    connectionId = connection.id;
    const inventory = ((await c.router.invoke('credentials.list', undefined)) as Envelope).value as Array<{ connectionId: string; subject: string; serial: string; state: string }>;
    expect(inventory).toEqual([expect.objectContaining({ connectionId, subject: expect.stringContaining('clientdesk-sandbox-client'), state: 'ok' })]);
    firstSerial = inventory[0]!.serial;
    expect(((await c.router.invoke('connections.test', { id: connectionId })) as Envelope).ok).toBe(true);
    const rebuilt = (await c.router.invoke('directory.rebuild', { connectionId, filters: { status: 'Active' } })) as Envelope;
    expect(rebuilt).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    await c.close();
    open.pop();
  }, 60_000);

  it('after a restart the sandbox has a new CA and certificate, given to the connection: still works', async () => {
    const c = await core(true);
    const inventory = ((await c.router.invoke('credentials.list', undefined)) as Envelope).value as Array<{ serial: string }>;
    expect(inventory).toHaveLength(1);
    expect(inventory[0]!.serial).not.toBe(firstSerial);
    expect(((await c.router.invoke('connections.test', { id: connectionId })) as Envelope).ok).toBe(true);
    const history = ((await c.router.invoke('directory.history', { connectionId })) as Envelope).value as { rows: unknown[] };
    expect(history.rows).toHaveLength(1);
  }, 60_000);
});
