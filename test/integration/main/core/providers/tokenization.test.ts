// Tokenization provider over real HTTP: list per partner (take/skip, across partners), detail, create, PATCH,
// activate/deactivate through isActive, delete then 404 7404, the {uuid,errorCode,message} errors, Basic auth.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../shared/domain';
import type { Provider } from '../../../../../main/core/providers/types';
import { startTokenizationTarget, tokenizationProviderFor, tokenizationSandboxOnly } from './tokenization-target';
import type { TokenizationTarget } from './tokenization-target';

let target: TokenizationTarget;
let tok: Provider;

beforeAll(async () => {
  target = await startTokenizationTarget();
  tok = tokenizationProviderFor(target);
});
afterAll(() => target.close());
beforeEach(() => target.sandbox?.faults.clear());

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> });
const contact = { contactFirstName: 'Camille', contactLastName: 'Durand', contactEmail: 'camille.durand@example.fr' };

async function walk(provider: Provider, pageSize: number): Promise<{ records: ClientRecord[]; total: number | null }> {
  const records: ClientRecord[] = [];
  let total: number | null = null;
  for (let page = 1; ; page++) {
    const result = await provider.listClients(page, pageSize);
    total ??= result.total;
    records.push(...result.records);
    if (result.records.length < pageSize) return { records, total };
  }
}

describe('operations', () => {
  it('lists a partner with take/skip, normalized with partner, version and mid', async () => {
    const { records, total } = await walk(tok, 25);
    expect(records.length).toBe(total);
    const first = records[0]!;
    expect(first.remoteId).toMatch(/^\d+$/);
    expect(typeof first.version).toBe('number');
    expect(first.extra).toMatchObject({ partner: expect.any(String), rootPartner: expect.any(String) });
  });

  it('creates (directPartner by name), reads the detail, PATCHes a subset, deactivates, activates, deletes', async () => {
    const name = `Client ${randomUUID().slice(0, 8)}`;
    const created = await tok.createClient!({ name, extra: { directPartnerName: target.partner, ...contact } });
    expect(created).toMatchObject({ name, status: 'active', version: 0 });
    expect(created.extra).toMatchObject({ contactEmail: contact.contactEmail, contactName: 'Camille Durand' });
    expect(created.createdAt).toEqual(expect.any(String));

    const renamed = await tok.updateClient!(created.remoteId, { name: `${name} bis` });
    expect(renamed).toMatchObject({ name: `${name} bis`, version: 1 });
    expect(Date.parse(renamed.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt!));

    expect(await tok.deactivateClient!(created.remoteId)).toMatchObject({ status: 'inactive' });
    expect((await tok.getClient!(created.remoteId)).status).toBe('inactive');
    expect(await tok.activateClient!(created.remoteId)).toMatchObject({ status: 'active' });

    await tok.deleteClient!(created.remoteId);
    const gone = await fail(tok.getClient!(created.remoteId));
    expect(gone).toMatchObject({ code: 'NOT_FOUND', details: { errorCode: 7404, gone: true, supportId: expect.any(String) } });
  });
});

describe('errors', () => {
  it('a duplicate name lands on the name field with the support reference', async () => {
    const { records } = await walk(tok, 100);
    const err = await fail(tok.createClient!({ name: records[0]!.name, extra: { directPartnerName: target.partner, ...contact } }));
    expect(err).toMatchObject({ code: 'CONFLICT', details: { fields: [{ field: 'name' }], supportId: expect.any(String) } });
  });

  it('an invalid email, an empty partner, a partner the server does not know', async () => {
    const bad = await fail(tok.createClient!({ name: `X ${randomUUID()}`, extra: { directPartnerName: target.partner, ...contact, contactEmail: 'nope' } }));
    expect(bad).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'extra.contactEmail' }] } });
    const before = target.sandbox?.requests.length ?? 0;
    const none = await fail(tok.createClient!({ name: `X ${randomUUID()}`, extra: { directPartnerName: ' ', ...contact } }));
    expect(none).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'extra.directPartnerId' }, { field: 'extra.directPartnerName' }] } });
    expect(target.sandbox?.requests.length ?? 0).toBe(before);
    const unknown = await fail(tokenizationProviderFor(target, ['Nobody Partner']).listClients(1, 10));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { supportId: expect.any(String), fields: [{ field: 'settings.partners', message: 'validation.partnerUnknown' }] } });
    expect(unknown?.message).toContain('"Nobody Partner"');
    expect(unknown?.details).not.toHaveProperty('gone');
    const empty = await fail(tokenizationProviderFor(target, []).listClients(1, 10));
    expect(empty).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'settings.partners' }] } });
  });

  it('a wrong password is AUTH_REQUIRED', async () => {
    expect(await fail(tokenizationProviderFor(target, [target.partner], 'wrong').testConnection())).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it.skipIf(tokenizationSandboxOnly('faults'))('a 500 and a non-JSON answer are clear errors', async () => {
    target.sandbox!.faults.set({ status: 500, times: 2 });
    const failed = await fail(tok.getClient!('1001'));
    expect(failed).toMatchObject({ code: 'SERVER', details: { status: 500, supportId: expect.any(String) } });
    expect(failed?.message).toMatch(/^The tokenization platform had an internal error \(HTTP 500\): Simulated failure/);
    target.sandbox!.faults.set({ truncate: true, times: 1 });
    expect(await fail(tok.createClient!({ name: `T ${randomUUID()}`, extra: { directPartnerName: target.partner, ...contact } }))).toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });
});

describe.skipIf(tokenizationSandboxOnly('a 2,500-client tenant'))('paging across partners', () => {
  it('walks 3 partners end to end: every client once, the totals the server states', async () => {
    const big = await startTokenizationTarget({
      clients: 2500,
      partner: 'Groupe Atlas',
      subPartners: [{ name: 'Atlas Nord' }, { name: 'Atlas Sud' }, { name: 'Atlas Ouest' }],
    });
    try {
      const partners = ['Atlas Nord', 'Atlas Sud', 'Atlas Ouest'];
      const provider = tokenizationProviderFor(big, partners);
      const stated = await Promise.all(
        partners.map(async (p) => (await tokenizationProviderFor(big, [p]).listClients(1, 1)).total ?? 0),
      );
      const { records, total } = await walk(provider, 100);
      expect(total).toBe(stated.reduce((a, b) => a + b, 0));
      expect(records.length).toBe(total);
      expect(new Set(records.map((r) => r.remoteId)).size).toBe(total);
      const all = await walk(tokenizationProviderFor(big, ['Groupe Atlas']), 100);
      expect(all.records.length).toBe(2500);
      console.info(`tokenization paging: 3 partners stated ${stated.join(' + ')} = ${total}; walked ${records.length} distinct; root alone ${all.records.length}`);
    } finally {
      await big.close();
    }
  });
});
