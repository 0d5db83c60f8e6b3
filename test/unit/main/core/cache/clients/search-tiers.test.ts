import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../../shared/domain';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { sortKey } from '../../../../../../main/core/cache/clients/sort-key';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../temp-db';

const NOW = '2025-06-01T00:00:00.000Z';
let cleanup: () => void;
let reads: ClientReads;

/** Generated clients plus names that hold "bou" after their first word and descriptions that mention it. */
function clients(): ClientRecord[] {
  const base = generateClients('A', 600, 11);
  return base.map((c, i) => {
    if (i % 17 === 0) return { ...c, name: `Agence Bouvier ${i}` };
    if (i % 23 === 0) return { ...c, name: `Zinc Boucher ${i}` };
    if (i % 29 === 0) return { ...c, description: `Ancienne boutique ${i}` };
    if (i % 31 === 0) return { ...c, name: `BOULE ${i}`, status: 'inactive' as const };
    return c;
  });
}

beforeEach(() => {
  const t = tempDb();
  cleanup = t.cleanup;
  reads = createClientReads(readDb(t.db));
  createClientWrites(writeDb(t.db)).upsertPage('A', clients(), 1, NOW);
});
afterEach(() => cleanup());

const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse(input));

/** The list paged with keyset cursors: one plain window after another, no tiers involved. */
function byCursor(input: ClientWindowInput): string[] {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = win({ ...input, limit: 40, ...(cursor ? { cursor } : {}) });
    seen.push(...page.rows.map((r) => r.remoteId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('a search sorted by name, read in runs (before, starting with, after what was typed)', () => {
  it('gives every window of the same list that cursor paging gives, in both directions and with filters', () => {
    const cases: ClientWindowInput[] = [
      { query: 'bou', sort: 'name' },
      { query: 'bou', sort: 'name', direction: 'desc' },
      { query: 'bou', sort: 'name', status: ['active'] },
      { query: 'bo', sort: 'name', connectionIds: ['A'] },
    ];
    for (const input of cases) {
      const all = byCursor(input);
      expect(all.length, JSON.stringify(input)).toBeGreaterThan(40);
      const found = win({ ...input, includeTotal: true, limit: 25 });
      expect(found.total, JSON.stringify(input)).toBe(all.length);
      for (const offset of [0, 10, 20, all.length / 2, all.length - 30, all.length - 5].map(Math.floor)) {
        expect(win({ ...input, offset, limit: 25 }).rows.map((r) => r.remoteId), `${JSON.stringify(input)} @${offset}`).toEqual(all.slice(offset, offset + 25));
      }
    }
  });

  it('orders by sort key, so the names starting with the query sit between the others', () => {
    const names = win({ query: 'bou', sort: 'name', limit: 500 }).rows.map((r) => r.name);
    const keys = names.map(sortKey);
    expect(keys).toEqual([...keys].sort());
    expect(names[0]).toMatch(/^Agence Bouvier/);
    expect(names.at(-1)).toMatch(/^Zinc Boucher/);
    expect(names.some((n) => n.startsWith('BOULE'))).toBe(true);
    expect(names.some((n) => n.startsWith('Boulangerie'))).toBe(true);
  });

  it('pages on from a full window with a keyset cursor', () => {
    const first = win({ query: 'bou', sort: 'name', limit: 30 });
    expect(first.nextCursor).not.toBeNull();
    const second = win({ query: 'bou', sort: 'name', limit: 30, cursor: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.remoteId)).toEqual(byCursor({ query: 'bou', sort: 'name' }).slice(0, 60));
  });
});
