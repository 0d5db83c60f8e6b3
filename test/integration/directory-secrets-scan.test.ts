// After a directory session through the router (a passphrase-protected certificate imported, a wrong passphrase
// refused, rebuilds that succeed, fail with 400, are throttled and refused for a wrong token; a connection test),
// neither the private key, nor a passphrase, nor a token appears in the data dir (settings, SQLite, logs) or in
// any answer that crossed the bridge.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { startDirectorySandbox } from '../../main/core/sandbox/directory';
import type { DirectorySandbox } from '../../main/core/sandbox/directory';
import { scriptedDialogs } from '../fixtures/dialogs/scripted-dialogs';
import { osOrStandInKeychain } from '../fixtures/keys/stand-in-keychain';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The base64 body lines of a PEM (CRLF or LF): any one of them found anywhere is a leak. */
function pemLines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((l) => l.length >= 40 && !l.startsWith('-----'));
}

let dir: string;
let dataDir: string;
let sandbox: DirectorySandbox;
const secrets = new Map<string, string>();
const outcomes: Array<[string, Envelope]> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-dir-scan-'));
  dataDir = join(dir, 'data');
  const token = `dir-scan-token-${Date.now()}-Zq8w`;
  sandbox = await startDirectorySandbox({ token });
  const picker = scriptedDialogs();
  const core = await createCore({ dataDir, keychain: await osOrStandInKeychain(`clientdesk-dir-scan-${process.pid}`), dialogs: picker.dialogs, resumeDemo: false });
  const call = async (what: string, channel: string, input?: unknown) => {
    const result = (await core.router.invoke(channel, input)) as Envelope;
    outcomes.push([what, result]);
    return result;
  };
  const pick = async (name: string, text: string) => {
    picker.next.open = join(dir, name);
    writeFileSync(picker.next.open, text);
    return ((await core.router.invoke('dialog.openFile', {})) as { value: { path: string } }).value.path;
  };
  const passphrase = 'scan passphrase: tr0ub4dor&3';
  const wrongPassphrase = 'scan wrong passphrase: hunter2-xyz';
  const encryptedKey = sandbox.mint.encryptedKey(sandbox.client, passphrase);
  secrets.set('bearer token', token);
  secrets.set('wrong bearer token', `${token}-wrong`);
  secrets.set('passphrase', passphrase);
  secrets.set('wrong passphrase', wrongPassphrase);
  for (const [i, line] of pemLines(createPrivateKey(sandbox.client.keyPem).export({ type: 'pkcs8', format: 'pem' }) as string).entries()) secrets.set(`private key line ${i}`, line);
  for (const [i, line] of pemLines(encryptedKey).entries()) secrets.set(`encrypted key line ${i}`, line);
  try {
    const added = await call('add', 'connections.add', { label: 'Scan directory', provider: 'directory', baseUrl: sandbox.url, auth: { method: 'bearer', token } });
    const connectionId = (added as { value: { id: string } }).value.id;
    const certPath = await pick('client.pem', sandbox.client.certPem);
    const keyPath = await pick('client-key.pem', encryptedKey);
    const caPath = await pick('ca.pem', sandbox.caPem);
    await call('wrong passphrase', 'directory.importCertificate', { format: 'pem', connectionId, certificatePath: certPath, privateKeyPath: keyPath, passphrase: wrongPassphrase, caPath });
    await call('import', 'directory.importCertificate', { format: 'pem', connectionId, certificatePath: certPath, privateKeyPath: keyPath, passphrase, caPath });
    await call('test', 'connections.test', { id: connectionId });
    await call('rebuild', 'directory.rebuild', { connectionId, filters: { status: 'Active', name: 'Banco' } });
    await call('incremental', 'directory.rebuild', { connectionId, filters: {}, incremental: true });
    sandbox.faults.set({ status: 429, retryAfterSeconds: 0, times: 1 });
    await call('throttled', 'directory.rebuild', { connectionId, filters: {} });
    await call('bad ip', 'connections.update', { id: connectionId, settings: { customerIpAddress: 'not-an-ip' } });
    await call('400', 'directory.rebuild', { connectionId, filters: {} });
    await call('wrong token', 'connections.update', { id: connectionId, auth: { method: 'bearer', token: `${token}-wrong` }, settings: { customerIpAddress: null } });
    await call('401', 'directory.rebuild', { connectionId, filters: {} });
    await call('history', 'directory.history', { connectionId });
    await call('audit', 'audit.list', { connectionId, limit: 50 });
    await call('inventory', 'credentials.list');
  } finally {
    await core.close();
  }
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

const outcome = (what: string) => outcomes.find(([w]) => w === what)?.[1];

describe('directory secrets scan', () => {
  it('the session really happened', () => {
    expect(outcome('wrong passphrase')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const what of ['import', 'test', 'rebuild', 'incremental', 'throttled', 'history', 'audit', 'inventory']) expect(outcome(what)?.ok, what).toBe(true);
    expect(outcome('400')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(outcome('401')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(sandbox.requests.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(4);
  });

  it('no file of the data dir (settings, cache.sqlite, state.sqlite, logs) holds a token, passphrase or key line', () => {
    const names = filesUnder(dataDir).map((f) => relative(dataDir, f));
    expect(names).toEqual(expect.arrayContaining(['settings.json', 'state.sqlite']));
    expect(secrets.size).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const [what, secret] of secrets) {
        if (bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf16le'))) leaks.push(`${what} in ${relative(dataDir, file)}`);
      }
    }
    expect(leaks).toEqual([]);
    // The public certificate is there (state.sqlite), so the scan looked where the key would have been. Its
    // lines are counted: SQLite cuts a long value at page boundaries, so a line may be split in the file.
    const state = filesUnder(dataDir).filter((f) => f.includes('state.sqlite')).map((f) => readFileSync(f)).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    const certLines = pemLines(sandbox.client.certPem);
    expect(certLines.filter((line) => state.includes(line)).length).toBeGreaterThanOrEqual(certLines.length - 2);
  });

  it('no answer that crossed the bridge (values and errors) carries one', () => {
    const text = JSON.stringify(outcomes);
    for (const [what, secret] of secrets) expect(text.includes(secret), what).toBe(false);
  });
});
