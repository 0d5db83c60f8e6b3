// FactPulse provider, password auth: POST /api/token/ and /api/token/refresh/, refresh on expiry,
// one silent re-login, AUTH_REQUIRED after a bad password, and client-scoped tokens (403 explained).
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { needsPassword, passwordAuth, providerFor, sandboxOnly, startTarget } from './factpulse-target';
import type { Target } from './factpulse-target';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> });
const extra: Target[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((t) => t.close()));
});

/** Token-endpoint calls and API calls the sandbox saw, in order. */
function trail(t: Target): string[] {
  return (t.sandbox?.requests ?? []).map((r) => `${r.path.startsWith('/api/token') ? r.path : r.auth} ${r.status}`);
}

describe.skipIf(needsPassword('password auth'))('password auth', () => {
  let target: Target;
  beforeAll(async () => {
    target = await startTarget({ clients: 12 });
  });
  afterAll(() => target.close());

  it('logs in once with POST /api/token/, then sends the bearer token on every call', async () => {
    target.sandbox?.requests.splice(0);
    const fp = providerFor(target, passwordAuth(target));
    const page = await fp.listClients(1, 5);
    expect(page.records.length).toBeGreaterThan(0);
    const uid = page.records[0]?.remoteId ?? '';
    expect((await fp.getClient!(uid)).remoteId).toBe(uid);
    if (target.sandbox) expect(trail(target)).toEqual(['/api/token/ 200', 'bearer 200', 'bearer 200']);
  });

  it('a burst of parallel calls with a limit of 1 shares one login and does not deadlock', async () => {
    target.sandbox?.requests.splice(0);
    const fp = providerFor(target, passwordAuth(target), { concurrency: 1 });
    const pages = await Promise.race([
      Promise.all([1, 2, 3, 4].map((n) => fp.listClients(n, 3))),
      wait(5_000).then(() => 'deadlock' as const),
    ]);
    expect(pages).not.toBe('deadlock');
    if (target.sandbox) expect(trail(target).filter((t) => t.startsWith('/api/token/'))).toEqual(['/api/token/ 200']);
  });

  it('a wrong password → AUTH_REQUIRED on the password field, after exactly one login attempt', async () => {
    target.sandbox?.requests.splice(0);
    const wrong = `wrong-${randomUUID()}`;
    const fp = providerFor(target, passwordAuth(target), { password: wrong });
    const err = await fail(fp.listClients(1, 5));
    expect(err).toMatchObject({ code: 'AUTH_REQUIRED', details: { status: 401, fields: [{ field: 'auth.password' }] } });
    expect(JSON.stringify(err) + String(err?.message)).not.toContain(wrong);
    if (target.sandbox) expect(trail(target)).toEqual(['/api/token/ 401']);
  });

  it('no stored password → AUTH_REQUIRED without calling the server', async () => {
    target.sandbox?.requests.splice(0);
    const fp = providerFor(target, passwordAuth(target), { password: '' });
    expect(await fail(fp.listClients(1, 5))).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(target.sandbox?.requests ?? []).toHaveLength(0);
  });

  it('a client-scoped token reaches its client only; the 403 names the client it is limited to', async () => {
    const all = await providerFor(target).listClients(1, 5);
    const mine = all.records[0]?.remoteId ?? '';
    const other = all.records[1]?.remoteId ?? '';
    const fp = providerFor(target, passwordAuth(target, mine));
    expect(fp.capabilities.has('create')).toBe(false);
    const own = await fp.listClients(1, 100);
    expect(own.records.map((r) => r.remoteId)).toEqual([mine]);
    expect((await fp.getClient!(mine)).remoteId).toBe(mine);
    const err = await fail(fp.getClient!(other));
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { status: 403 } });
    expect(err?.message).toContain(`this token is limited to client ${mine}`);
    expect(await fail(fp.createClient!({ name: 'Not allowed' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe.skipIf(sandboxOnly('token expiry and renewal'))('token renewal (sandbox lifetimes)', () => {
  it('renews an expired access token with /api/token/refresh/ and repeats the call', async () => {
    const t = await startTarget({ clients: 3, accessTtlSeconds: 1 });
    extra.push(t);
    const fp = providerFor(t, passwordAuth(t));
    await fp.listClients(1, 2);
    await wait(2_100);
    const page = await fp.listClients(1, 2);
    expect(page.records).toHaveLength(2);
    expect(trail(t)).toEqual(['/api/token/ 200', 'bearer 200', 'bearer 401', '/api/token/refresh/ 200', 'bearer 200']);
  });

  it('logs in again silently when the refresh token has expired too', async () => {
    const t = await startTarget({ clients: 3, accessTtlSeconds: 1, refreshTtlSeconds: 1 });
    extra.push(t);
    const fp = providerFor(t, passwordAuth(t));
    await fp.listClients(1, 2);
    await wait(2_100);
    expect((await fp.listClients(1, 2)).records).toHaveLength(2);
    expect(trail(t)).toEqual(['/api/token/ 200', 'bearer 200', 'bearer 401', '/api/token/refresh/ 401', '/api/token/ 200', 'bearer 200']);
  });

  it('AUTH_REQUIRED when the re-login is refused (password changed on the server), without a loop', async () => {
    const t = await startTarget({ clients: 3, accessTtlSeconds: 1, refreshTtlSeconds: 1 });
    extra.push(t);
    let password = t.password ?? '';
    const fp = providerFor({ ...t, get password() { return password; } }, passwordAuth(t));
    await fp.listClients(1, 2);
    password = `changed-${randomUUID()}`;
    await wait(2_100);
    expect(await fail(fp.listClients(1, 2))).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(trail(t).slice(2)).toEqual(['bearer 401', '/api/token/refresh/ 401', '/api/token/ 401']);
  });

  it('the token endpoints answer SimpleJWT shapes with real signed JWTs', async () => {
    const t = await startTarget({ clients: 1 });
    extra.push(t);
    const post = (path: string, body: unknown) =>
      fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const login = await post('/api/token/', { username: t.username, password: t.password });
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as { access: string; refresh: string };
    expect(tokens.access.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(tokens.access.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; client_uid: null };
    expect(claims.exp * 1000).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(claims.client_uid).toBeNull();
    const refreshed = await post('/api/token/refresh/', { refresh: tokens.refresh });
    expect(refreshed.status).toBe(200);
    expect(Object.keys((await refreshed.json()) as object)).toEqual(['access']);
    expect((await post('/api/token/refresh/', { refresh: tokens.access })).status).toBe(401);
    expect((await post('/api/token/', { username: t.username, password: 'nope-nope' })).status).toBe(401);
  });
});
