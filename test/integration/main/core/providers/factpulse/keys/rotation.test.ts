import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import { createStandInKeychain } from '../../../../../../fixtures/keys/stand-in-keychain';
import { generateKey } from '../../../../../../../main/core/providers/factpulse/keys';
import { addSandboxConnection, invokeOk, openTestCore, PDP_FIELDS, sandboxAccepts } from '../../../../../../fixtures/keys/sandbox-core';
import { scriptedConfirmer } from '../../../../../../fixtures/dialogs/scripted-dialogs';

let sandbox: FactPulseSandbox;
let core: Core;
let conn: string;
let dir: string;
const keychain = createStandInKeychain();
/** The user at main's confirmation dialog. */
const user = scriptedConfirmer(true);
const uid = (i: number) => sandbox.state.order[i] as string;
const current = async (u: string) => (await core.context.keys.store.get(conn, u, 'current'))?.key ?? null;

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 40, seed: 7 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-keys-'));
  core = await openTestCore(dir, keychain, { confirmer: user.confirmer });
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('double mode and rotation against the sandbox', () => {
  it('enables double mode: the server holds the secret under the stored key, reported by fingerprint only', async () => {
    const res = await invokeOk<{ fingerprint: string; generated: boolean; pdp: { encryptionMode: string } }>(core, 'factpulse.keys.enableDouble', {
      connectionId: conn, clientUid: uid(0), fields: PDP_FIELDS,
    });
    expect(res.generated).toBe(true);
    expect(res.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(res)).not.toContain((await current(uid(0))) as string);
    expect(sandboxAccepts(sandbox, uid(0), await current(uid(0)))).toBe(true);
    expect(await core.context.keys.store.get(conn, uid(0), 'pending')).toBeNull();
  });

  it('a failed enable loses nothing and leaves no key behind', async () => {
    // Only the write: the PDP-mode refresh that follows the connection's first sync reads pdp-config too.
    sandbox.faults.set({ status: 422, pathPattern: /^PUT .*\/pdp-config$/, times: 1 });
    const res = await core.router.invoke('factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(1), fields: PDP_FIELDS });
    sandbox.faults.clear();
    expect(res.ok).toBe(false);
    expect(await core.context.keys.store.get(conn, uid(1), 'pending')).toBeNull();
    expect(await current(uid(1))).toBeNull();
  });

  it('rotates: committed, previous keeps the old key, the server accepts only the new one', async () => {
    const before = await current(uid(0));
    const out = await invokeOk<{ outcome: string; oldFingerprint: string; newFingerprint: string }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid(0) });
    expect(out.outcome).toBe('committed');
    const after = await current(uid(0));
    expect(after).not.toBe(before);
    expect(sandboxAccepts(sandbox, uid(0), after)).toBe(true);
    expect(sandboxAccepts(sandbox, uid(0), before)).toBe(false);
    expect((await core.context.keys.store.get(conn, uid(0), 'previous'))?.key).toBe(before);
    const journal = await invokeOk<Array<{ step: string; newFingerprint: string }>>(core, 'factpulse.keys.journal', { connectionId: conn, clientUid: uid(0) });
    expect(journal[0]).toMatchObject({ step: 'committed', newFingerprint: out.newFingerprint });
  });

  it('a refused rotation (wrong old key) changes nothing locally', async () => {
    await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(2), fields: PDP_FIELDS });
    const real = await current(uid(2));
    const wrong = generateKey();
    await core.context.keys.store.set(conn, uid(2), 'current', { key: wrong, createdAt: new Date().toISOString() });
    const out = await invokeOk<{ outcome: string; error: { code: string } }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid(2) });
    expect(out).toMatchObject({ outcome: 'aborted', error: { code: 'KEY_MISMATCH' } });
    expect(await current(uid(2))).toBe(wrong);
    expect(await core.context.keys.store.get(conn, uid(2), 'pending')).toBeNull();
    expect(sandboxAccepts(sandbox, uid(2), real)).toBe(true);
  });

  it('a 404 (no double-mode secret) is a refusal too', async () => {
    await invokeOk(core, 'factpulse.keys.import', { connectionId: conn, clientUid: uid(3), key: generateKey(), verify: false });
    const k = await current(uid(3));
    const out = await invokeOk<{ outcome: string; error: { code: string } }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid(3) });
    expect(out).toMatchObject({ outcome: 'aborted', error: { code: 'NOT_FOUND' } });
    expect(await current(uid(3))).toBe(k);
  });

  it('a lost response leaves both keys and "rotation to confirm"; recovery finds the server applied it', async () => {
    await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(4), fields: PDP_FIELDS });
    sandbox.faults.set({ dropAfterApply: true, pathPattern: /rotate/, times: 1 });
    const out = await invokeOk<{ outcome: string }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid(4) });
    sandbox.faults.clear();
    expect(out.outcome).toBe('unknown');
    const inv = (await invokeOk<{ rows: Array<{ clientUid: string; status: string }> }>(core, 'factpulse.keys.inventory', { connectionId: conn, clientUid: uid(4) })).rows;
    expect(inv.find((r) => r.clientUid === uid(4))?.status).toBe('rotation-to-confirm');
    const again = await core.router.invoke('factpulse.keys.bulkPreview', { connectionId: conn, clients: [uid(4)] });
    expect((again.ok && (again.value as { skipped: unknown[] }).skipped.length) || 0).toBe(1);
    const rec = await invokeOk<Array<{ outcome: string }>>(core, 'factpulse.keys.recover', { connectionId: conn, clientUid: uid(4) });
    expect(rec[0]?.outcome).toBe('committed');
    expect(sandboxAccepts(sandbox, uid(4), await current(uid(4)))).toBe(true);
  });

  it('a 503 is "unknown" too; recovery finds the server kept the old key and drops only the pending one', async () => {
    await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(5), fields: PDP_FIELDS });
    const before = await current(uid(5));
    sandbox.faults.set({ status: 503, pathPattern: /rotate/ });
    const out = await invokeOk<{ outcome: string }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid(5) });
    expect(out.outcome).toBe('unknown');
    const stillDown = await invokeOk<Array<{ outcome: string }>>(core, 'factpulse.keys.recover', { connectionId: conn });
    expect(stillDown.every((r) => r.outcome === 'unknown')).toBe(true);
    expect(await core.context.keys.store.get(conn, uid(5), 'pending')).not.toBeNull();
    sandbox.faults.clear();
    const rec = await invokeOk<Array<{ outcome: string }>>(core, 'factpulse.keys.recover', {});
    expect(rec.find((r) => r.outcome === 'aborted')).toBeDefined();
    expect(await current(uid(5))).toBe(before);
    expect(await core.context.keys.store.get(conn, uid(5), 'pending')).toBeNull();
    expect(sandboxAccepts(sandbox, uid(5), before)).toBe(true);
  });

  it('switches back to fernet, keeping the former key as previous', async () => {
    const k = await current(uid(5));
    const res = await invokeOk<{ pdp: { encryptionMode: string }; explanation: string; keptFingerprint: string }>(core, 'factpulse.keys.disableDouble', {
      connectionId: conn, clientUid: uid(5), fields: PDP_FIELDS, confirm: true,
    });
    expect(res.pdp.encryptionMode).toBe('fernet');
    expect(res.explanation).toMatch(/fernet/i);
    expect(await current(uid(5))).toBeNull();
    expect((await core.context.keys.store.get(conn, uid(5), 'previous'))?.key).toBe(k);
  });

  it('import refuses a malformed key and never overwrites a different key without confirm', async () => {
    const bad = await core.router.invoke('factpulse.keys.import', { connectionId: conn, clientUid: uid(0), key: 'not-a-key', verify: false });
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    const short = await core.router.invoke('factpulse.keys.import', { connectionId: conn, clientUid: uid(0), key: Buffer.alloc(16).toString('base64'), verify: false });
    expect(short.ok === false && short.error.message).toMatch(/32 bytes/);
    const k = await current(uid(0));
    const other = generateKey();
    const refused = await core.router.invoke('factpulse.keys.import', { connectionId: conn, clientUid: uid(0), key: other, verify: true });
    expect(refused.ok === false && refused.error.code).toBe('CONFLICT');
    expect(await current(uid(0))).toBe(k);
    const same = await invokeOk<{ unchanged: boolean; serverAccepts: boolean }>(core, 'factpulse.keys.import', { connectionId: conn, clientUid: uid(0), key: k, verify: true });
    expect(same).toMatchObject({ unchanged: true, serverAccepts: true });
  });

  it('inventory across every connection shows fingerprints, age and status, never a key', async () => {
    const all = (await invokeOk<{ rows: Array<{ connectionId: string; clientUid: string; fingerprint: string | null; status: string; ageDays: number | null }> }>(core, 'factpulse.keys.inventory', { limit: 100_000 })).rows;
    expect(all.filter((r) => r.connectionId === conn).length).toBeGreaterThanOrEqual(5);
    expect(all.find((r) => r.clientUid === uid(0))).toMatchObject({ status: 'ok', ageDays: 0 });
    const dump = JSON.stringify(all);
    for (const i of [0, 2, 4]) expect(dump).not.toContain((await current(uid(i))) as string);
  });

  it('reveal needs the user’s yes, asked by main, and is the only output holding a key', async () => {
    const refused = await core.router.invoke('factpulse.keys.reveal', { connectionId: conn, clientUid: uid(0) });
    expect(refused.ok).toBe(false);
    user.state.answer = false;
    expect(await core.router.invoke('factpulse.keys.reveal', { connectionId: conn, clientUid: uid(0), confirm: true })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    user.state.answer = true;
    const shown = await invokeOk<{ key: string }>(core, 'factpulse.keys.reveal', { connectionId: conn, clientUid: uid(0), confirm: true });
    expect(shown.key).toBe(await current(uid(0)));
  });
});
