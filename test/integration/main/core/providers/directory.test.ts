// The directory provider over real HTTPS with mutual TLS: the rebuild with its FAPI headers and echoed
// interaction id, every documented error, the client certificate absent / from another CA / expired, an
// interaction-id mismatch, and retries (429 with Retry-After, 504 exhausted). Sandbox by default, or
// DIRECTORY_TEST_URL / DIRECTORY_TEST_TOKEN / DIRECTORY_TEST_CERTS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryProvider } from '../../../../../main/core/providers/directory';
import type { RebuildProgressUpdate } from '../../../../../main/core/providers/directory/runtime';
import { directoryProviderFor, directorySandboxOnly, startDirectoryTarget } from './directory-target';
import type { DirectoryTarget, ProviderSetup } from './directory-target';

let target: DirectoryTarget;
const opened: DirectoryProvider[] = [];

beforeAll(async () => {
  target = await startDirectoryTarget();
});
afterEach(() => {
  target.sandbox?.faults.clear();
  opened.splice(0).forEach((p) => p.dispose?.());
});
afterAll(() => target.close());

function setup(s: ProviderSetup = {}) {
  const made = directoryProviderFor(target, s);
  opened.push(made.provider);
  return made;
}

type Failure = { code: string; message: string; details?: Record<string, unknown> };
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('it succeeded'); }, (e: unknown) => e as Failure);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC7231 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;

describe('rebuild', () => {
  it('succeeds with 201: the interaction id is a fresh RFC 4122 UUID the directory echoed; every exchange reported', async () => {
    const { provider, exchanges } = setup();
    const first = await provider.rebuild({ status: 'Active', page: 0, size: 50, startDate: '2025-01-01T00:00:00Z', endDate: '2026-12-31T23:59:59+02:00', role: 'DADOS', name: 'Banco' });
    const second = await provider.rebuild({});
    expect(first).toMatchObject({ status: 201, attempts: 1 });
    expect(first.interactionId).toMatch(UUID);
    expect(second.interactionId).not.toBe(first.interactionId);
    expect(exchanges.map((e) => [e.operation, e.status, e.interactionId, e.receivedInteractionId])).toEqual([
      ['rebuild', 201, first.interactionId, null],
      ['rebuild', 201, second.interactionId, null],
    ]);
    if (target.sandbox) {
      const [sent] = target.sandbox.requests.slice(-2);
      expect(sent).toMatchObject({ method: 'POST', path: '/clients', status: 201, interactionId: first.interactionId, echoedInteractionId: first.interactionId });
      expect(sent!.query).toEqual({ status: 'Active', page: '0', size: '50', startDate: '2025-01-01T00:00:00Z', endDate: '2026-12-31T23:59:59+02:00', role: 'DADOS', name: 'Banco' });
      expect(sent!.clientCertificate).toBe('clientdesk-sandbox-client');
      expect(sent!.matched).toBeGreaterThan(0);
    }
  });

  it('sends x-fapi-auth-date in RFC 7231 form from the last authentication, and the customer headers only when configured', async () => {
    if (directorySandboxOnly('FAPI headers as received')) return;
    const { provider } = setup({ authenticatedAt: '2017-09-10T19:43:31Z' });
    // The sandbox records which headers came; the date's form is checked by the sandbox itself (400 otherwise).
    await provider.rebuild({});
    const plain = target.sandbox!.requests.at(-1)!;
    expect(plain.headers).toEqual({ authorization: true, interactionId: true, authDate: true, customerIp: false, customerUserAgent: false });
    const withCustomer = setup({ settings: { customerIpAddress: '203.0.113.7', customerUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)' } }).provider;
    await withCustomer.rebuild({});
    expect(target.sandbox!.requests.at(-1)!.headers).toMatchObject({ customerIp: true, customerUserAgent: true });
    const unknownAuth = setup({ authenticatedAt: null }).provider;
    await unknownAuth.rebuild({});
    expect(target.sandbox!.requests.at(-1)!.headers.authDate).toBe(false);
    const { rfc7231Date } = await import('../../../../../main/core/providers/directory/fapi');
    expect(rfc7231Date(new Date('2017-09-10T19:43:31Z'))).toBe('Sun, 10 Sep 2017 19:43:31 UTC');
    expect(rfc7231Date(new Date('2026-03-01T08:05:09Z'))).toMatch(RFC7231);
  });

  it('accepts a key kept encrypted with its passphrase (decrypted in memory for the agent)', async () => {
    if (directorySandboxOnly('a key encrypted by the sandbox mint')) return;
    const encrypted = target.sandbox!.mint.encryptedKey(target.sandbox!.client, 'correct horse battery');
    expect(encrypted).toMatch(/ENCRYPTED PRIVATE KEY/);
    const { provider } = setup({ client: { certPem: target.client.certPem, keyPem: encrypted }, passphrase: 'correct horse battery' });
    expect((await provider.rebuild({})).status).toBe(201);
  });

  it('testConnection proves TLS and token with a rebuild of a name no client has (nothing rebuilt)', async () => {
    const { provider, exchanges } = setup();
    expect(await provider.testConnection()).toEqual({ total: null });
    expect(exchanges.at(-1)).toMatchObject({ operation: 'test', status: 201 });
    if (target.sandbox) expect(target.sandbox.requests.at(-1)).toMatchObject({ matched: 0, rebuilt: 0 });
    expect(await provider.listClients(1, 100)).toEqual({ records: [], total: 0, page: 1, pageSize: 100 });
  });
});

describe('documented errors', () => {
  it('400: the directory’s {errors:[…]} as a list, with the interaction id', async () => {
    const { provider } = setup();
    const err = await fail(provider.rebuild({ status: 'Paused' as never, startDate: 'yesterday' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.status).toBe(400);
    expect(err.details?.interactionId).toMatch(UUID);
    const errors = err.details?.errors as string[];
    expect(errors.length).toBe(2);
    expect(errors.join(' ')).toMatch(/status must be one of Active, Inactive, Suspended/);
    expect(errors.join(' ')).toMatch(/startDate/);
  });

  it('404: {errors:[…]} as a list (a base URL with a path the directory does not serve)', async () => {
    const { provider } = setup({ baseUrl: `${target.url}/v9` });
    const err = await fail(provider.rebuild({}));
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: { status: 404 } });
    expect((err.details?.errors as string[])[0]).toMatch(/No such resource/);
  });

  it('401: a token the directory does not accept', async () => {
    const err = await fail(setup({ token: 'not-the-token-0123456789' }).provider.rebuild({}));
    expect(err).toMatchObject({ code: 'AUTH_REQUIRED', details: { status: 401 } });
    expect(err.message).not.toContain('not-the-token-0123456789');
  });

  it('403, 406 and 500 each with their own code and words, never retried', async () => {
    if (directorySandboxOnly('403 / 406 / 500 fault switches')) return;
    const cases: Array<[number, string, RegExp]> = [
      [403, 'FORBIDDEN', /does not allow/],
      [406, 'BAD_RESPONSE', /Not Acceptable/],
      [500, 'SERVER', /internal error/],
    ];
    for (const [status, code, words] of cases) {
      target.sandbox!.faults.set({ status, times: 1 });
      const { provider, exchanges } = setup();
      const err = await fail(provider.rebuild({}));
      expect(err.code, String(status)).toBe(code);
      expect(err.message).toMatch(words);
      expect(err.details).toMatchObject({ status, attempts: 1 });
      expect(exchanges).toHaveLength(1);
    }
  });
});

describe('client certificate', () => {
  it('absent: the directory refuses the connection (TLS_CLIENT_REFUSED), nothing answered', async () => {
    const { provider, exchanges } = setup({ client: null });
    const err = await fail(provider.rebuild({}));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
    expect(err.details?.interactionId).toMatch(UUID);
    expect(exchanges[0]).toMatchObject({ status: null, errorCode: 'TLS_CLIENT_REFUSED' });
  });

  it('signed by a CA the directory does not trust: TLS_CLIENT_REFUSED', async () => {
    if (directorySandboxOnly('a foreign client certificate')) return;
    const foreign = await target.sandbox!.mint.foreignClient();
    const err = await fail(setup({ client: foreign }).provider.rebuild({}));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
    expect(err.message).toMatch(/certificate/);
  });

  it('expired: TLS_CLIENT_REFUSED', async () => {
    if (directorySandboxOnly('an expired client certificate')) return;
    const expired = await target.sandbox!.mint.expiredClient();
    const err = await fail(setup({ client: expired }).provider.rebuild({}));
    expect(err.code).toBe('TLS_CLIENT_REFUSED');
  });

  it('we refuse a server certificate no trusted CA signed: TLS_SERVER_UNTRUSTED, nothing sent', async () => {
    const before = target.sandbox?.requests.length ?? 0;
    const err = await fail(setup({ caPem: null }).provider.rebuild({}));
    expect(err.code).toBe('TLS_SERVER_UNTRUSTED');
    expect(err.message).toMatch(/add its CA bundle/);
    if (target.sandbox) expect(target.sandbox.requests.length).toBe(before);
  });

  it('a handshake that stalls: TLS_HANDSHAKE_TIMEOUT', async () => {
    if (directorySandboxOnly('slow handshake fault')) return;
    target.sandbox!.faults.set({ slowHandshakeMs: 1_500, times: 1 });
    const err = await fail(setup({ handshakeTimeoutMs: 300 }).provider.rebuild({}));
    expect(err.code).toBe('TLS_HANDSHAKE_TIMEOUT');
  });
});

describe('interaction id', () => {
  it('a mismatched echo is an error showing both ids, and is logged', async () => {
    if (directorySandboxOnly('wrong interaction id fault')) return;
    target.sandbox!.faults.set({ wrongInteractionId: true, times: 1 });
    const { provider, exchanges, logs } = setup();
    const err = await fail(provider.rebuild({}));
    const sent = err.details?.interactionId as string;
    const received = err.details?.receivedInteractionId as string;
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.details?.reason).toBe('interaction-id-mismatch');
    expect(received).toMatch(UUID);
    expect(received).not.toBe(sent);
    expect(err.message).toContain(sent);
    expect(err.message).toContain(received);
    expect(logs.join('\n')).toContain(`sent ${sent}, received ${received}`);
    expect(exchanges[0]).toMatchObject({ interactionId: sent, receivedInteractionId: received, status: 201 });
  });
});

describe('retries (the rebuild is safe to repeat, so POST is retried)', () => {
  it('429 with Retry-After: waits as told (capped), reports the countdown, then succeeds with a new interaction id', async () => {
    if (directorySandboxOnly('429 fault')) return;
    target.sandbox!.faults.set({ status: 429, retryAfterSeconds: 1, times: 2 });
    const { provider, exchanges } = setup();
    const updates: RebuildProgressUpdate[] = [];
    const started = Date.now();
    const result = await provider.rebuild({ name: 'Aurora' }, { onProgress: (u) => updates.push(u) });
    expect(result.attempts).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    const waits = updates.filter((u) => u.state === 'waiting');
    expect(waits.map((w) => [w.attempt, w.status, w.waitMs])).toEqual([[1, 429, 1000], [2, 429, 1000]]);
    expect(Date.parse(waits[0]!.retryAt!)).toBeGreaterThan(started);
    expect(exchanges.map((e) => e.status)).toEqual([429, 429, 201]);
    expect(new Set(exchanges.map((e) => e.interactionId)).size).toBe(3);
    expect(exchanges.at(-1)!.interactionId).toBe(result.interactionId);
  });

  it('a Retry-After beyond the cap waits only the cap', async () => {
    if (directorySandboxOnly('429 fault')) return;
    target.sandbox!.faults.set({ status: 429, retryAfterSeconds: 3600, times: 1 });
    const updates: RebuildProgressUpdate[] = [];
    await setup().provider.rebuild({}, { onProgress: (u) => updates.push(u) });
    expect(updates.find((u) => u.state === 'waiting')?.waitMs).toBe(1_500);
  });

  it('504 on every attempt: exhausted after maxAttempts with SERVER and the last interaction id', async () => {
    if (directorySandboxOnly('504 fault')) return;
    target.sandbox!.faults.set({ status: 504 });
    const { provider, exchanges } = setup({ maxAttempts: 3 });
    const err = await fail(provider.rebuild({}));
    expect(err.code).toBe('SERVER');
    expect(err.message).toMatch(/timed out upstream/);
    expect(err.details).toMatchObject({ status: 504, attempts: 3 });
    expect(exchanges.map((e) => e.status)).toEqual([504, 504, 504]);
    expect(err.details?.interactionId).toBe(exchanges.at(-1)!.interactionId);
  });

  it('502 then success', async () => {
    if (directorySandboxOnly('502 fault')) return;
    target.sandbox!.faults.set({ status: 502, times: 1 });
    const { provider, exchanges } = setup();
    expect((await provider.rebuild({})).attempts).toBe(2);
    expect(exchanges.map((e) => e.status)).toEqual([502, 201]);
  });

  it('cancel during the wait: CANCELLED, nothing more sent', async () => {
    if (directorySandboxOnly('429 fault')) return;
    target.sandbox!.faults.set({ status: 429, retryAfterSeconds: 30 });
    const { provider, exchanges } = setup();
    const controller = new AbortController();
    const pending = fail(provider.rebuild({}, { signal: controller.signal, onProgress: (u) => u.state === 'waiting' && controller.abort() }));
    const err = await pending;
    expect(err.code).toBe('CANCELLED');
    expect(exchanges).toHaveLength(1);
  });
});
