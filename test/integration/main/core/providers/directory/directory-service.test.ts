// The directory through the real core and router: certificate import from files main's dialog chose (refusals
// with their reason), the credential inventory, rebuilds with their history (incremental from the last success),
// the countdown events of a throttled rebuild and its cancel, and every interaction id in the audit log.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../../main/core/create-core';
import type { Core } from '../../../../../../main/core/create-core';
import { createMemoryKeychain } from '../../../../../../main/core/vault';
import { startDirectorySandbox } from '../../../../../../main/core/sandbox/directory';
import type { DirectorySandbox } from '../../../../../../main/core/sandbox/directory';
import type { EventPayload } from '../../../../../../shared/ipc';
import { scriptedDialogs } from '../../../../../fixtures/dialogs/scripted-dialogs';
import { createStandInKeychain } from '../../../../../fixtures/keys/stand-in-keychain';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
type Envelope = { ok: true; value: any } | { ok: false; error: { code: string; message: string; details?: Details } };
type Details = { notAfter?: string; fields?: Array<{ field: string; message: string }>; [key: string]: unknown };
const details = (e: Envelope): Details => (e.ok ? {} : (e.error.details ?? {}));

let dir: string;
let sandbox: DirectorySandbox;
let core: Core;
const picker = scriptedDialogs();
let connectionId: string;

const call = (channel: string, input?: unknown) => core.router.invoke(channel, input) as Promise<Envelope>;
const value = async (p: Promise<Envelope>) => {
  const e = await p;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
};
/** The user picks `path` in main's open dialog (which grants it). */
async function pick(path: string): Promise<string> {
  picker.next.open = path;
  return (await value(call('dialog.openFile', {}))).path;
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-directory-'));
  sandbox = await startDirectorySandbox({ certsDir: join(dir, 'certs') });
  core = await createCore({ dataDir: join(dir, 'data'), keychain: createStandInKeychain(), dialogs: picker.dialogs, resumeDemo: false, log: () => {} });
  const added = await value(call('connections.add', { label: 'Directory', provider: 'directory', baseUrl: sandbox.url, auth: { method: 'bearer', token: sandbox.token } }));
  connectionId = added.id;
}, 60_000);

afterAll(async () => {
  await core?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate import', () => {
  it('refuses a path the dialog did not return', async () => {
    const r = await call('directory.importCertificate', { format: 'pem', connectionId, certificatePath: sandbox.files!.cert, privateKeyPath: sandbox.files!.key });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'choose-with-dialog' } } });
  });

  it('refuses an expired certificate, with its date, and a key of another certificate', async () => {
    const expired = await sandbox.mint.expiredClient();
    const r = await call('directory.importCertificate', {
      format: 'pem',
      connectionId,
      certificatePath: await pick(file('expired.pem', expired.certPem)),
      privateKeyPath: await pick(file('expired-key.pem', expired.keyPem)),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'expired' } } });
    expect(details(r).notAfter).toMatch(/^\d{4}-/);
    const other = await sandbox.mint.client();
    const mismatch = await call('directory.importCertificate', {
      format: 'pem',
      connectionId,
      certificatePath: await pick(sandbox.files!.cert),
      privateKeyPath: await pick(file('other-key.pem', other.keyPem)),
    });
    expect(mismatch).toMatchObject({ ok: false, error: { details: { reason: 'key-mismatch' } } });
    expect((await value(call('directory.certificate', { connectionId }))).certificate).toBeNull();
  });

  it('imports the sandbox certificate, key and CA: described for the card, listed in the inventory, key only in the keychain', async () => {
    const imported = await value(
      call('directory.importCertificate', { format: 'pem', connectionId, certificatePath: await pick(sandbox.files!.cert), privateKeyPath: await pick(sandbox.files!.key), caPath: await pick(sandbox.files!.ca) }),
    );
    expect(imported.certificate).toMatchObject({ subject: 'CN=clientdesk-sandbox-client, O=Clientdesk Sandbox, C=BR', issuer: expect.stringContaining('Directory Sandbox CA'), serial: sandbox.client.serial.toUpperCase() });
    expect(imported.certificate.daysUntilExpiry).toBeGreaterThanOrEqual(364);
    expect(imported).toMatchObject({ keyStored: true, caSubjects: [expect.stringContaining('Directory Sandbox CA')] });
    expect(imported.authenticatedAt).toBe(imported.importedAt);
    const inventory = await value(call('credentials.list'));
    expect(inventory).toEqual([expect.objectContaining({ connectionId, connectionLabel: 'Directory', kind: 'clientCertificate', state: 'ok', daysUntilExpiry: imported.certificate.daysUntilExpiry })]);
    const stored = core.context.db.sqlite.prepare('SELECT * FROM directory_credentials').all() as Array<Record<string, string>>;
    expect(JSON.stringify(stored)).not.toContain('PRIVATE KEY');
    expect(await core.context.keychain.get(`${connectionId}/mtls/privateKey`)).toContain('PRIVATE KEY');
  });

  it('a PKCS#12 bundle with its passphrase: the key stays encrypted in the keychain, the passphrase in its slot, and TLS works', async () => {
    const issued = await sandbox.mint.client({ commonName: 'pkcs12-client' });
    const p12 = join(dir, 'client.p12');
    writeFileSync(p12, sandbox.mint.pkcs12(issued, 'p12 passphrase'));
    const wrong = await call('directory.importCertificate', { format: 'pkcs12', connectionId, pkcs12Path: await pick(p12), passphrase: 'not it' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'wrong-passphrase' } } });
    const imported = await value(call('directory.importCertificate', { format: 'pkcs12', connectionId, pkcs12Path: await pick(p12), passphrase: 'p12 passphrase', caPath: await pick(sandbox.files!.ca) }));
    expect(imported.certificate.subject).toMatch(/^CN=pkcs12-client,/);
    expect(await core.context.keychain.get(`${connectionId}/mtls/privateKey`)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(await core.context.keychain.get(`${connectionId}/mtls/passphrase`)).toBe('p12 passphrase');
    await value(call('connections.test', { id: connectionId }));
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 201, clientCertificate: 'pkcs12-client', matched: 0 });
    // Back to the sandbox's own certificate (unencrypted key: the passphrase slot is emptied).
    await value(call('directory.importCertificate', { format: 'pem', connectionId, certificatePath: await pick(sandbox.files!.cert), privateKeyPath: await pick(sandbox.files!.key), caPath: await pick(sandbox.files!.ca) }));
    expect(await core.context.keychain.get(`${connectionId}/mtls/passphrase`)).toBeNull();
  });

  it('records when the user last authenticated: credentials saved or a test passed (sent as x-fapi-auth-date)', async () => {
    const before = (await value(call('directory.certificate', { connectionId }))).authenticatedAt as string;
    await new Promise((r) => setTimeout(r, 1_100));
    await value(call('connections.test', { id: connectionId }));
    const tested = (await value(call('directory.certificate', { connectionId }))).authenticatedAt as string;
    expect(Date.parse(tested)).toBeGreaterThan(Date.parse(before));
    await value(call('connections.update', { id: connectionId, label: 'Directory' }));
    expect((await value(call('directory.certificate', { connectionId }))).authenticatedAt).toBe(tested);
    expect(sandbox.requests.at(-1)!.headers.authDate).toBe(true);
  });

  it('a memory-only keychain refuses to import a private key (it would be lost at quit)', async () => {
    const memory = await createCore({ dataDir: join(dir, 'memory'), keychain: createMemoryKeychain(), dialogs: picker.dialogs, resumeDemo: false, log: () => {} });
    try {
      const added = (await memory.router.invoke('connections.add', { label: 'D', provider: 'directory', baseUrl: sandbox.url, auth: { method: 'bearer', token: 't0k3n-value' } })) as Envelope;
      picker.next.open = sandbox.files!.cert;
      const path = ((await memory.router.invoke('dialog.openFile', {})) as { value: { path: string } }).value.path;
      const r = (await memory.router.invoke('directory.importCertificate', { format: 'pem', connectionId: (added as { value: { id: string } }).value.id, certificatePath: path })) as Envelope;
      expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', details: { keychain: 'memory-only' } } });
    } finally {
      await memory.close();
    }
  });
});

describe('rebuilds', () => {
  it('a rebuild with filters succeeds, goes into the history and its interaction id into the audit log', async () => {
    const filters = { page: 0, size: 25, status: 'Active', role: 'DADOS', name: 'Banco', startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' };
    const record = await value(call('directory.rebuild', { connectionId, filters }));
    expect(record).toMatchObject({ outcome: 'ok', attempts: 1, filters, incremental: false, errors: [] });
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 201, interactionId: record.interactionId });
    const audit = await value(call('audit.list', { connectionId, limit: 20 }));
    expect(audit.rows.map((r: { requestId: string }) => r.requestId)).toContain(record.interactionId);
  });

  it('an incremental rebuild starts at the last successful one; without one it is refused on startDate', async () => {
    const history = await value(call('directory.history', { connectionId }));
    const record = await value(call('directory.rebuild', { connectionId, filters: { status: 'Suspended' }, incremental: true }));
    expect(record.filters).toEqual({ status: 'Suspended', startDate: history.lastSuccessAt });
    expect(sandbox.requests.at(-1)!.query.startDate).toBe(history.lastSuccessAt);
    const fresh = await value(call('connections.add', { label: 'Other', provider: 'directory', baseUrl: sandbox.url, auth: { method: 'bearer', token: sandbox.token } }));
    const refused = await call('directory.rebuild', { connectionId: fresh.id, filters: {}, incremental: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ field: 'startDate' }] } } });
  });

  it('the contract refuses bad filters field by field before anything is sent', async () => {
    const before = sandbox.requests.length;
    const r = await call('directory.rebuild', { connectionId, filters: { page: -1, size: 5000, startDate: '2025-13-01', endDate: '2024-01-01T00:00:00Z', status: 'Paused' } });
    expect(r.ok).toBe(false);
    const fields = (details(r).fields ?? []).map((f) => f.field).sort();
    expect(fields).toEqual(['filters.page', 'filters.size', 'filters.startDate', 'filters.status']);
    const order = await call('directory.rebuild', { connectionId, filters: { startDate: '2025-02-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' } });
    expect(details(order).fields).toEqual([
      { field: 'filters.endDate', message: 'providers.directory.validation.endBeforeStart' },
    ]);
    expect(sandbox.requests.length).toBe(before);
  });

  it('a 429 rebuild pushes its countdown, can be cancelled, and the history says so', async () => {
    sandbox.faults.set({ status: 429, retryAfterSeconds: 20 });
    const events: Array<EventPayload<'directory.rebuildProgress'>> = [];
    const off = core.events.on('directory.rebuildProgress', (p) => {
      events.push(p);
      if (p.state === 'waiting') void call('directory.cancelRebuild', { connectionId });
    });
    try {
      const r = await call('directory.rebuild', { connectionId, filters: { name: 'Aurora' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      off();
      sandbox.faults.clear();
    }
    const waiting = events.find((e) => e.state === 'waiting')!;
    expect(waiting).toMatchObject({ connectionId, attempt: 1, status: 429, waitMs: 20_000 });
    expect(Date.parse(waiting.retryAt!)).toBeGreaterThan(Date.now() + 15_000);
    expect(events.at(-1)!.state).toBe('done');
    const [last] = (await value(call('directory.history', { connectionId }))).rows;
    expect(last).toMatchObject({ outcome: 'cancelled', errorCode: 'CANCELLED', attempts: 1, interactionId: waiting.interactionId });
  });

  it('a 400 is kept in the history with the directory’s error list; a 504 to the last attempt as failed', async () => {
    await value(call('connections.update', { id: connectionId, settings: { customerIpAddress: 'not-an-ip', customerUserAgent: null } }));
    const refused = await call('directory.rebuild', { connectionId, filters: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { status: 400, errors: [expect.stringMatching(/x-fapi-customer-ip-address/)] } } });
    const [bad] = (await value(call('directory.history', { connectionId }))).rows;
    expect(bad).toMatchObject({ outcome: 'failed', errorCode: 'VALIDATION', errors: [expect.stringMatching(/IPv4 or IPv6/)] });
    await value(call('connections.update', { id: connectionId, settings: { customerIpAddress: '203.0.113.9', customerUserAgent: null } }));
    sandbox.faults.set({ status: 504 });
    const failed = await call('directory.rebuild', { connectionId, filters: {} });
    sandbox.faults.clear();
    expect(failed).toMatchObject({ ok: false, error: { code: 'SERVER', details: { status: 504 } } });
    const [last] = (await value(call('directory.history', { connectionId }))).rows;
    expect(last).toMatchObject({ outcome: 'failed', errorCode: 'SERVER', attempts: 4 });
    expect(sandbox.requests.at(-1)!.headers.customerIp).toBe(true);
  }, 30_000);
});
