// FactPulse provider, API-key auth: the 12 operations and every documented error status.
// Runs against the sandbox by default, or FACTPULSE_TEST_URL + FACTPULSE_TEST_API_KEY (see factpulse-target.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Provider } from '../../../../../main/core/providers/types';
import { providerFor, sandboxOnly, siret, startTarget } from './factpulse-target';
import type { Target } from './factpulse-target';

let target: Target;
let fp: Provider;

beforeAll(async () => {
  target = await startTarget({ clients: 250 });
  fp = providerFor(target);
});
afterAll(() => target.close());
beforeEach(() => target.sandbox?.faults.clear());

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> });
const pdpInput = (secret: string) => ({
  flowServiceUrl: 'https://pdp.example.fr/flows',
  tokenUrl: 'https://pdp.example.fr/oauth/token',
  oauthClientId: 'oauth-client-1',
  clientSecret: secret,
});

async function freshClient(): Promise<string> {
  const record = await fp.createClient!({ name: `Test ${randomUUID().slice(0, 8)}`, identifier: siret(), description: 'créé par les tests' });
  return record.remoteId;
}

describe('operations 1–12 (API key)', () => {
  it('1 lists clients, normalized to ClientRecord', async () => {
    const page = await fp.listClients(1, 20);
    expect(page).toMatchObject({ page: 1, pageSize: 20 });
    expect(page.records.length).toBeGreaterThan(0);
    const first = page.records[0];
    expect(first?.remoteId).toMatch(/^[0-9a-f-]{36}$/);
    expect(['active', 'inactive']).toContain(first?.status);
    expect(first?.connectionId).toBe('conn-test');
    expect(Date.parse(first?.createdAt ?? '')).not.toBeNaN();
    expect(first?.extra).toHaveProperty('hasConfigPdp');
  });

  it.skipIf(sandboxOnly('pagination over exactly 250 seeded clients'))('1 pages through 250 clients with pageSize 100', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((n) => fp.listClients(n, 100)));
    expect(pages.map((p) => p.records.length)).toEqual([100, 100, 50, 0]);
    expect(pages.every((p) => p.total === 250 && p.pageSize === 100)).toBe(true);
    const ids = pages.flatMap((p) => p.records.map((r) => r.remoteId));
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(target.sandbox?.state.order.slice(0, 250));
  });

  it('2 creates, 3 reads and 4 patches only the given fields', async () => {
    const id = siret();
    const created = await fp.createClient!({ name: 'Boulangerie des Tests', identifier: id, description: 'première version' });
    expect(created).toMatchObject({ name: 'Boulangerie des Tests', identifier: id, description: 'première version', status: 'active' });
    const read = await fp.getClient!(created.remoteId);
    expect(read).toMatchObject({ remoteId: created.remoteId, name: 'Boulangerie des Tests', identifier: id });
    const patched = await fp.updateClient!(created.remoteId, { description: 'deuxième version' });
    expect(patched).toMatchObject({ name: 'Boulangerie des Tests', identifier: id, description: 'deuxième version' });
    const cleared = await fp.updateClient!(created.remoteId, { identifier: '' });
    expect(cleared.identifier).toBeNull();
  });

  it('5 activates and 6 deactivates, and the client shows it', async () => {
    const uid = await freshClient();
    expect(await fp.deactivateClient!(uid)).toMatchObject({ status: 'inactive' });
    expect((await fp.getClient!(uid)).status).toBe('inactive');
    const back = await fp.activateClient!(uid);
    expect(back.status).toBe('active');
    expect(back.message.length).toBeGreaterThan(0);
    expect((await fp.getClient!(uid)).status).toBe('active');
  });

  it('7 reads an absent PDP config, 8 writes it in fernet mode without ever returning the secret', async () => {
    const uid = await freshClient();
    const none = await fp.getPdpConfig!(uid);
    expect(none.isConfigured).toBe(false);
    expect(none.message).toBeTruthy();
    const secret = `pdp-secret-${randomUUID()}`;
    const saved = await fp.updatePdpConfig!(uid, pdpInput(secret));
    expect(saved).toMatchObject({ isConfigured: true, encryptionMode: 'fernet', oauthClientId: 'oauth-client-1', isActive: true, modeSandbox: false });
    expect(saved.secretStatus?.status).toBe('active');
    expect(JSON.stringify(saved)).not.toContain(secret);
    const read = await fp.getPdpConfig!(uid);
    expect(read).toMatchObject({ isConfigured: true, encryptionMode: 'fernet' });
    expect(JSON.stringify(read)).not.toContain(secret);
    expect((await fp.getClient!(uid)).extra.hasConfigPdp).toBe(true);
  });

  it('10 generates (shown once, replaces), 11 reports and 12 deletes the webhook secret', async () => {
    const uid = await freshClient();
    expect(await fp.getWebhookSecretStatus!(uid)).toEqual({ hasSecret: false, createdAt: null });
    const first = await fp.generateWebhookSecret!(uid);
    expect(first.webhookSecret.length).toBeGreaterThanOrEqual(16);
    const status = await fp.getWebhookSecretStatus!(uid);
    expect(status.hasSecret).toBe(true);
    expect(JSON.stringify(status)).not.toContain(first.webhookSecret);
    const second = await fp.generateWebhookSecret!(uid);
    expect(second.webhookSecret).not.toBe(first.webhookSecret);
    expect((await fp.deleteWebhookSecret!(uid)).message.length).toBeGreaterThan(0);
    expect((await fp.getWebhookSecretStatus!(uid)).hasSecret).toBe(false);
  });

  it('testConnection proves the credentials with one cheap call', async () => {
    const result = await fp.testConnection();
    expect(result.total).toBeGreaterThan(0);
  });
});

describe('documented errors', () => {
  it('400 → VALIDATION (malformed X-Encryption-Key in double mode)', async () => {
    const uid = await freshClient();
    const err = await fail(fp.updatePdpConfig!(uid, { ...pdpInput('s3cret-value'), encryptionMode: 'double' }, { encryptionKey: 'not-a-key' }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { status: 400 } });
    expect((await fp.getPdpConfig!(uid)).isConfigured).toBe(false);
  });

  it('401 → AUTH_REQUIRED for a wrong API key, and the key is in no message', async () => {
    const wrongKey = `wrong-key-${randomUUID()}`;
    const err = await fail(providerFor(target, { method: 'apiKey' }, { apiKey: wrongKey }).listClients(1, 5));
    expect(err).toMatchObject({ code: 'AUTH_REQUIRED', details: { status: 401 } });
    expect(JSON.stringify(err) + String(err?.message)).not.toContain(wrongKey);
  });

  it('404 → NOT_FOUND for an unknown client', async () => {
    expect(await fail(fp.getClient!(randomUUID()))).toMatchObject({ code: 'NOT_FOUND', details: { status: 404 } });
    expect(await fail(fp.activateClient!(randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('422 → VALIDATION with fields mapped to the form (siret → identifier)', async () => {
    const err = await fail(fp.createClient!({ name: 'x', identifier: '1234' }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { status: 422 } });
    expect(err?.details?.fields).toEqual([expect.objectContaining({ field: 'identifier' })]);
    const many = await fail(fp.createClient!({ name: '', description: 'd'.repeat(1001) }));
    const fields = (many?.details?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['description', 'name']);
    const uid = await freshClient();
    const patch = await fail(fp.updateClient!(uid, { identifier: 'ABCDEFGHIJKLMN' }));
    expect(patch?.details?.fields).toEqual([expect.objectContaining({ field: 'identifier' })]);
    expect((await fp.getClient!(uid)).identifier).toMatch(/^\d{14}$/);
  });

  it('422 on query and path parameters', async () => {
    const size = await fail(fp.listClients(1, 101));
    expect(size?.details?.fields).toEqual([expect.objectContaining({ field: 'pageSize' })]);
    const path = await fail(fp.getClient!('not-a-uuid'));
    expect(path).toMatchObject({ code: 'VALIDATION', details: { status: 422 } });
    expect(path?.details?.fields).toEqual([expect.objectContaining({ field: 'uid' })]);
  });

  describe.skipIf(sandboxOnly('500 / 429 / fault injection'))('server-side faults (sandbox)', () => {
    it('500 → SERVER, not retried', async () => {
      target.sandbox?.faults.set({ status: 500 });
      const before = target.sandbox?.requests.length ?? 0;
      expect(await fail(fp.listClients(1, 5))).toMatchObject({ code: 'SERVER', details: { status: 500 } });
      expect(target.sandbox?.requests.length).toBe(before + 1);
    });

    it('429 on every try → RATE_LIMITED with the Retry-After seconds', async () => {
      target.sandbox?.faults.set({ status: 429, retryAfterSeconds: 0 });
      expect(await fail(fp.listClients(1, 5))).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 0 } });
    });

    it('a create whose answer is lost is not sent twice', async () => {
      const before = target.sandbox?.state.order.length ?? 0;
      target.sandbox?.faults.set({ dropAfterApply: true, pathPattern: /^POST \/api\/v1\/clients$/, times: 1 });
      expect(await fail(fp.createClient!({ name: 'Lost answer' }))).toMatchObject({ code: 'NETWORK' });
      expect(target.sandbox?.state.order.length).toBe(before + 1);
    });

    it('a truncated body → BAD_RESPONSE; a slow server → TIMEOUT', async () => {
      target.sandbox?.faults.set({ truncate: true, times: 1 });
      expect(await fail(fp.listClients(1, 5))).toMatchObject({ code: 'BAD_RESPONSE' });
      target.sandbox?.faults.set({ latencyMs: 500 });
      const slow = providerFor(target, { method: 'apiKey' }, { timeoutMs: 100, maxRetries: 0 });
      expect(await fail(slow.listClients(1, 5))).toMatchObject({ code: 'TIMEOUT' });
    });
  });
});
