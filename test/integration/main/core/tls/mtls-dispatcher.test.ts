// The mutual-TLS transport against the directory sandbox over real HTTPS: what succeeds, and that each way
// TLS can fail comes back as its own code (server refused our certificate, we refused its, handshake timeout).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDirectorySandbox } from '../../../../../main/core/sandbox/directory';
import type { DirectorySandbox, IssuedCertificate } from '../../../../../main/core/sandbox/directory';
import { createMtlsTransport, mapTlsError } from '../../../../../main/core/tls/mtls-dispatcher';
import type { MtlsOptions, MtlsTransport } from '../../../../../main/core/tls/mtls-dispatcher';
import { importPemCertificate } from '../../../../../main/core/tls/certificates';
import { createHttpClient } from '../../../../../main/core/http';
import type { AppError } from '../../../../../shared/errors';

const TOKEN = 'mtls-test-token-abcdef0123456789';

let sandbox: DirectorySandbox;
const open: MtlsTransport[] = [];

beforeAll(async () => {
  sandbox = await startDirectorySandbox({ token: TOKEN });
});

afterEach(async () => {
  sandbox.faults.clear();
  await Promise.all(open.splice(0).map((t) => t.close()));
});

afterAll(() => sandbox?.close());

function transport(opts: MtlsOptions): MtlsTransport {
  const t = createMtlsTransport(opts);
  open.push(t);
  return t;
}

const trusted = (cert: IssuedCertificate = sandbox.client): MtlsOptions => ({ certPem: cert.certPem, keyPem: cert.keyPem, caPem: sandbox.caPem });

function rebuild(t: MtlsTransport, query = '', headers: Record<string, string> = {}, url = sandbox.url) {
  return t.fetch(`${url}/clients${query}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, ...headers } });
}

async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    const mapped = mapTlsError(err);
    if (mapped) return mapped;
    throw err;
  }
  throw new Error('the request succeeded');
}

describe('mutual TLS against the directory sandbox', () => {
  it('succeeds with the sandbox client certificate: 201, our interaction id echoed', async () => {
    const id = 'a4c1f2de-51b7-4c39-9f0e-6a2b8d7c1e90';
    const res = await rebuild(transport(trusted()), '?status=Active', { 'x-fapi-interaction-id': id });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-fapi-interaction-id')).toBe(id);
    expect(await res.text()).toBe('');
  });

  it('works as the fetch of createHttpClient', async () => {
    const t = transport(trusted());
    const http = createHttpClient({ baseUrl: sandbox.url, fetch: t.fetch, authorize: async () => ({ authorization: `Bearer ${TOKEN}` }) });
    const res = await http.request({ method: 'POST', path: '/clients', query: { size: 10, role: 'DADOS' }, headers: { 'x-fapi-interaction-id': 'via-http-client' } });
    expect([res.status, res.data, res.headers.get('x-fapi-interaction-id')]).toEqual([201, null, 'via-http-client']);
  });

  it('without a client certificate: the server refused us (TLS_CLIENT_REFUSED, certificate required)', async () => {
    const before = sandbox.requests.length;
    const err = await failure(() => rebuild(transport({ caPem: sandbox.caPem })));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
    expect(err.message).toMatch(/requires a client certificate and received none/);
    expect(err.details?.tlsCode).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
    expect(sandbox.requests.length).toBe(before);
  });

  it('with a certificate from another CA: the server refused us', async () => {
    const before = sandbox.requests.length;
    const err = await failure(async () => rebuild(transport(trusted(await sandbox.mint.foreignClient()))));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
    expect(err.message).toMatch(/refused our client certificate/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('an expired certificate is refused at import, and by the server when sent anyway', async () => {
    const before = sandbox.requests.length;
    const expired = await sandbox.mint.expiredClient();
    expect(() => importPemCertificate({ certificatePem: expired.certPem, privateKeyPem: expired.keyPem })).toThrow(/expired on/);
    const err = await failure(() => rebuild(transport(trusted(expired))));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
    const future = await sandbox.mint.notYetValidClient();
    expect((await failure(() => rebuild(transport(trusted(future))))).code).toBe('TLS_CLIENT_REFUSED');
    expect(sandbox.requests.length).toBe(before);
  });

  it('without the directory CA: we refuse the server certificate and send nothing', async () => {
    const before = sandbox.requests.length;
    const err = await failure(() => rebuild(transport({ certPem: sandbox.client.certPem, keyPem: sandbox.client.keyPem })));
    expect(err.code).toBe('TLS_SERVER_UNTRUSTED');
    expect(err.message).toMatch(/authority we do not trust.*add its CA bundle/);
    expect(err.details?.tlsCode).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('a server certificate for another name: we refuse it (hostname mismatch)', async () => {
    const other = await startDirectorySandbox({ token: TOKEN, serverNames: ['directory.example'] });
    try {
      const err = await failure(() => rebuild(transport({ ...trusted(other.client), caPem: other.caPem }), '', {}, other.url));
      expect(err.code).toBe('TLS_SERVER_UNTRUSTED');
      expect(err.details?.tlsCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(err.message).toMatch(/issued for another name/);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('a handshake slower than the budget: TLS_HANDSHAKE_TIMEOUT; within it: success', async () => {
    sandbox.faults.set({ slowHandshakeMs: 1_500, times: 2 });
    const err = await failure(() => rebuild(transport({ ...trusted(), handshakeTimeoutMs: 300 })));
    expect(err.code).toBe('TLS_HANDSHAKE_TIMEOUT');
    expect(err.message).toMatch(/accepted the connection but the TLS handshake did not finish within 0\.3 s/);
    const res = await rebuild(transport({ ...trusted(), handshakeTimeoutMs: 10_000 }));
    expect(res.status).toBe(201);
  });

  it('HTTP-level answers pass through untouched: 401, 400 {errors}, 429 with Retry-After', async () => {
    const t = transport(trusted());
    const unauthorized = await t.fetch(`${sandbox.url}/clients`, { method: 'POST', headers: { authorization: 'Bearer wrong' } });
    expect(unauthorized.status).toBe(401);
    const bad = await rebuild(t, '?status=Archived&endDate=2020-01-01T00:00:00Z&startDate=2021-01-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: string[] }).errors).toEqual([expect.stringMatching(/endDate must not be before startDate/), expect.stringMatching(/status must be one of/)]);
    sandbox.faults.set({ status: 429, retryAfterSeconds: 7, times: 1 });
    const throttled = await rebuild(t);
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await rebuild(t)).status).toBe(201);
  });

  it('a certificate without its key (or the reverse) is a programming error', () => {
    expect(() => createMtlsTransport({ certPem: sandbox.client.certPem })).toThrow(/needs its private key/);
  });
});
