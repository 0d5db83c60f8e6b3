import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ClientRecord } from '../../../../../../shared/domain';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { ClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { tempDb } from '../temp-db';

const NOW = '2025-06-01T00:00:00.000Z';
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
let cleanup: () => void;
let reads: ClientReads;
let writes: ClientWrites;
let run = 0;

beforeAll(() => {
  const t = tempDb();
  cleanup = t.cleanup;
  reads = createClientReads(readDb(t.db));
  writes = createClientWrites(writeDb(t.db));
});
afterAll(() => cleanup());

const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse(input));

/** Names as people write them: words of letters (accents and case mixed), numbers, a little punctuation. */
const word = fc.oneof(
  fc.constantFrom('Agence', 'agence', 'Épicerie', 'EPICERIE', 'Cœur', 'Garage', 'Lyon', 'bis', 'L’Atelier', "L'Atelier", 'A-Z', '&'),
  fc.stringMatching(/^[A-Za-zéèçôœ]{1,6}$/),
  fc.nat({ max: 20_000 }).map(String),
  fc.stringMatching(/^0{0,2}[0-9]{1,4}[a-z]?$/),
);
const names = fc.array(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 2, maxLength: 60 });

/** Remote ids without digits, which a search for a number would find. */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

function store(list: readonly string[]): string {
  const connectionId = `run-${++run}`;
  const records: ClientRecord[] = list.map((name, i) => ({
    connectionId, remoteId: `r-${letters(i)}`, name, identifier: null, description: null, status: i % 3 ? 'active' : 'inactive',
    createdAt: NOW, updatedAt: NOW, extra: {},
  }));
  writes.upsertPage(connectionId, records, 1, NOW);
  return connectionId;
}

/** Each name compares with the next one as `sign` or equal (equal names may come in any order). */
function inOrder(list: readonly string[], sign: 1 | -1): boolean {
  return list.every((name, i) => i === 0 || Math.sign(collator.compare(list[i - 1] as string, name)) !== sign);
}

describe('the name order of the cache', () => {
  it('is Intl.Collator’s natural order (numeric, base sensitivity), both ways, by page and by keyset cursor', () => {
    fc.assert(
      fc.property(names, (list) => {
        const connectionIds = [store(list)];
        const asc = win({ connectionIds, sort: 'name', limit: 500 }).rows.map((r) => r.name);
        const desc = win({ connectionIds, sort: 'name', direction: 'desc', limit: 500 }).rows.map((r) => r.name);
        const first = win({ connectionIds, sort: 'name', limit: 7 });
        const next = first.nextCursor ? win({ connectionIds, sort: 'name', limit: 500, cursor: first.nextCursor }).rows : [];
        const paged = [...first.rows, ...next].map((r) => r.name);
        return asc.length === list.length && inOrder(asc, 1) && inOrder(desc, -1) && paged.join('\n') === asc.join('\n');
      }),
      { numRuns: 60 },
    );
  });

  it('holds within each status when sorted by status, and for a search sorted by name', () => {
    fc.assert(
      fc.property(names, fc.constantFrom('agence', 'agence 1', 'a', '1', 'épi'), (list, query) => {
        const connectionIds = [store(list)];
        const rows = win({ connectionIds, sort: 'status', limit: 500 }).rows;
        const byStatus = ['active', 'inactive'].every((s) => inOrder(rows.filter((r) => r.status === s).map((r) => r.name), 1));
        const searched = win({ connectionIds, query, sort: 'name', limit: 500 }).rows.map((r) => r.name);
        return byStatus && inOrder(searched, 1);
      }),
      { numRuns: 60 },
    );
  });

  it('lists "Agence 1…" first for "agence 1", in natural order, and "agence 1" finds "Agence 1047"', () => {
    const connectionIds = [store(['Agence 2', 'Agence 1047', 'Agence 167', 'Agence 10', 'Agence Nord 1', 'Garage 1'])];
    expect(win({ connectionIds, sort: 'name', limit: 10 }).rows.map((r) => r.name)).toEqual(['Agence 2', 'Agence 10', 'Agence 167', 'Agence 1047', 'Agence Nord 1', 'Garage 1']);
    const found = win({ connectionIds, query: 'agence 1', sort: 'relevance', limit: 10, includeTotal: true });
    expect(found.rows.map((r) => r.name).slice(0, 3)).toEqual(['Agence 10', 'Agence 167', 'Agence 1047']);
    // A one-letter term matches no word on its own (fts-query.ts): every "agence" name is found, those starting "agence 1" first.
    expect(found.rows.map((r) => r.name)).toEqual(['Agence 10', 'Agence 167', 'Agence 1047', 'Agence 2', 'Agence Nord 1']);
    expect(found.total).toBe(5);
  });
});
