import type { ClientRecord } from '../../../../shared/domain';
import type { WriteDb } from '../handles';
import { appendRowValues, canonicalJson, contentHash, ROW_COLUMNS } from './mappers';
import { createSortIndexes } from './sort-indexes';
import { createClientFactWrites } from '../../providers/factpulse/client-facts';
import type { PdpInfo } from '../../providers/factpulse/client-facts';

export interface PageWriteResult {
  /** Rows inserted or changed (unchanged rows are skipped by content hash). */
  written: number;
  seen: number;
}

export interface ClientWrites {
  /** Upserts one page of a walk in one transaction; `walkId` marks the rows as seen by that walk. */
  upsertPage(connectionId: string, records: readonly ClientRecord[], walkId: number | null, syncedAt: string): PageWriteResult;
  /**
   * Upserts several pages (each as upsertPage would), indexing their text once at the end; returns the rows
   * written. Runs in the caller's transaction, without a savepoint of its own (one would copy every page the
   * write touches to the statement journal): a failure must fail that transaction whole.
   */
  upsertPages(connectionId: string, pages: readonly (readonly ClientRecord[])[], walkId: number | null, syncedAt: string): number;
  /** Marks as removed the live rows of a connection that walk `walkId` did not see. */
  markUnseenRemoved(connectionId: string, walkId: number, at: string): number;
  /** FactPulse's PDP facts of one cached client (providers/factpulse/client-facts.ts). */
  setPdpInfo(connectionId: string, remoteId: string, info: PdpInfo): void;
  /** Drops everything cached for a connection (FactPulse's facts go with the rows: ON DELETE CASCADE). */
  forget(connectionId: string): void;
  /**
   * Before a large first sync: drops the sort indexes of `clients` and lets FTS5 merge by eights, until
   * `endBulkLoad`. Each page still commits whole (with its FTS text), so searches answer from every committed
   * row; they sort instead of walking an index meanwhile.
   */
  beginBulkLoad(): void;
  /** Creates the sort indexes that are missing (also those a killed process left dropped); FTS merges by fours again. */
  endBulkLoad(): void;
}

/** Rows per upsert statement: a whole sync page is one statement (1,200 bound values). */
const ROWS_PER_STATEMENT = 100;
/**
 * A write of at least this many rows, into a table holding no more, drops the secondary indexes of
 * `clients` and creates them again afterwards (same transaction): sorting every key once costs about half
 * of inserting the new keys one by one at random places. Smaller writes update the indexes as they go.
 */
const BULK_ROWS = 5_000;
const FTS_DEFAULT_AUTOMERGE = 4;
const BULK_AUTOMERGE = 8;

interface PerStatement {
  connectionId: string;
  syncedAt: string;
  walkId: number | null;
}

function upsertSql(rows: number): string {
  const row = `(@connectionId, ${ROW_COLUMNS.map(() => '?').join(', ')}, @syncedAt, @walkId)`;
  return `
    INSERT INTO clients (connection_id, ${ROW_COLUMNS.join(', ')}, synced_at, seen_walk)
    VALUES ${Array.from({ length: rows }, () => row).join(', ')}
    ON CONFLICT (connection_id, remote_id) DO UPDATE SET
      name = excluded.name, name_key = excluded.name_key, sort_key = excluded.sort_key, identifier = excluded.identifier, description = excluded.description,
      status = excluded.status, created_at = excluded.created_at, updated_at = excluded.updated_at,
      version = excluded.version, extra_json = excluded.extra_json,
      content_hash = excluded.content_hash, synced_at = excluded.synced_at, removed_at = NULL,
      seen_walk = excluded.seen_walk`;
}

/**
 * The FTS index (external content, live rows only) is kept in step here, not by triggers (migration 0070):
 * each write drops the indexed text of the live rows it is about to change or remove, with the values
 * still in `clients`, and indexes the rows it has written, one statement each.
 */
const FTS_COLUMNS = 'name, identifier, description, remote_id';
export const FTS_DROP = `INSERT INTO clients_fts (clients_fts, rowid, ${FTS_COLUMNS}) SELECT 'delete', id, ${FTS_COLUMNS} FROM clients`;
const FTS_ADD = `INSERT INTO clients_fts (rowid, ${FTS_COLUMNS}) SELECT id, ${FTS_COLUMNS} FROM clients`;
const UNSEEN = 'connection_id = ? AND removed_at IS NULL AND (seen_walk IS NULL OR seen_walk <> ?)';

interface KnownRow {
  id: number;
  remote_id: string;
  content_hash: string;
  removed_at: string | null;
}

export function createClientWrites(db: WriteDb): ClientWrites {
  const existing = db.read<KnownRow, [string, string]>(
    `SELECT id, remote_id, content_hash, removed_at FROM clients
      WHERE connection_id = ? AND remote_id IN (SELECT value FROM json_each(?))`,
  );
  const lastId = db.read<{ id: number | null }, []>('SELECT max(id) AS id FROM clients');
  const anyRow = db.read<{ found: number }, [string]>('SELECT 1 AS found FROM clients WHERE connection_id = ? LIMIT 1');
  const upsertMany = db.write<[unknown[], PerStatement]>(upsertSql(ROWS_PER_STATEMENT));
  const upsertOne = db.write<[unknown[], PerStatement]>(upsertSql(1));
  const ftsDropIds = db.write<[string]>(`${FTS_DROP} WHERE id IN (SELECT value FROM json_each(?))`);
  // Rows this write inserted all have ids past the last id before it; the rows it updated are listed.
  const ftsAddWritten = db.write<[number, string]>(`${FTS_ADD} WHERE id > ? OR id IN (SELECT value FROM json_each(?))`);
  // A walk's page marks every row it lists as seen while it reads what the cache knows of them (one pass over
  // the unique index instead of a lookup and, for the unchanged rows, a second update); the rows that
  // changed are written again below, which marks them too.
  const seenKnown = db.write<[number, string, string], KnownRow>(
    `UPDATE clients SET seen_walk = ? WHERE connection_id = ? AND remote_id IN (SELECT value FROM json_each(?))
      RETURNING id, remote_id, content_hash, removed_at`,
  );
  // The text columns do not change here, so the rows' text can be dropped from the index after the update.
  const removeUnseen = db.write<[string, string, number], { id: number }>(`UPDATE clients SET removed_at = ? WHERE ${UNSEEN} RETURNING id`);
  const facts = createClientFactWrites(db);
  const ftsDropConnection = db.write<[string]>(`${FTS_DROP} WHERE connection_id = ? AND removed_at IS NULL`);
  const forgetClients = db.write<[string]>('DELETE FROM clients WHERE connection_id = ?');
  // FTS5 takes its settings as literals only.
  const fewerFtsMerges = db.write(`INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', ${BULK_AUTOMERGE})`);
  const defaultFtsMerges = db.write(`INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', ${FTS_DEFAULT_AUTOMERGE})`);
  const rowCount = db.read<{ n: number }, []>('SELECT count(*) AS n FROM clients');
  const sortIndexes = createSortIndexes(db);
  const secondaryIndexes = db.read<{ name: string; sql: string }, []>(
    `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients' AND sql IS NOT NULL ORDER BY name`,
  );

  /**
   * Runs `write` with the secondary indexes dropped, then creates them again from their own DDL (read from
   * the schema, so the migrations stay the one place an index is declared). Prepared per call: the set of
   * indexes is whatever the schema holds, and bulk writes are rare.
   */
  function withIndexesRebuilt(write: () => void): void {
    const indexes = secondaryIndexes.all();
    for (const index of indexes) db.write(`DROP INDEX "${index.name.replaceAll('"', '""')}"`).run();
    write();
    for (const index of indexes) db.write(index.sql).run();
  }

  /**
   * FTS5 merges its index segments as a write adds them, by fours (`automerge`); by eights, indexing 100k
   * rows in one go costs a fifth less, and searches afterwards measured the same. Only for the bulk write:
   * sync pages leave more segments behind that way. The setting is stored in the index, so the default is
   * put back (nothing else sets it; a failed write rolls both back).
   */
  function withFewerFtsMerges(write: () => void): void {
    fewerFtsMerges.run();
    write();
    defaultFtsMerges.run();
  }

  /**
   * Binds the rows a statement's worth at a time, each statement's values built just before it runs: the
   * strings of a 100k write then die young instead of all living until the end (its GC pauses went from
   * ~100 ms to ~5 ms).
   * `hashed` holds `[hash, extraJson]` for the rows already hashed to compare them with the cache.
   */
  function upsertRows(rows: readonly ClientRecord[], hashed: ReadonlyMap<ClientRecord, [string, string]>, shared: PerStatement): void {
    const values: unknown[] = [];
    const append = (record: ClientRecord) => {
      const known = hashed.get(record);
      const extraJson = known?.[1] ?? canonicalJson(record.extra);
      appendRowValues(values, record, known?.[0] ?? contentHash(record, extraJson), extraJson);
    };
    let at = 0;
    for (; at + ROWS_PER_STATEMENT <= rows.length; at += ROWS_PER_STATEMENT) {
      values.length = 0;
      for (let i = at; i < at + ROWS_PER_STATEMENT; i++) append(rows[i] as ClientRecord);
      upsertMany.run(values, shared);
    }
    for (; at < rows.length; at++) {
      values.length = 0;
      append(rows[at] as ClientRecord);
      upsertOne.run(values, shared);
    }
  }

  /**
   * The rows of a write whose FTS text is not indexed yet: those past `from` (inserted by it) and those it
   * updated. They are indexed once, after every page of the write: FTS5 flushes its pending terms to a new
   * segment at each statement that follows, so one statement for the whole write saves a flush (and its
   * merges) per page. Their text must not be dropped from the index meanwhile: it is not in it.
   */
  interface PendingText {
    from: number;
    updated: Set<number>;
  }
  const isPending = (text: PendingText, id: number) => id > text.from || text.updated.has(id);

  /**
   * Writes one page's rows; `after` gets the page's fact writes, run once the pages' text is indexed. `bulk`:
   * the page was written with the secondary indexes rebuilt (its text is then indexed with fewer FTS merges).
   */
  function writePage(
    connectionId: string,
    records: readonly ClientRecord[],
    walkId: number | null,
    syncedAt: string,
    text: PendingText,
    after: Array<() => void>,
  ): { written: number; bulk: boolean } {
    // A connection with nothing cached yet (its first sync) has no rows to compare against.
    const known = new Map<string, KnownRow>();
    if (anyRow.get(connectionId)) {
      const remoteIds = JSON.stringify(records.map((r) => r.remoteId));
      const rows = walkId === null ? existing.all(connectionId, remoteIds) : seenKnown.all(walkId, connectionId, remoteIds);
      for (const row of rows) known.set(row.remote_id, row);
    }
    const toWrite: ClientRecord[] = [];
    const hashed = new Map<ClientRecord, [string, string]>();
    const indexedIds: number[] = [];
    for (const record of records) {
      const before = known.get(record.remoteId);
      if (before) {
        const extraJson = canonicalJson(record.extra);
        const hash = contentHash(record, extraJson);
        if (before.content_hash === hash && before.removed_at === null) continue;
        hashed.set(record, [hash, extraJson]);
        if (before.removed_at === null && !isPending(text, before.id)) indexedIds.push(before.id);
        if (before.id <= text.from) text.updated.add(before.id);
      }
      toWrite.push(record);
    }
    if (!toWrite.length) return { written: 0, bulk: false };
    if (indexedIds.length) ftsDropIds.run(JSON.stringify(indexedIds));
    const upsert = () => upsertRows(toWrite, hashed, { connectionId, syncedAt, walkId });
    const bulk = toWrite.length >= BULK_ROWS && toWrite.length >= (rowCount.get()?.n ?? 0);
    if (bulk) withIndexesRebuilt(upsert);
    else upsert();
    after.push(() => facts.afterUpsert(connectionId, toWrite, (remoteId) => known.get(remoteId)?.id));
    return { written: toWrite.length, bulk };
  }

  function upsertPages(connectionId: string, pages: readonly (readonly ClientRecord[])[], walkId: number | null, syncedAt: string): number {
    const text: PendingText = { from: lastId.get()?.id ?? 0, updated: new Set() };
    let written = 0;
    let bulk = false;
    const after: Array<() => void> = [];
    for (const records of pages) {
      const page = writePage(connectionId, records, walkId, syncedAt, text, after);
      bulk ||= page.bulk;
      written += page.written;
    }
    if (written) {
      const index = () => ftsAddWritten.run(text.from, JSON.stringify([...text.updated]));
      if (bulk) withFewerFtsMerges(index);
      else index();
    }
    for (const write of after) write();
    return written;
  }

  return {
    upsertPage: (connectionId, records, walkId, syncedAt) => ({
      written: db.transaction(() => upsertPages(connectionId, [records], walkId, syncedAt)),
      seen: records.length,
    }),
    upsertPages,
    markUnseenRemoved: (connectionId, walkId, at) =>
      db.transaction(() => {
        const removed = removeUnseen.all(at, connectionId, walkId).map((r) => r.id);
        if (removed.length) ftsDropIds.run(JSON.stringify(removed));
        return removed.length;
      }),
    setPdpInfo: facts.set,
    beginBulkLoad: () =>
      db.transaction(() => {
        sortIndexes.drop();
        fewerFtsMerges.run();
      }),
    endBulkLoad: () =>
      db.transaction(() => {
        if (sortIndexes.restore() > 0) defaultFtsMerges.run();
      }),
    forget: (connectionId) => {
      db.transaction(() => {
        ftsDropConnection.run(connectionId);
        forgetClients.run(connectionId);
      });
    },
  };
}
