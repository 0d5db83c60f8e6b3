import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../../shared/domain';
import { clientWindowInputSchema, HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { parseSearch } from '../../../../../../main/core/cache/clients/fts-query';
import { highlightSnippet, highlightText } from '../../../../../../main/core/cache/clients/highlight';
import type { CacheDb } from '../../../../../../main/core/cache/database';
import { tempDb } from '../temp-db';
import { sortKey } from '../../../../../../main/core/cache/clients/sort-key';

let db: CacheDb;
let cleanup: () => void;
let reads: ClientReads;
const NOW = '2025-06-01T00:00:00.000Z';
const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse(input));

function client(remoteId: string, name: string, description: string | null = null): ClientRecord {
  return {
    connectionId: 'A', remoteId, name, identifier: null, description, status: 'active',
    createdAt: NOW, updatedAt: NOW, extra: {},
  };
}

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  reads = createClientReads(readDb(db));
  createClientWrites(writeDb(db)).upsertPage('A', [
    client('u-1', 'Atelier Roux', 'Client à Marseille'),
    client('u-2', 'Zoé Martin'),
    client('u-3', 'Garage Marchand', 'Suivi par Dupont'),
    client('u-4', 'Boulangerie Petit', 'Client à Martigues'),
    client('u-5', 'Cabinet Leroy'),
  ], null, NOW);
});
afterEach(() => cleanup());

describe('search relevance: name matches first, then the rest, each in name order', () => {
  it('ranks clients whose name matches above those matched by their description', () => {
    const found = win({ query: 'mar', sort: 'relevance', includeTotal: true });
    expect(found.rows.map((r) => r.remoteId)).toEqual(['u-3', 'u-2', 'u-1', 'u-4']);
    expect(found.total).toBe(4);
  });

  it('pages across the two tiers with its cursor, without repeating or losing a row', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = win({ query: 'mar', sort: 'relevance', limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.remoteId));
      cursor = page.nextCursor ?? undefined;
    }
    expect(seen).toEqual(['u-3', 'u-2', 'u-1', 'u-4']);
    expect(cursor).toBeUndefined();
  });

  it('applies the other filters inside the tiers', () => {
    const found = win({ query: 'mar', sort: 'relevance', connectionIds: ['A'], includeTotal: true, offset: 1, limit: 2 });
    expect(found.rows.map((r) => r.remoteId)).toEqual(['u-2', 'u-1']);
    expect(found.total).toBe(4);
  });
});

describe('search relevance: names that start with what was typed come first', () => {
  const more = (...records: ClientRecord[]) => createClientWrites(writeDb(db)).upsertPage('A', records, null, NOW);
  const order = (input: ClientWindowInput) => win({ sort: 'relevance', ...input }).rows.map((r) => r.name);

  it('ranks names starting with the query, then other names holding it, then the other matches', () => {
    more(client('u-6', 'Martin & Fils'), client('u-7', 'Marbrerie Durand'));
    const found = win({ query: 'mar', sort: 'relevance', includeTotal: true });
    expect(found.rows.map((r) => r.name)).toEqual([
      'Marbrerie Durand', 'Martin & Fils', 'Garage Marchand', 'Zoé Martin', 'Atelier Roux', 'Boulangerie Petit',
    ]);
    expect(found.total).toBe(6);
    expect(order({ query: 'martin' })).toEqual(['Martin & Fils', 'Zoé Martin']);
    expect(order({ query: 'garage mar' })).toEqual(['Garage Marchand']);
  });

  it('pages across the three tiers, from any offset, without repeating or losing a row', () => {
    more(client('u-6', 'Martin & Fils'), client('u-7', 'Marbrerie Durand'));
    const all = order({ query: 'mar', limit: 50 });
    for (const limit of [1, 2, 4]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = win({ query: 'mar', sort: 'relevance', limit, ...(cursor ? { cursor } : {}) });
        seen.push(...page.rows.map((r) => r.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, `pages of ${limit}`).toEqual(all);
    }
    for (let offset = 0; offset <= all.length; offset++) expect(order({ query: 'mar', offset, limit: 3 })).toEqual(all.slice(offset, offset + 3));
  });

  it('ignores accents and case at the start of a name, as the search does', () => {
    more(client('u-6', 'Épicerie Guérin'), client('u-7', 'Atelier Épinal'), client('u-8', 'EPI Conseil'));
    for (const query of ['epi', 'Épi', 'ÉPI']) expect(order({ query }), query).toEqual(['EPI Conseil', 'Épicerie Guérin', 'Atelier Épinal']);
  });

  it('applies the other filters inside every tier', () => {
    more({ ...client('u-6', 'Martin & Fils'), status: 'inactive' }, client('u-7', 'Marbrerie Durand'));
    const found = win({ query: 'mar', sort: 'relevance', status: ['active'], includeTotal: true });
    expect(found.rows.map((r) => r.name)).toEqual(['Marbrerie Durand', 'Garage Marchand', 'Zoé Martin', 'Atelier Roux', 'Boulangerie Petit']);
    expect(found.total).toBe(5);
  });

  it('lists only real matches when a name key and the index disagree on a letter', () => {
    more(client('u-7', 'Marbrerie Durand'));
    // As if the key folded a character the index does not: this name's key starts with "mar", its text does not.
    db.sqlite.prepare(`UPDATE clients SET name_key = ?, sort_key = ? WHERE remote_id = 'u-5'`).run('mar roux', sortKey('mar roux'));
    const found = win({ query: 'mar', sort: 'relevance', includeTotal: true });
    expect(found.rows.map((r) => r.name)).toEqual(['Marbrerie Durand', 'Garage Marchand', 'Zoé Martin', 'Atelier Roux', 'Boulangerie Petit']);
    expect(found.total).toBe(5);
  });
});

describe('search text', () => {
  it('drops one-letter words next to longer ones, keeps them alone', () => {
    expect(parseSearch('c-00012')).toEqual({ match: '"00012"*', terms: ['00012'] });
    expect(parseSearch('c')).toEqual({ match: '"c"*', terms: ['c'] });
    expect(parseSearch('Épi  l\'atelier')?.terms).toEqual(['epi', 'atelier']);
  });

  it('highlights whole words that start with a term, ignoring case and accents', () => {
    expect(highlightText('Épicerie Guérin', ['epi', 'gue'])).toBe(`${S}Épicerie${E} ${S}Guérin${E}`);
    expect(highlightText('<b>Martin</b> & co', ['mar'])).toBe(`<b>${S}Martin${E}</b> & co`);
    expect(highlightText('Roux', ['mar'])).toBeUndefined();
  });

  it('cuts a long description to a snippet around the first match', () => {
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`);
    words[10] = 'Lyon';
    const snippet = highlightSnippet(words.join(' '), ['lyo']) ?? '';
    expect(snippet.startsWith('…mot8 mot9 ')).toBe(true);
    expect(snippet).toContain(`${S}Lyon${E}`);
    expect(snippet.endsWith('…')).toBe(true);
  });
});
