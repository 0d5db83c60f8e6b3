// Every FactPulse operation carries a credential or a key. When the configured server answers one of them with
// a redirect, the provider fails with REDIRECT and the other origin receives nothing: not the API key, not
// X-Encryption-Key, not the rotation keys, not the password of POST /api/token/. A front on 127.0.0.1 answers
// the 3xx for the operation under test and forwards everything else to the FactPulse sandbox.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactPulseProvider } from '../../../../../main/core/providers/factpulse';
import type { FactPulseAuthConfig } from '../../../../../main/core/providers/factpulse/auth';
import type { Provider } from '../../../../../main/core/providers/types';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { fetchTrusting, selfSignedTls, startRecordingServer, startRedirectingFront } from '../http/redirect-servers';
import type { RedirectRule } from '../http/redirect-servers';

let sandbox: FactPulseSandbox;
let other: Awaited<ReturnType<typeof startRecordingServer>>;
let front: Awaited<ReturnType<typeof startRedirectingFront>>;
let httpsFront: Awaited<ReturnType<typeof startRedirectingFront>>;
let ca: string;
let redirectedCalls = 0;

const key = randomBytes(32).toString('base64');
const pdp = {
  flowServiceUrl: 'https://pdp.example.fr/flows',
  tokenUrl: 'https://pdp.example.fr/oauth/token',
  oauthClientId: 'oauth-redirect',
  clientSecret: `pdp-secret-${randomUUID()}`,
  encryptionMode: 'double' as const,
};

function provider(baseUrl: string, auth: FactPulseAuthConfig = { method: 'apiKey' }, fetchImpl?: typeof fetch): Provider {
  return createFactPulseProvider({
    connectionId: 'conn-redirects',
    baseUrl,
    auth,
    secrets: { get: async (slot) => (slot === 'apiKey' ? sandbox.credentials.apiKey : sandbox.credentials.password) },
    maxRetries: 3,
    backoffBaseMs: 1,
    timeoutMs: 5_000,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
const passwordAuth = (): FactPulseAuthConfig => ({ method: 'password', username: sandbox.credentials.username, clientUid: null });

interface Operation {
  name: string;
  /** Matches "METHOD path" of the request the front redirects. */
  request: RegExp;
  run(fp: Provider, uid: string): Promise<unknown>;
  auth?: 'password';
}

const operations: Operation[] = [
  { name: 'list clients (X-API-Key)', request: /^GET \/api\/v1\/clients$/, run: (fp) => fp.listClients(1, 10) },
  { name: 'get a client', request: /^GET \/api\/v1\/clients\/[^/]+$/, run: (fp, uid) => fp.getClient!(uid) },
  { name: 'create a client', request: /^POST \/api\/v1\/clients$/, run: (fp) => fp.createClient!({ name: 'Redirected SARL' }) },
  { name: 'update a client', request: /^PATCH \/api\/v1\/clients\/[^/]+$/, run: (fp, uid) => fp.updateClient!(uid, { name: 'Renamed SARL' }) },
  { name: 'activate a client', request: /\/activer$/, run: (fp, uid) => fp.activateClient!(uid) },
  { name: 'deactivate a client', request: /\/desactiver$/, run: (fp, uid) => fp.deactivateClient!(uid) },
  { name: 'read the PDP config with X-Encryption-Key', request: /^GET .*\/pdp-config$/, run: (fp, uid) => fp.getPdpConfig!(uid, { encryptionKey: key }) },
  { name: 'write a PDP config (clientSecret, X-Encryption-Key)', request: /^PUT .*\/pdp-config$/, run: (fp, uid) => fp.updatePdpConfig!(uid, pdp, { encryptionKey: key }) },
  {
    name: 'rotate the encryption key (oldKey/newKey in the body)',
    request: /^POST .*\/rotate-encryption-key$/,
    run: (fp, uid) => fp.rotateEncryptionKey!(uid, key, randomBytes(32).toString('base64')),
  },
  { name: 'generate a webhook secret', request: /\/webhook-secret\/generate$/, run: (fp, uid) => fp.generateWebhookSecret!(uid) },
  { name: 'read the webhook secret status', request: /\/webhook-secret\/status$/, run: (fp, uid) => fp.getWebhookSecretStatus!(uid) },
  { name: 'delete the webhook secret', request: /^DELETE .*\/webhook-secret$/, run: (fp, uid) => fp.deleteWebhookSecret!(uid) },
  { name: 'log in with a password (POST /api/token/)', request: /^POST \/api\/token\/$/, run: (fp) => fp.listClients(1, 10), auth: 'password' },
];

let uid: string;

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 5 });
  other = await startRecordingServer();
  const tls = await selfSignedTls();
  ca = tls.cert;
  front = await startRedirectingFront({ rule: () => null, upstream: sandbox.url });
  httpsFront = await startRedirectingFront({ rule: () => null, upstream: sandbox.url, tls });
  // A client in double mode, set up through the front while it still forwards everything.
  const fp = provider(front.url);
  uid = (await fp.createClient!({ name: `Redirect target ${randomUUID().slice(0, 8)}` })).remoteId;
  await fp.updatePdpConfig!(uid, pdp, { encryptionKey: key });
});

afterAll(async () => {
  const n = other.received.length;
  console.log(
    `factpulse redirects: ${operations.length} operations, ${redirectedCalls} redirected calls (301/302/307/308 cross-origin, same-origin, https → http); ` +
      `other origin received: ${n === 0 ? 'nothing' : 'REQUESTS'} (${n} requests)`,
  );
  await Promise.all([other.close(), front.close(), httpsFront.close()]);
  await sandbox.close();
});

const matches = (op: Operation) => (h: { method: string; path: string }) => op.request.test(`${h.method} ${h.path.split('?')[0]}`);

/** What a request that reached the other origin gave away. */
function describeReceived(r: { method: string; path: string; headers: Record<string, unknown>; body: string }): string {
  const gave = [
    r.headers['x-api-key'] && 'X-API-Key',
    r.headers['x-encryption-key'] && 'X-Encryption-Key',
    r.headers.authorization && 'Authorization',
    /"password"/.test(r.body) && 'password',
    /"oldKey"/.test(r.body) && 'oldKey/newKey',
    /"clientSecret"/.test(r.body) && 'clientSecret',
  ].filter(Boolean);
  return `${r.method} ${r.path}: ${gave.join(', ') || 'no secret'}`;
}

/** Runs `op` with the front redirecting that one request; checks the refusal and that nothing went anywhere else. */
async function expectRefused(op: Operation, server: typeof front, rule: RedirectRule, fetchImpl?: typeof fetch) {
  server.setRule((method, path) => (op.request.test(`${method} ${path}`) ? rule(method, path) : null));
  const fp = provider(server.url, op.auth === 'password' ? passwordAuth() : { method: 'apiKey' }, fetchImpl);
  const hitsBefore = server.hits.filter(matches(op)).length;
  const sandboxBefore = sandbox.requests.filter(matches(op)).length;
  const otherBefore = other.received.length;
  const err = await op.run(fp, uid).then(
    () => null,
    (e: unknown) => e as Error & { code?: string; details?: Record<string, unknown> },
  );
  redirectedCalls++;
  server.setRule(() => null);
  fp.dispose?.();
  const leaked = other.received.slice(otherBefore).map(describeReceived);
  expect(leaked, `the other origin received ${JSON.stringify(leaked)}`).toHaveLength(0);
  expect(other.received).toHaveLength(0);
  expect(err, `${op.name} succeeded through a redirect`).not.toBeNull();
  expect(err).toMatchObject({ code: 'REDIRECT' });
  // Asked once, never re-sent (the provider allows 3 retries), never forwarded to the sandbox.
  expect(server.hits.filter(matches(op)).length - hitsBefore).toBe(1);
  expect(sandbox.requests.filter(matches(op)).length - sandboxBefore).toBe(0);
  for (const secret of [sandbox.credentials.apiKey, sandbox.credentials.password, key, pdp.clientSecret]) expect(err!.message).not.toContain(secret);
  return err!;
}

describe.each([301, 302, 307, 308])('HTTP %i to another origin', (status) => {
  it.each(operations.map((op) => [op.name, op] as const))('%s → REDIRECT naming the host; the other origin receives nothing', async (_name, op) => {
    const err = await expectRefused(op, front, (_m, path) => ({ status, location: `${other.url}${path}` }));
    expect(err.message).toContain(`HTTP ${status}, redirecting to ${new URL(other.url).host}`);
  });
});

describe('same-origin redirect', () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s → REDIRECT; the new address is never requested', async (_name, op) => {
    const err = await expectRefused(op, front, (_m, path) => ({ status: 307, location: `/v2${path}` }));
    expect(err.message).toContain('another address on the same server');
    expect(front.hits.filter((h) => h.path.startsWith('/v2/'))).toHaveLength(0);
  });
});

describe('https → plain http', () => {
  it('the https front is reachable with its certificate trusted (so only the redirect is refused below)', async () => {
    await expect(provider(httpsFront.url, { method: 'apiKey' }, fetchTrusting(ca)).getClient!(uid)).resolves.toMatchObject({ remoteId: uid });
  });

  it.each(operations.map((op) => [op.name, op] as const))('%s → REDIRECT saying it is unencrypted; nothing sent over http', async (_name, op) => {
    const err = await expectRefused(op, httpsFront, (_m, path) => ({ status: 307, location: `${other.url}${path}` }), fetchTrusting(ca));
    expect(err.message).toContain(`redirecting to plain http://${new URL(other.url).host} (unencrypted)`);
  });
});
