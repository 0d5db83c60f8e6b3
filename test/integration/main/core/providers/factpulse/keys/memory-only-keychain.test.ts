// With a memory-only keychain every operation that would make the server depend on a key this computer cannot
// keep is refused in main, before anything is generated, stored or sent; the one way through is an encrypted
// backup of the new key written first, to a path from main's own save dialog.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_NOT_KEPT_MESSAGE } from '../../../../../../../shared/errors';
import { createCore } from '../../../../../../../main/core/create-core';
import type { Core } from '../../../../../../../main/core/create-core';
import { generateKey, fingerprint } from '../../../../../../../main/core/providers/factpulse/keys';
import { openBackup, parseBackup } from '../../../../../../../main/core/providers/factpulse/keys/backup-format';
import { writeBackupFile } from '../../../../../../../main/core/providers/factpulse/keys/backup';
import { startFactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import { createMemoryKeychain } from '../../../../../../../main/core/vault';
import { addSandboxConnection, invokeOk, PDP_FIELDS, sandboxAccepts } from '../../../../../../fixtures/keys/sandbox-core';

const PASSPHRASE = 'a long backup passphrase 7';
const keychain = createMemoryKeychain();
let sandbox: FactPulseSandbox;
let core: Core;
let conn: string;
let dir: string;
/** What main's save and open dialogs answer next (null: the user cancelled). */
const picked: { save: string | null; open: string | null } = { save: null, open: null };
const uid = (i: number) => sandbox.state.order[i] as string;

async function keychainSnapshot(): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const account of await keychain.list('')) out[account] = await keychain.get(account);
  return out;
}

/** Runs a refused call and proves it: the error, then nothing sent (no write, no key), nothing stored, no journal row. */
async function expectRefused(channel: string, input: unknown, canBackUpFirst: boolean): Promise<void> {
  const before = await keychainSnapshot();
  const mark = sandbox.requests.length;
  const res = await core.router.invoke(channel, input);
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: KEY_NOT_KEPT_MESSAGE.en, details: { keychain: 'memory-only', canBackUpFirst } });
  const sent = sandbox.requests.slice(mark).filter((r) => r.method !== 'GET' || r.hasEncryptionKey);
  console.info(`${channel}: refused (${res.error.code}: ${res.error.message.slice(0, 80)}…); sandbox received: ${sent.length === 0 ? 'nothing' : JSON.stringify(sent)}`);
  expect(sent).toEqual([]);
  expect(await keychainSnapshot()).toEqual(before);
  expect(await invokeOk(core, 'factpulse.keys.journal', { connectionId: conn })).toEqual([]);
}

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 8, seed: 5 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-memory-only-'));
  const dialogs = { native: true, chooseSavePath: async () => picked.save, chooseOpenPath: async () => picked.open };
  core = await createCore({ dataDir: join(dir, 'data'), keychain, resumeDemo: false, dialogs });
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
  // A key that exists already (as after an import in an earlier version): the server holds uid(1)'s secret under it.
  const existing = generateKey();
  await core.context.keys.store.set(conn, uid(1), 'current', { key: existing, createdAt: new Date().toISOString() });
  await core.context.online(conn, (p) => p.updatePdpConfig!(uid(1), { ...PDP_FIELDS, encryptionMode: 'double' }, { encryptionKey: existing }));
}, 60_000);
afterAll(async () => {
  await core?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a memory-only keychain refuses every key that would be lost at quit', () => {
  it('app.info says secrets are memory-only', async () => {
    expect(await invokeOk(core, 'app.info')).toMatchObject({ keychain: { backend: 'memory' } });
  });

  it('double mode is refused: the server’s PDP configuration is untouched', async () => {
    const pdpBefore = JSON.stringify(sandbox.state.clients.get(uid(0))?.pdp ?? null);
    await expectRefused('factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(0), fields: PDP_FIELDS }, true);
    expect(JSON.stringify(sandbox.state.clients.get(uid(0))?.pdp ?? null)).toBe(pdpBefore);
  });

  it('rotation is refused: the server still opens the secret with the key it had', async () => {
    await expectRefused('factpulse.keys.rotate', { connectionId: conn, clientUid: uid(1) }, true);
    expect(sandboxAccepts(sandbox, uid(1), (await core.context.keys.store.get(conn, uid(1), 'current'))?.key)).toBe(true);
  });

  it('bulk rotation is refused before any job exists', async () => {
    await expectRefused('factpulse.keys.bulkStart', { connectionId: conn, clients: 'all', confirm: true }, false);
    expect(await invokeOk(core, 'factpulse.keys.jobs', {})).toEqual([]);
  });

  it('importing a key is refused before it is even checked with the server', async () => {
    await expectRefused('factpulse.keys.import', { connectionId: conn, clientUid: uid(2), key: generateKey(), verify: true }, false);
  });

  it('importing a backup is refused: no key of it is stored', async () => {
    const file = join(dir, 'other.cdkeys');
    const key = { key: generateKey(), createdAt: new Date().toISOString() };
    await writeBackupFile(file, PASSPHRASE, { connectionId: conn, createdAt: key.createdAt, clients: [{ clientUid: uid(3), fingerprint: fingerprint(key.key), createdAt: key.createdAt }] }, [
      { clientUid: uid(3), ...key },
    ]);
    picked.open = file;
    expect((await invokeOk<{ path: string }>(core, 'dialog.openFile', {})).path).toBe(file);
    await expectRefused('factpulse.keys.importBackup', { path: file, passphrase: PASSPHRASE }, false);
    expect(await core.context.keys.store.get(conn, uid(3), 'current')).toBeNull();
  });
});

describe('backup first: the new key is in an encrypted file before it is used', () => {
  async function keyInBackup(path: string): Promise<string | undefined> {
    return (await openBackup(parseBackup(readFileSync(path, 'utf8')), PASSPHRASE)).keys[0]?.key;
  }

  it('a cancelled save dialog makes no key and sends nothing', async () => {
    picked.save = null;
    const mark = sandbox.requests.length;
    const res = await core.router.invoke('factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(4), fields: PDP_FIELDS, backupFirst: { passphrase: PASSPHRASE } });
    expect(res.ok ? null : res.error.code).toBe('CANCELLED');
    expect(sandbox.requests.slice(mark).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await keychain.list(`${conn}/key/${uid(4)}/`)).toEqual([]);
  });

  it('a too short passphrase is refused by the contract, naming the field', async () => {
    const res = await core.router.invoke('factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid(4), fields: PDP_FIELDS, backupFirst: { passphrase: 'short' } });
    expect(res.ok ? null : res.error).toMatchObject({ code: 'VALIDATION', details: { fields: [expect.objectContaining({ field: 'backupFirst.passphrase' })] } });
  });

  it('double mode with a backup first: the file decrypts to the key the server now requires', async () => {
    picked.save = join(dir, 'double.cdkeys');
    const res = await invokeOk<{ fingerprint: string; generated: boolean; backupPath: string }>(core, 'factpulse.keys.enableDouble', {
      connectionId: conn, clientUid: uid(5), fields: PDP_FIELDS, backupFirst: { passphrase: PASSPHRASE },
    });
    expect(res).toMatchObject({ generated: true, backupPath: picked.save });
    const current = (await core.context.keys.store.get(conn, uid(5), 'current'))?.key;
    expect(await keyInBackup(picked.save)).toBe(current);
    expect(fingerprint(current as string)).toBe(res.fingerprint);
    expect(sandboxAccepts(sandbox, uid(5), current)).toBe(true);
    expect(readFileSync(picked.save, 'utf8')).not.toContain(current as string);
  });

  it('rotation with a backup first: the file holds the new key, the server accepts only it', async () => {
    const before = (await core.context.keys.store.get(conn, uid(1), 'current'))?.key;
    picked.save = join(dir, 'rotated.cdkeys');
    const out = await invokeOk<{ outcome: string; newFingerprint: string; backupPath: string }>(core, 'factpulse.keys.rotate', {
      connectionId: conn, clientUid: uid(1), backupFirst: { passphrase: PASSPHRASE },
    });
    expect(out).toMatchObject({ outcome: 'committed', backupPath: picked.save });
    const after = (await core.context.keys.store.get(conn, uid(1), 'current'))?.key;
    expect(await keyInBackup(picked.save)).toBe(after);
    expect(sandboxAccepts(sandbox, uid(1), after)).toBe(true);
    expect(sandboxAccepts(sandbox, uid(1), before)).toBe(false);
    expect(existsSync(join(dir, 'double.cdkeys'))).toBe(true);
  });
});
