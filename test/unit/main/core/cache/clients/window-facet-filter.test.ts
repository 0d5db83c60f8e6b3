import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFacetValuesInputSchema, clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import type { ClientRecord } from '../../../../../../shared/domain';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { FACET_VALUES_LIMIT } from '../../../../../../main/core/cache/clients/facet-values';
import { onlyTextFilter } from '../../../../../../main/core/cache/clients/window-sql';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../temp-db';

const NOW = '2025-06-01T00:00:00.000Z';
const PARTNERS = ['Partenaire Est', 'Partenaire Ouest', 'Partenaire Est Alsace'];

/** Client i belongs to partner i % 3; every 10th has no partner at all. */
function withPartners(records: ClientRecord[]): ClientRecord[] {
  return records.map((r, i) => ({ ...r, extra: { ...r.extra, partner: i % 10 === 9 ? null : PARTNERS[i % 3] } }));
}

let cleanup: () => void;
let reads: ClientReads;
let writes: ReturnType<typeof createClientWrites>;

beforeEach(() => {
  const t = tempDb();
  cleanup = t.cleanup;
  reads = createClientReads(readDb(t.db));
  writes = createClientWrites(writeDb(t.db));
  writes.upsertPage('T', withPartners(generateClients('T', 300, 3)), 1, NOW);
  // Another connection with the same partner names must not leak into T's lists or values.
  writes.upsertPage('U', withPartners(generateClients('U', 60, 5)).map((r) => ({ ...r, extra: { ...r.extra, partner: 'Partenaire Nord' } })), 1, NOW);
});
afterEach(() => cleanup());

const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse({ limit: 500, ...input }));
const expected = (partner: string) =>
  withPartners(generateClients('T', 300, 3)).filter((r) => r.extra.partner === partner);

describe('clients.window facet filter', () => {
  it('lists exactly the clients whose facet has the value, with a matching total, on its connection', () => {
    const w = win({ connectionIds: ['T'], facet: { key: 'partner', value: 'Partenaire Ouest' } });
    const want = expected('Partenaire Ouest');
    expect(want.length).toBeGreaterThan(50);
    expect(w.total).toBe(want.length);
    expect(w.rows.map((r) => r.remoteId).sort()).toEqual(want.map((r) => r.remoteId).sort());
    expect(w.rows.every((r) => r.extra.partner === 'Partenaire Ouest')).toBe(true);
  });

  it('combines with status, search and paging; the total follows the filters', () => {
    const active = expected('Partenaire Est').filter((r) => r.status === 'active');
    const w = win({ connectionIds: ['T'], status: ['active'], facet: { key: 'partner', value: 'Partenaire Est' }, limit: 7 });
    expect(w.total).toBe(active.length);
    expect(w.rows).toHaveLength(7);
    const next = win({ connectionIds: ['T'], status: ['active'], facet: { key: 'partner', value: 'Partenaire Est' }, limit: 7, cursor: w.nextCursor! });
    expect(next.rows.every((r) => r.extra.partner === 'Partenaire Est' && r.status === 'active')).toBe(true);
    expect(new Set([...w.rows, ...next.rows].map((r) => r.remoteId)).size).toBe(14);

    const searched = win({ query: 'Boulangerie', facet: { key: 'partner', value: 'Partenaire Est' } });
    const wanted = expected('Partenaire Est').filter((r) => r.name.startsWith('Boulangerie'));
    expect(searched.total).toBe(wanted.length);
    expect(searched.rows.map((r) => r.remoteId).sort()).toEqual(wanted.map((r) => r.remoteId).sort());
  });

  it('an unknown value lists nothing; the same list without the facet is not served from the facet’s remembered count', () => {
    expect(win({ connectionIds: ['T'], facet: { key: 'partner', value: 'Nobody' } }).total).toBe(0);
    expect(win({ connectionIds: ['T'] }).total).toBe(300);
    const alsace = expected('Partenaire Est Alsace').length;
    expect(alsace).toBeGreaterThan(70);
    const deep = win({ connectionIds: ['T'], facet: { key: 'partner', value: 'Partenaire Est Alsace' }, offset: 60, limit: 10 });
    expect(deep.rows.map((r) => r.extra.partner)).toEqual(Array(10).fill('Partenaire Est Alsace'));
    expect(deep.total).toBe(alsace);
  });

  it('the facet is a filter: the FTS match count is no longer the total', () => {
    expect(onlyTextFilter(clientWindowInputSchema.parse({ query: 'x' }))).toBe(true);
    expect(onlyTextFilter(clientWindowInputSchema.parse({ query: 'x', facet: { key: 'partner', value: 'A' } }))).toBe(false);
  });

  it('refuses a facet key that is not letters and digits (it becomes a JSON path) and an empty value', () => {
    for (const key of ['partner.name', "partner') OR 1=1 --", '$.partner', '1partner', '', 'a'.repeat(42)]) {
      expect(clientWindowInputSchema.safeParse({ facet: { key, value: 'A' } }).success, key).toBe(false);
      expect(clientFacetValuesInputSchema.safeParse({ connectionId: 'T', key }).success, key).toBe(false);
    }
    expect(clientWindowInputSchema.safeParse({ facet: { key: 'partner', value: '' } }).success).toBe(false);
    expect(clientWindowInputSchema.safeParse({ facet: { key: 'partner', value: 'A', extra: 1 } }).success).toBe(false);
  });
});

describe('facet values', () => {
  it('are the distinct non-empty texts of the connection’s live clients, in name order', () => {
    expect(reads.facetValues('T', 'partner')).toEqual(['Partenaire Est', 'Partenaire Est Alsace', 'Partenaire Ouest']);
    expect(reads.facetValues('U', 'partner')).toEqual(['Partenaire Nord']);
    expect(reads.facetValues('T', 'nothingThere')).toEqual([]);
    expect(reads.facetValues('nobody', 'partner')).toEqual([]);
  });

  it('are at most FACET_VALUES_LIMIT', () => {
    const many = generateClients('V', FACET_VALUES_LIMIT + 40, 9).map((r, i) => ({ ...r, extra: { ...r.extra, partner: `P${String(i).padStart(4, '0')}` } }));
    writes.upsertPage('V', many, 1, NOW);
    const values = reads.facetValues('V', 'partner');
    expect(values).toHaveLength(FACET_VALUES_LIMIT);
    expect(values[0]).toBe('P0000');
  });
});
