import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { createStandInKeychain } from '../../../../fixtures/keys/stand-in-keychain';
import { addSandboxConnection, invokeOk, openTestCore, PDP_FIELDS } from '../../../../fixtures/keys/sandbox-core';

type Row = { clientUid: string; status: string; fingerprint: string | null; clientName: string | null; serverRequiresKey: boolean | null };

let sandbox: FactPulseSandbox;
let core: Core;
let conn: string;
let dir: string;

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 60, seed: 11 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-key-inventory-'));
  core = await openTestCore(dir, createStandInKeychain());
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
  await invokeOk(core, 'sync.now', { connectionId: conn });
}, 60_000);
afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keys.inventory over the offline cache', () => {
  it('lists clients seen in double mode on the server but whose key is not here as "missing locally", with cached names', async () => {
    const seededDouble = [...sandbox.state.clients.values()].filter((c) => c.pdp?.encryptionMode === 'double');
    expect(seededDouble.length).toBeGreaterThan(0);
    // The client list does not carry the PDP mode: the cache learns it when a client's PDP configuration is read.
    expect((await invokeOk<Row[]>(core, 'keys.inventory', { connectionId: conn })).filter((r) => r.status === 'missing-locally')).toEqual([]);
    for (const client of seededDouble) await invokeOk(core, 'pdp.get', { connectionId: conn, remoteId: client.uid });
    const rows = await invokeOk<Row[]>(core, 'keys.inventory', { connectionId: conn });
    for (const client of seededDouble) {
      expect(rows.find((r) => r.clientUid === client.uid)).toMatchObject({ status: 'missing-locally', fingerprint: null, clientName: client.name, serverRequiresKey: true });
    }
  });

  it('after double mode is switched on the row is ok; after switching back to fernet the kept key is "not in use"', async () => {
    const target = [...sandbox.state.clients.values()].find((c) => !c.pdp)!;
    const enabled = await invokeOk<{ fingerprint: string }>(core, 'keys.enableDouble', { connectionId: conn, clientUid: target.uid, fields: PDP_FIELDS });
    let row = (await invokeOk<Row[]>(core, 'keys.inventory', {})).find((r) => r.clientUid === target.uid);
    expect(row).toMatchObject({ status: 'ok', fingerprint: enabled.fingerprint, clientName: target.name, serverRequiresKey: true });

    await invokeOk(core, 'keys.disableDouble', { connectionId: conn, clientUid: target.uid, fields: PDP_FIELDS, confirm: true });
    row = (await invokeOk<Row[]>(core, 'keys.inventory', { connectionId: conn })).find((r) => r.clientUid === target.uid);
    expect(row).toMatchObject({ status: 'not-in-use', fingerprint: null, serverRequiresKey: false });
  });
});
