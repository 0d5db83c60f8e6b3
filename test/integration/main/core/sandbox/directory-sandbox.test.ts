// The directory sandbox itself, over real HTTPS with mutual TLS: its certificates, the wire format of
// POST /clients (FAPI headers, filters, errors), its registry, fault switches and recorded requests.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDirectorySandbox } from '../../../../../main/core/sandbox/directory';
import type { DirectorySandbox } from '../../../../../main/core/sandbox/directory';
import { matchClients, seedRegistry } from '../../../../../main/core/sandbox/directory/registry';
import { createMtlsTransport } from '../../../../../main/core/tls/mtls-dispatcher';
import type { MtlsTransport } from '../../../../../main/core/tls/mtls-dispatcher';
import { importPemCertificate, importPkcs12Certificate } from '../../../../../main/core/tls/certificates';

const TOKEN = 'directory-sandbox-token-1234567890';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sandbox: DirectorySandbox;
let certsDir: string;
let transport: MtlsTransport;

beforeAll(async () => {
  certsDir = await mkdtemp(join(tmpdir(), 'directory-certs-'));
  sandbox = await startDirectorySandbox({ token: TOKEN, certsDir, seed: 7, clients: 300 });
  const [ca, cert, key] = await Promise.all(['ca.pem', 'client.pem', 'client-key.pem'].map((f) => readFile(join(certsDir, f), 'utf8')));
  transport = createMtlsTransport({ certPem: cert as string, keyPem: key as string, caPem: ca as string });
});

afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
  await rm(certsDir, { recursive: true, force: true });
});

afterEach(() => sandbox.faults.clear());

interface Sent {
  query?: string;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
}

async function send({ query = '', headers = {}, method = 'POST', path = '/clients' }: Sent = {}) {
  const res = await transport.fetch(`${sandbox.url}${path}${query}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'x-fapi-auth-date': 'Sun, 10 Sep 2017 19:43:31 UTC', ...headers },
  });
  const text = await res.text();
  return { status: res.status, id: res.headers.get('x-fapi-interaction-id'), headers: res.headers, text, body: text ? (JSON.parse(text) as { errors: string[] }) : null };
}

describe('certificates', () => {
  it('writes the CA, a client certificate and its key (owner-only) that the import accepts', async () => {
    if (process.platform !== 'win32') expect((await stat(join(certsDir, 'client-key.pem'))).mode & 0o777).toBe(0o600);
    const imported = importPemCertificate({
      certificatePem: await readFile(join(certsDir, 'client.pem'), 'utf8'),
      privateKeyPem: await readFile(join(certsDir, 'client-key.pem'), 'utf8'),
    });
    expect(imported.issuer).toContain('CN=Clientdesk Directory Sandbox CA');
    expect(imported.daysUntilExpiry).toBeGreaterThan(360);
  });

  it('mints a PKCS#12 bundle and an encrypted key that open with their passphrase', async () => {
    const issued = await sandbox.mint.client({ commonName: 'p12-client' });
    const fromP12 = importPkcs12Certificate({ pkcs12: sandbox.mint.pkcs12(issued, 'p12 pass'), passphrase: 'p12 pass' });
    expect(fromP12.subject).toContain('CN=p12-client');
    const encrypted = sandbox.mint.encryptedKey(issued, 'pem pass');
    expect(encrypted).toContain('ENCRYPTED PRIVATE KEY');
    expect(importPemCertificate({ certificatePem: issued.certPem, privateKeyPem: encrypted, passphrase: 'pem pass' }).serial).toBe(fromP12.serial);
  });

  it('refuses a TLS connection that presents no client certificate', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpsRequest(`${sandbox.url}/clients`, { method: 'POST', ca: sandbox.caPem, headers: { authorization: `Bearer ${TOKEN}` } }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (err: Error & { code?: string }) => resolve(err.code ?? err.message));
      req.end();
    });
    expect(outcome).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET/);
    expect(sandbox.requests.some((r) => r.clientCertificate === null)).toBe(false);
  });
});

describe('POST /clients', () => {
  it('answers 201 with no content and echoes our interaction id', async () => {
    const id = '3f6c0a52-9a1e-4c1b-8e0f-2d7a1b9c4e55';
    const res = await send({ query: '?status=Active&size=50', headers: { 'x-fapi-interaction-id': id } });
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect(res.id).toBe(id);
    const recorded = sandbox.requests.at(-1);
    expect(recorded).toMatchObject({ status: 201, interactionId: id, echoedInteractionId: id, clientCertificate: 'clientdesk-sandbox-client', query: { status: 'Active', size: '50' } });
    expect(recorded?.headers).toEqual({ authorization: true, interactionId: true, authDate: true, customerIp: false, customerUserAgent: false });
  });

  it('generates an interaction id when none is sent', async () => {
    const res = await send();
    expect(res.status).toBe(201);
    expect(res.id).toMatch(UUID);
  });

  it('covers the clients its filters select, as the registry says', async () => {
    const query = '?role=PAGTO&status=Active&name=aUrOrA&startDate=2000-01-01T00:00:00Z&page=0&size=1000';
    expect((await send({ query })).status).toBe(201);
    const expected = matchClients(sandbox.registry, { role: 'PAGTO', status: 'Active', name: 'aurora', startDate: new Date('2000-01-01T00:00:00Z') });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sandbox.registry.length / 4);
    expect(sandbox.requests.at(-1)).toMatchObject({ matched: expected.length, rebuilt: expected.length });
    const newest = [...sandbox.registry].sort((a, b) => b.lastModified.localeCompare(a.lastModified));
    const since = newest[9]?.lastModified as string;
    expect((await send({ query: `?startDate=${since}&size=3&page=2` })).status).toBe(201);
    expect(sandbox.requests.at(-1)).toMatchObject({ matched: 9, rebuilt: 3 });
  });

  it('refuses a missing or wrong bearer token with 401 (interaction id still echoed)', async () => {
    const bad = await send({ headers: { authorization: 'Bearer nope', 'x-fapi-interaction-id': 'abc-1' } });
    expect([bad.status, bad.id, bad.text]).toEqual([401, 'abc-1', '']);
    const none = await transport.fetch(`${sandbox.url}/clients`, { method: 'POST' });
    expect(none.status).toBe(401);
    expect(sandbox.requests.at(-1)?.headers.authorization).toBe(false);
  });

  it.each([
    [{ 'x-fapi-interaction-id': '-starts-with-hyphen' }, /x-fapi-interaction-id must be 1 to 100/],
    [{ 'x-fapi-interaction-id': 'a'.repeat(101) }, /x-fapi-interaction-id/],
    [{ 'x-fapi-interaction-id': 'has space' }, /x-fapi-interaction-id/],
    [{ 'x-fapi-auth-date': '2017-09-10T19:43:31Z' }, /x-fapi-auth-date must be an RFC 7231 date/],
    [{ 'x-fapi-auth-date': 'Sun, 31 Sep 2017 19:43:31 UTC' }, /x-fapi-auth-date must be an RFC 7231 date/],
    [{ 'x-fapi-auth-date': 'Mon, 10 Sep 2017 19:43:31 UTC' }, /says Mon but 10 Sep 2017 is a Sun/],
    [{ 'x-fapi-customer-ip-address': '300.1.1.1' }, /x-fapi-customer-ip-address must be an IPv4 or IPv6/],
  ])('answers 400 {errors} for FAPI headers %o', async (headers, message) => {
    const res = await send({ headers });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body?.errors).toEqual([expect.stringMatching(message)]);
    expect(res.id).toMatch(UUID);
  });

  it.each([
    ['?status=active', /status must be one of Active, Inactive, Suspended/],
    ['?startDate=2024-13-01T00:00:00Z', /startDate must be an RFC 3339 date-time/],
    ['?endDate=2024-02-30T00:00:00Z', /endDate must be an RFC 3339/],
    ['?startDate=2024-05-01', /startDate must be an RFC 3339/],
    ['?startDate=2024-05-02T00:00:00Z&endDate=2024-05-01T23:59:59Z', /endDate must not be before startDate/],
    ['?page=-1', /page must be a whole number/],
    ['?size=0', /size must be a whole number from 1 to 1000/],
    ['?size=abc', /size must be a whole number/],
    ['?name=', /name must be 1 to 200 characters/],
    ['?role=DADOS&role=PAGTO', /role is given more than once/],
    ['?statuss=Active', /Unknown query parameter "statuss"/],
  ])('answers 400 {errors} for the filters %s', async (query, message) => {
    const res = await send({ query });
    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual([expect.stringMatching(message)]);
  });

  it('lists every problem at once', async () => {
    const res = await send({ query: '?status=Gone&page=x&startDate=yesterday', headers: { 'x-fapi-interaction-id': '!' } });
    expect(res.status).toBe(400);
    expect(res.body?.errors).toHaveLength(4);
  });

  it('accepts RFC 3339 offsets and fractions, and an end equal to the start', async () => {
    const res = await send({ query: `?startDate=${encodeURIComponent('2024-05-01T12:00:00.250+02:00')}&endDate=${encodeURIComponent('2024-05-01T10:00:00.250Z')}` });
    expect(res.status).toBe(201);
  });

  it('answers 404 {errors} for an unknown path and 405 for another method', async () => {
    const missing = await send({ path: '/organisations' });
    expect(missing.status).toBe(404);
    expect(missing.body?.errors[0]).toMatch(/No such resource: POST \/organisations/);
    const get = await send({ method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('fault switches', () => {
  it('answers 429 with Retry-After for as many requests as asked, then recovers', async () => {
    sandbox.faults.set({ status: 429, retryAfterSeconds: 3, times: 2 });
    const first = await send({ headers: { 'x-fapi-interaction-id': 'throttled-1' } });
    expect([first.status, first.headers.get('retry-after'), first.id, first.text]).toEqual([429, '3', 'throttled-1', '']);
    expect((await send()).status).toBe(429);
    expect((await send()).status).toBe(201);
  });

  it.each([502, 504])('answers %i with no content', async (status) => {
    sandbox.faults.set({ status });
    const res = await send();
    expect([res.status, res.text]).toEqual([status, '']);
  });

  it('can echo the wrong interaction id', async () => {
    sandbox.faults.set({ wrongInteractionId: true, times: 1 });
    const res = await send({ headers: { 'x-fapi-interaction-id': 'mine-123' } });
    expect(res.status).toBe(201);
    expect(res.id).not.toBe('mine-123');
    expect(res.id).toMatch(UUID);
    expect(sandbox.requests.at(-1)).toMatchObject({ interactionId: 'mine-123', echoedInteractionId: res.id });
  });
});

describe('recorded requests and seed', () => {
  it('never records the token', () => {
    expect(sandbox.requests.length).toBeGreaterThan(10);
    expect(JSON.stringify(sandbox.requests)).not.toContain(TOKEN);
  });

  it('seeds the same registry for the same seed and instant, another for another seed', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const a = seedRegistry(100, 3, at);
    expect(seedRegistry(100, 3, at)).toEqual(a);
    expect(seedRegistry(100, 4, at).map((c) => c.clientId)).not.toEqual(a.map((c) => c.clientId));
    const statuses = new Set(a.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['Active', 'Inactive', 'Suspended']);
    expect(a.every((c) => c.roles.length > 0 && Date.parse(c.lastModified) <= at.getTime())).toBe(true);
  });
});
