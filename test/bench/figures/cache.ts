// Cache figures on 100k generated clients in a real SQLite file: the bulk write (incl. the FTS index) and
// its ratio to a plain INSERT of the same rows,
// the search the Clients screen sends (top 50 by relevance, with the total) against a LIKE '%q%' scan
// returning the same thing, and 200-row windows sorted by name at the start, middle and end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Statement } from 'better-sqlite3';
import { join } from 'node:path';
import type { ClientRecord } from '../../../shared/domain';
import { clientWindowInputSchema } from '../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../shared/schemas/cache';
import { openDatabase } from '../../../main/core/cache/database';
import type { CacheDb } from '../../../main/core/cache/database';
import { readDb, writeDb } from '../../../main/core/cache/handles';
import { createClientReads } from '../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../main/core/cache/clients/client-writes';
import { appendRowValues, canonicalJson, contentHash, ROW_COLUMNS } from '../../../main/core/cache/clients/mappers';
import { generateClients } from '../../fixtures/cache/generate-clients';
import { percentile, round, seconds, spread } from '../support/figures';
import type { Figures } from '../support/figures';
import { measureFactFilters } from '../support/fact-filter-windows';

const CLIENTS = 100_000;
const CONNECTION = 'bench';
const SEARCH_ROUNDS = 10;
const WINDOW_RUNS = 100;
const LIKE_ROUNDS = 2;
/** First calls per query, each after a write, so nothing the reads remember (counts, per data version) helps. */
const FIRST_ROUNDS = 3;
/** Fresh caches the 100k write is measured on: this host's speed swings by a third from one second to the next. */
const WRITE_RUNS = 3;

/** What people type: prefixes of trades, family names and cities, SIRET starts, two-word searches. */
const QUERIES = [
  'bou', 'bou', 'pha', 'gar', 'ate', 'lib', 'fro', 'épi', 'quin', 'opt',
  'dup', 'mar', 'lef', 'gué', 'rob', 'per', 'chev', 'lyo', 'nan', 'bre',
  '123', '4567', '98', 'c-00012', 'boulangerie dupont', 'garage lyon', 'cabinet mar', 'studio nic', 'zzq', 'ag',
];

/** A fresh cache file opened as the app opens it (WAL checkpoints in a worker). */
async function withFreshDb<T>(work: (db: CacheDb) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-bench-cache-'));
  const db = openDatabase(join(dir, 'cache.sqlite'), { backgroundCheckpoints: true });
  await db.checkpointsReady;
  try {
    return work(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeInPages(db: CacheDb, clients: readonly ClientRecord[], pageSize: number): number {
  const writes = createClientWrites(writeDb(db));
  const syncedAt = new Date().toISOString();
  const started = performance.now();
  for (let i = 0; i < clients.length; i += pageSize) writes.upsertPage(CONNECTION, clients.slice(i, i + pageSize), 1, syncedAt);
  return seconds(started);
}

/**
 * The floor of a write: the same records stored as the same rows (each row's values built as the cache
 * builds them: hash, name key, canonical JSON) through one plain prepared INSERT per row into a table
 * without any index, in one transaction, in a fresh cache file opened the same way. What the full write
 * costs beyond it is the upsert, the sort indexes and the FTS index.
 */
function rawInsert(db: CacheDb, clients: readonly ClientRecord[]): number {
  const columns = ['connection_id', ...ROW_COLUMNS, 'synced_at', 'seen_walk'];
  db.sqlite.exec(`CREATE TABLE raw_clients (${columns.join(', ')})`);
  const insert = db.sqlite.prepare(`INSERT INTO raw_clients VALUES (${columns.map(() => '?').join(', ')})`);
  const syncedAt = new Date().toISOString();
  const started = performance.now();
  db.transaction(() => {
    for (const record of clients) {
      const extraJson = canonicalJson(record.extra);
      const row: unknown[] = [CONNECTION];
      appendRowValues(row, record, contentHash(record, extraJson), extraJson);
      row.push(syncedAt, 1);
      insert.run(row);
    }
  });
  return seconds(started);
}

function timeCalls(runs: number, call: () => unknown): number[] {
  call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    call();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A search typed for the first time since the cache last changed: a write first makes the reads forget their counts. */
function timeFirstCalls(db: CacheDb, runs: number, call: () => unknown): number[] {
  db.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_tick (at REAL)');
  const tick = db.sqlite.prepare('INSERT INTO temp.bench_tick VALUES (?)');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    tick.run(performance.now());
    const started = performance.now();
    call();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The LIKE baseline answers the same question as the search: the first 50 matches and their count. */
function likeScan(db: CacheDb): (text: string) => void {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).slice(0, 4);
  const shape = (n: number) =>
    Array.from({ length: n }, () => '(name LIKE ? OR identifier LIKE ? OR description LIKE ? OR remote_id LIKE ?)').join(' AND ');
  const statements = new Map<number, { rows: Statement<unknown[]>; count: Statement<unknown[]> }>();
  return (text) => {
    const list = words(text);
    let stmt = statements.get(list.length);
    if (!stmt) {
      const where = `removed_at IS NULL AND ${shape(list.length)}`;
      stmt = {
        rows: db.sqlite.prepare(`SELECT * FROM clients WHERE ${where} ORDER BY name_key, id LIMIT 50`),
        count: db.sqlite.prepare(`SELECT count(*) AS n FROM clients WHERE ${where}`),
      };
      statements.set(list.length, stmt);
    }
    const params = list.flatMap((w) => Array<string>(4).fill(`%${w}%`));
    stmt.rows.all(...params);
    stmt.count.get(...params);
  };
}

function measureReads(db: CacheDb): Figures {
  const reads = createClientReads(readDb(db));
  const window = (input: ClientWindowInput) => () => reads.window(clientWindowInputSchema.parse(input));
  // Exactly what the Clients screen sends for a search: relevance order, top 50, with the total.
  const fts = QUERIES.flatMap((query) => timeCalls(SEARCH_ROUNDS, window({ query, sort: 'relevance', limit: 50 })));
  const first = QUERIES.flatMap((query) => timeFirstCalls(db, FIRST_ROUNDS, window({ query, sort: 'relevance', limit: 50 })));
  const byName = QUERIES.flatMap((query) => timeCalls(SEARCH_ROUNDS, window({ query, sort: 'name', limit: 50 })));
  const like = likeScan(db);
  const likeSamples = QUERIES.flatMap((query) => timeCalls(LIKE_ROUNDS, () => like(query)));
  const windowAt = (offset: number) => percentile(timeCalls(WINDOW_RUNS, window({ sort: 'name', offset, limit: 200 })), 95);
  const ftsP95 = percentile(fts, 95);
  const likeP95 = percentile(likeSamples, 95);
  const note = `${QUERIES.length} queries × ${SEARCH_ROUNDS}`;
  return {
    'search.fts.p50_ms': { value: round(percentile(fts, 50)), unit: 'ms', note },
    'search.fts.p95_ms': { value: round(ftsP95), unit: 'ms', note: 'relevance, top 50 + total' },
    'search.fts_first.p95_ms': { value: round(percentile(first, 95)), unit: 'ms', note: `first call after a write (counts not remembered), ${QUERIES.length} × ${FIRST_ROUNDS}` },
    'search.fts_by_name.p95_ms': { value: round(percentile(byName, 95)), unit: 'ms', note: 'sorted by name, top 50 + total' },
    'search.like.p95_ms': { value: round(likeP95), unit: 'ms', note: "LIKE '%q%' on 4 columns, top 50 + count" },
    'search.speedup_x': { value: round(likeP95 / ftsP95, 1), unit: 'x', note: 'LIKE p95 / FTS p95' },
    'window.start.p95_ms': { value: round(windowAt(0)), unit: 'ms', note: '200 rows by name + total' },
    'window.middle.p95_ms': { value: round(windowAt(CLIENTS / 2)), unit: 'ms', note: 'offset 50,000' },
    'window.end.p95_ms': { value: round(windowAt(CLIENTS - 200)), unit: 'ms', note: 'offset 99,800' },
  };
}

export async function measure(): Promise<Figures> {
  const clients = generateClients(CONNECTION, CLIENTS, 2024);
  const writes: number[] = [];
  const raws: number[] = [];
  let reads: Figures = {};
  for (let run = 1; run <= WRITE_RUNS; run++) {
    raws.push(await withFreshDb((db) => rawInsert(db, clients)));
    await withFreshDb((db) => {
      writes.push(writeInPages(db, clients, CLIENTS));
      if (run < WRITE_RUNS) return;
      // Reads are measured at rest: not while the worker is still copying the 100k write out of the WAL.
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      reads = { ...measureReads(db), ...measureFactFilters(db, CONNECTION, clients, timeCalls) };
    });
  }
  const pages = await withFreshDb((db) => writeInPages(db, clients, 100));
  return {
    'cache.write100k_s': {
      value: round(percentile(writes, 50)),
      unit: 's',
      note: `one transaction, FTS incl.; median of ${WRITE_RUNS} fresh caches (${spread(writes)} s)`,
    },
    'cache.write100k_raw_s': {
      value: round(percentile(raws, 50)),
      unit: 's',
      note: `same rows (values built as the cache does), plain INSERT into a table without indexes; median of ${WRITE_RUNS} (${spread(raws)} s)`,
    },
    'cache.write100k_x_raw': {
      value: round(percentile(writes, 50) / percentile(raws, 50)),
      unit: 'x',
      note: 'full write / plain INSERT (medians, alternated in the same run)',
    },
    ...reads,
    'cache.write100k_pages100_s': { value: round(pages), unit: 's', note: '1,000 transactions of 100 (as a sync commits)' },
  };
}
