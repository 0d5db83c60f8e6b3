// The FactPulse sandbox itself: deterministic seed data (with PDP configs and webhook secrets) and its wire format.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createState, seedClients } from '../../../../../main/core/sandbox/factpulse/state';
import { openWithCallerKey } from '../../../../../main/core/sandbox/factpulse/tokens';
import { SEED_SHARES, seedKeyFor, startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';

function seeded(count: number, seed: number) {
  const state = createState();
  seedClients(state, count, seed);
  return [...state.clients.values()];
}

describe('seed data', () => {
  it('is deterministic for a seed, different across seeds', () => {
    const a = seeded(200, 11);
    const b = seeded(200, 11);
    expect(b.map((c) => [c.uid, c.name, c.siret, c.pdp?.encryptionMode, c.pdp?.storedSecret, c.webhook?.secret])).toEqual(
      a.map((c) => [c.uid, c.name, c.siret, c.pdp?.encryptionMode, c.pdp?.storedSecret, c.webhook?.secret]),
    );
    expect(seeded(200, 12).map((c) => c.uid)).not.toEqual(a.map((c) => c.uid));
  });

  it('gives ~15% of clients a fernet PDP config, ~10% a double one, and some a webhook secret', () => {
    const clients = seeded(2_000, 42);
    const share = (n: number) => n / clients.length;
    const fernet = clients.filter((c) => c.pdp?.encryptionMode === 'fernet').length;
    const double = clients.filter((c) => c.pdp?.encryptionMode === 'double').length;
    const hooks = clients.filter((c) => c.webhook).length;
    expect(share(fernet)).toBeGreaterThan(SEED_SHARES.fernet - 0.03);
    expect(share(fernet)).toBeLessThan(SEED_SHARES.fernet + 0.03);
    expect(share(double)).toBeGreaterThan(SEED_SHARES.double - 0.03);
    expect(share(double)).toBeLessThan(SEED_SHARES.double + 0.03);
    expect(hooks).toBeGreaterThan(0);
    expect(clients.filter((c) => c.isActive).length).toBeLessThan(clients.length);
    expect(clients.filter((c) => c.siret).every((c) => /^\d{14}$/.test(c.siret ?? ''))).toBe(true);
  });

  it('seals each double-mode secret with seedKeyFor(uid, seed) and no other key', () => {
    const doubles = seeded(300, 5).filter((c) => c.pdp?.encryptionMode === 'double');
    expect(doubles.length).toBeGreaterThan(10);
    for (const c of doubles) {
      const key = Buffer.from(seedKeyFor(c.uid, 5), 'base64');
      expect(key).toHaveLength(32);
      expect(openWithCallerKey(key, c.pdp?.storedSecret ?? '')).toMatch(/^pdp_[A-Za-z0-9_-]{24}$/);
      expect(openWithCallerKey(Buffer.from(seedKeyFor(c.uid, 6), 'base64'), c.pdp?.storedSecret ?? '')).toBeNull();
    }
    expect(seedKeyFor('a', 1)).toBe(seedKeyFor('a', 1));
    expect(seedKeyFor('a', 1)).not.toBe(seedKeyFor('b', 1));
  });

  it('adding the secrets did not change the clients a seed yields (separate random stream)', () => {
    const small = seeded(10, 42).map((c) => [c.uid, c.name]);
    expect(seeded(50, 42).slice(0, 10).map((c) => [c.uid, c.name])).toEqual(small);
  });
});

describe('wire format', () => {
  let sandbox: FactPulseSandbox;
  beforeAll(async () => {
    sandbox = await startFactPulseSandbox({ clients: 40, seed: 3 });
  });
  afterAll(() => sandbox.close());

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { 'x-api-key': sandbox.credentials.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });

  it('lists camelCase ClientSummary items with ISO dates and the PDP flags of seeded configs', async () => {
    const res = await api('/api/v1/clients?page=1&pageSize=100');
    const body = (await res.json()) as { results: Array<Record<string, unknown>>; total: number; page: number; pageSize: number };
    expect(body).toMatchObject({ total: 40, page: 1, pageSize: 100 });
    const item = body.results[0] ?? {};
    expect(Object.keys(item).sort()).toEqual(
      ['createdAt', 'description', 'hasConfigChorus', 'hasConfigPdp', 'isActive', 'name', 'pdpIsActive', 'pdpIsMock', 'siret', 'uid', 'updatedAt'].sort(),
    );
    expect(new Date(String(item.createdAt)).toISOString()).toBe(item.createdAt);
    expect(body.results.some((c) => c.hasConfigPdp === true)).toBe(true);
  });

  it('answers FastAPI-style 422 bodies', async () => {
    const res = await api('/api/v1/clients', { method: 'POST', body: JSON.stringify({ name: '', siret: '12' }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: Array<{ loc: unknown[]; msg: string; type: string }> };
    expect(body.detail.map((d) => d.loc)).toEqual([['body', 'name'], ['body', 'siret']]);
    expect(body.detail[0]?.type).toBe('string_too_short');
  });

  it('shows a seeded double config as requiring the client key, and never returns a secret', async () => {
    const double = [...sandbox.state.clients.values()].find((c) => c.pdp?.encryptionMode === 'double');
    expect(double).toBeDefined();
    const res = await api(`/api/v1/clients/${double?.uid}/pdp-config`);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ isConfigured: true, encryptionMode: 'double', secretStatus: { requiresClientKey: true } });
    expect(text).not.toContain(double?.pdp?.storedSecret ?? '');
    const hooked = [...sandbox.state.clients.values()].find((c) => c.webhook);
    if (hooked) {
      const status = await (await api(`/api/v1/clients/${hooked.uid}/webhook-secret/status`)).text();
      expect(JSON.parse(status)).toMatchObject({ hasSecret: true });
      expect(status).not.toContain(hooked.webhook?.secret ?? '');
    }
  });

  it('refuses a PDP write in double mode without a valid 32-byte key', async () => {
    const uid = sandbox.state.order[0] ?? '';
    const body = JSON.stringify({ flowServiceUrl: 'https://a.fr', tokenUrl: 'https://a.fr/t', oauthClientId: 'x', clientSecret: 'y', encryptionMode: 'double' });
    const bad = await api(`/api/v1/clients/${uid}/pdp-config`, { method: 'PUT', body, headers: { 'x-encryption-key': randomBytes(31).toString('base64') } });
    expect(bad.status).toBe(400);
    const good = await api(`/api/v1/clients/${uid}/pdp-config`, { method: 'PUT', body, headers: { 'x-encryption-key': randomBytes(32).toString('base64') } });
    expect(good.status).toBe(200);
  });
});
