import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../../shared/domain';
import { writeDb } from '../../../../../../main/core/cache/handles';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { ClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { CacheDb } from '../../../../../../main/core/cache/database';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../temp-db';

let db: CacheDb;
let cleanup: () => void;
let writes: ClientWrites;
const NOW = '2025-06-01T00:00:00.000Z';

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  writes = createClientWrites(writeDb(db));
});
afterEach(() => cleanup());

type Instance = { term: string; doc: number; col: string; offset: number };

/**
 * The index as FTS5 holds it, term by term, against an index built from scratch over the live rows with
 * the same tokenizer: equal means no write left stale text behind or missed a row.
 */
function indexAgainstRebuilt(): { actual: Instance[]; expected: Instance[] } {
  const s = db.sqlite;
  s.exec(`
    DROP TABLE IF EXISTS temp.expected_fts;
    CREATE VIRTUAL TABLE temp.expected_fts USING fts5(name, identifier, description, remote_id, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO temp.expected_fts (rowid, name, identifier, description, remote_id)
      SELECT id, name, identifier, description, remote_id FROM clients WHERE removed_at IS NULL;
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.actual_vocab USING fts5vocab(main, clients_fts, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.expected_vocab USING fts5vocab(temp, expected_fts, 'instance');
  `);
  const all = (table: string) => s.prepare(`SELECT term, doc, col, offset FROM temp.${table} ORDER BY term, doc, col, offset`).all() as Instance[];
  return { actual: all('actual_vocab'), expected: all('expected_vocab') };
}

function expectIndexInStep(): void {
  db.sqlite.prepare(`INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 0)`).run();
  const { actual, expected } = indexAgainstRebuilt();
  expect(expected.length).toBeGreaterThan(0);
  expect(actual).toEqual(expected);
}

const liveRows = () => (db.sqlite.prepare('SELECT count(*) AS n FROM clients WHERE removed_at IS NULL').get() as { n: number }).n;
const indexes = () => db.sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients' ORDER BY name`).all();

const ftsAutomerge = () => (db.sqlite.prepare(`SELECT v FROM clients_fts_config WHERE k = 'automerge'`).get() as { v: number } | undefined)?.v;

describe('the full-text index follows every client write', () => {
  it('through inserts, renames, removals, revivals, PDP changes and a forgotten connection', () => {
    const rows = generateClients('A', 300);
    writes.upsertPage('A', rows, 1, NOW);
    writes.upsertPage('B', generateClients('B', 50, 9), 1, NOW);
    expectIndexInStep();

    const renamed = rows.map((r, i): ClientRecord => (i % 7 === 0 ? { ...r, name: `Renommée ${r.name}`, description: 'Client à Metz' } : r));
    expect(writes.upsertPage('A', renamed, 2, NOW).written).toBe(43);
    expectIndexInStep();

    writes.upsertPage('A', renamed.slice(0, 200), 3, NOW);
    expect(writes.markUnseenRemoved('A', 3, NOW)).toBe(100);
    expectIndexInStep();

    // Seen again, unchanged: revived and back in the index; a duplicate in the page is written once.
    const page = [...renamed.slice(250, 260), renamed[250] as ClientRecord];
    writes.upsertPage('A', page, 4, NOW);
    expect(liveRows()).toBe(200 + 10 + 50);
    expectIndexInStep();

    writes.setPdpInfo('A', renamed[0]!.remoteId, { configured: true, encryptionMode: 'double' });
    writes.forget('B');
    expect(liveRows()).toBe(210);
    expectIndexInStep();
  });

  it('through several pages in one transaction that write the same rows twice (text indexed once, at the end)', () => {
    const cached = generateClients('A', 40);
    writes.upsertPage('A', cached, 1, NOW);
    writes.upsertPage('A', cached.slice(30), 2, NOW);
    expect(writes.markUnseenRemoved('A', 2, NOW)).toBe(30);
    const fresh = generateClients('A', 20, 5, 40);
    const renamed = (r: ClientRecord, to: string): ClientRecord => ({ ...r, name: `${to} ${r.name}` });
    const pages = [
      // Cached rows renamed, a tombstoned row revived, new rows.
      [renamed(cached[31]!, 'Première'), cached[0]!, ...fresh.slice(0, 10)],
      // The same cached row renamed again, a row new in page 1 renamed, the revived row renamed.
      [renamed(cached[31]!, 'Seconde'), renamed(fresh[3]!, 'Nouvelle'), renamed(cached[0]!, 'Revenue'), ...fresh.slice(10)],
    ];
    const written = db.transaction(() => writes.upsertPages('A', pages, 3, NOW));
    expect(written).toBe(1 + 1 + 10 + 3 + 10);
    expect(liveRows()).toBe(10 + 1 + 20);
    expectIndexInStep();
    const found = (term: string) =>
      (db.sqlite.prepare(`SELECT c.name FROM clients_fts f JOIN clients c ON c.id = f.rowid WHERE clients_fts MATCH ?`).all(term) as Array<{ name: string }>).map((r) => r.name);
    expect(found('seconde')).toEqual([`Seconde ${cached[31]!.name}`]);
    expect(found('premiere')).toEqual([]);
    expect(found('nouvelle')).toEqual([`Nouvelle ${fresh[3]!.name}`]);
    expect(found('revenue')).toEqual([`Revenue ${cached[0]!.name}`]);
  });

  it('a failed page fails the whole transaction of pages, with the index as it was', () => {
    writes.upsertPage('A', generateClients('A', 10), 1, NOW);
    const broken = generateClients('A', 5, 3, 20).map((r, i) => (i === 4 ? { ...r, status: null as unknown as ClientRecord['status'] } : r));
    expect(() => db.transaction(() => writes.upsertPages('A', [generateClients('A', 5, 4, 10), broken], 2, NOW))).toThrow(/NOT NULL/);
    expect(liveRows()).toBe(10);
    expectIndexInStep();
  });

  it('a bulk write into an empty cache rebuilds the same secondary indexes and an intact index', () => {
    const before = indexes();
    expect(writes.upsertPage('A', generateClients('A', 6_000), 1, NOW).written).toBe(6_000);
    expect(indexes()).toEqual(before);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expectIndexInStep();
    // The bulk write merges FTS segments by eights, then puts FTS5's default (4) back for the syncs.
    expect(ftsAutomerge()).toBe(4);
    // The sort indexes serve the window queries again.
    const plan = db.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM clients c WHERE c.removed_at IS NULL ORDER BY c.sort_key, c.id LIMIT 50`).all();
    expect(JSON.stringify(plan)).toContain('clients_by_sort');
  });

  it('a bulk write that fails keeps the indexes and the rows it would have replaced', () => {
    writes.upsertPage('A', generateClients('A', 100), 1, NOW);
    const before = indexes();
    const broken = generateClients('A', 6_000, 3, 100).map((r, i) => (i === 5_999 ? { ...r, status: null as unknown as ClientRecord['status'] } : r));
    expect(() => writes.upsertPage('A', broken, 2, NOW)).toThrow(/NOT NULL/);
    expect(indexes()).toEqual(before);
    expect(ftsAutomerge()).toBeUndefined();
    expect(liveRows()).toBe(100);
    expectIndexInStep();
  });
});
