// The HTTP layer never follows a redirect: a 3xx is a REDIRECT error naming the target host, and nothing is re-sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../../main/core/http';
import type { HttpRequest } from '../../../../../main/core/http';
import { fetchTrusting, selfSignedTls, startRecordingServer, startRedirectingFront } from './redirect-servers';
import type { RedirectRule } from './redirect-servers';

let other: Awaited<ReturnType<typeof startRecordingServer>>;
let front: Awaited<ReturnType<typeof startRedirectingFront>>;
let httpsFront: Awaited<ReturnType<typeof startRedirectingFront>>;
let ca: string;
let otherHost: string;
let redirected = 0;

const toOther: (status: number) => RedirectRule = (status) => (_m, path) => ({ status, location: `${other.url}${path}?token=query-secret` });

beforeAll(async () => {
  other = await startRecordingServer();
  otherHost = new URL(other.url).host;
  front = await startRedirectingFront({ rule: toOther(307) });
  const tls = await selfSignedTls();
  ca = tls.cert;
  httpsFront = await startRedirectingFront({ rule: toOther(307), tls });
});
afterAll(async () => {
  const n = other.received.length;
  console.log(`http redirects: ${redirected} redirected requests; other origin received: ${n === 0 ? 'nothing' : 'REQUESTS'} (${n} requests)`);
  await Promise.all([other.close(), front.close(), httpsFront.close()]);
});

const credentialed: Array<[string, HttpRequest]> = [
  ['GET with an API key', { method: 'GET', path: '/api/v1/clients' }],
  ['GET with X-Encryption-Key', { method: 'GET', path: '/api/v1/clients/c1/pdp-config', headers: { 'x-encryption-key': 'k'.repeat(44) } }],
  ['POST with a password in the body', { method: 'POST', path: '/api/token/', body: { username: 'u', password: 'pw-body-secret' }, idempotent: true }],
  ['POST with keys in the body', { method: 'POST', path: '/api/v1/clients/c1/rotate-encryption-key', body: { oldKey: 'a', newKey: 'b' } }],
];

async function refused(client: ReturnType<typeof createHttpClient>, req: HttpRequest, server: typeof front) {
  const before = server.hits.length;
  const err = await client.request(req).catch((e: unknown) => e);
  redirected++;
  expect(err).toMatchObject({ code: 'REDIRECT' });
  // Sent once to the configured server, never re-sent (not even an idempotent GET with retries left).
  expect(server.hits.length - before).toBe(1);
  expect(other.received).toHaveLength(0);
  return err as Error & { details?: Record<string, unknown> };
}

describe.each([301, 302, 303, 307, 308])('HTTP %i to another origin', (status) => {
  it.each(credentialed)('%s: REDIRECT naming the host, nothing reaches the other origin', async (_what, req) => {
    front.setRule(toOther(status));
    const client = createHttpClient({ baseUrl: front.url, authorize: async () => ({ 'x-api-key': 'api-key-secret' }), maxRetries: 3, backoffBaseMs: 1 });
    const err = await refused(client, req, front);
    expect(err.message).toContain(`HTTP ${status}, redirecting to ${otherHost}`);
    expect(err.details).toMatchObject({ status, redirectHost: otherHost, redirectScheme: 'http' });
    for (const hidden of ['query-secret', req.path]) expect(err.message).not.toContain(hidden);
  });
});

describe('other redirects', () => {
  it('same origin: REDIRECT too, the new path is never requested', async () => {
    front.setRule((_m, path) => (path === '/moved' ? null : { status: 308, location: '/moved' }));
    const client = createHttpClient({ baseUrl: front.url, authorize: async () => ({ 'x-api-key': 'api-key-secret' }) });
    for (const [, req] of credentialed) {
      const err = await refused(client, req, front);
      expect(err.message).toContain(`redirecting to another address on the same server (${new URL(front.url).host})`);
    }
    expect(front.hits.filter((h) => h.path === '/moved')).toHaveLength(0);
  });

  it('https → plain http: REDIRECT saying it is unencrypted; the http origin receives nothing', async () => {
    httpsFront.setRule(toOther(307));
    const client = createHttpClient({ baseUrl: httpsFront.url, fetch: fetchTrusting(ca), authorize: async () => ({ 'x-api-key': 'api-key-secret' }) });
    // The https front itself is reachable through that fetch (the CA is trusted): only the redirect is refused.
    httpsFront.setRule(() => null);
    await expect(client.request({ method: 'GET', path: '/anything' })).resolves.toMatchObject({ status: 404 });
    httpsFront.setRule(toOther(307));
    for (const [, req] of credentialed) {
      const err = await refused(client, req, httpsFront);
      expect(err.message).toContain(`redirecting to plain http://${otherHost} (unencrypted)`);
    }
  });

  it('the message names the host only: never the user:password@, path or query of the Location', async () => {
    front.setRule(() => ({ status: 307, location: `${other.url.replace('http://', 'http://thief:pw-in-location@')}/steal/here?token=query-secret` }));
    const err = await refused(createHttpClient({ baseUrl: front.url }), { method: 'GET', path: '/x' }, front);
    expect(err.message).toContain(`redirecting to ${otherHost}.`);
    for (const hidden of ['pw-in-location', 'thief', 'query-secret', '/steal/here']) expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(hidden);
  });

  it('a 3xx without a Location, and a Location that is not a URL, are refused as well', async () => {
    const client = createHttpClient({ baseUrl: front.url });
    front.setRule(() => ({ status: 300, location: '' }));
    expect((await refused(client, { method: 'GET', path: '/x' }, front)).message).toContain('HTTP 300, redirecting to an address it did not give in a readable form');
    front.setRule(() => ({ status: 302, location: 'http://[not-a-host' }));
    expect((await refused(client, { method: 'GET', path: '/x' }, front)).message).toContain('HTTP 302');
  });

  it('stream() refuses a redirect the same way', async () => {
    front.setRule(toOther(307));
    const client = createHttpClient({ baseUrl: front.url, authorize: async () => ({ 'x-api-key': 'api-key-secret' }) });
    await expect(client.stream({ method: 'GET', path: '/clients/all' })).rejects.toMatchObject({ code: 'REDIRECT', details: { redirectHost: otherHost } });
    redirected++;
    expect(other.received).toHaveLength(0);
  });
});
