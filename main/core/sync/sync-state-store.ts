import type { ReadDb, WriteDb } from '../cache/handles';

export interface SyncStateRow {
  connection_id: string;
  walk_id: number | null;
  walk_started_at: string | null;
  walk_page_size: number | null;
  walk_total: number | null;
  last_started_at: string | null;
  last_completed_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_rows_written: number;
  last_removed: number;
}

export interface WalkStart {
  walkId: number;
  resumed: boolean;
  /** Pages already committed by this walk (resume). */
  donePages: Set<number>;
}

/** A walk older than this starts over instead of resuming (its committed pages are too stale to trust). */
const RESUME_WINDOW_MS = 24 * 3600_000;

export function createSyncStateReads(db: ReadDb) {
  const one = db.read<SyncStateRow, [string]>('SELECT * FROM sync_state WHERE connection_id = ?');
  const all = db.read<SyncStateRow, []>('SELECT * FROM sync_state');
  const cached = db.read<{ connection_id: string; n: number }, []>(
    'SELECT connection_id, count(*) AS n FROM clients WHERE removed_at IS NULL GROUP BY connection_id',
  );
  return {
    get: (connectionId: string) => one.get(connectionId) ?? null,
    all: () => all.all(),
    cachedCounts: () => new Map(cached.all().map((r) => [r.connection_id, r.n])),
  };
}

export function createSyncStateWrites(db: WriteDb) {
  const reads = createSyncStateReads(db);
  const pages = db.read<{ page: number }, [string, number]>('SELECT page FROM sync_walk_pages WHERE connection_id = ? AND walk_id = ?');
  const ensure = db.write<[string]>('INSERT OR IGNORE INTO sync_state (connection_id) VALUES (?)');
  const startWalk = db.write<[number, string, number, string, string]>(
    `UPDATE sync_state SET walk_id = ?, walk_started_at = ?, walk_page_size = ?, walk_total = NULL, last_started_at = ?
      WHERE connection_id = ?`,
  );
  const restart = db.write<[string, string]>('UPDATE sync_state SET last_started_at = ? WHERE connection_id = ?');
  const clearPages = db.write<[string]>('DELETE FROM sync_walk_pages WHERE connection_id = ?');
  const addPage = db.write<[string, number, number, number]>(
    'INSERT OR REPLACE INTO sync_walk_pages (connection_id, walk_id, page, rows) VALUES (?, ?, ?, ?)',
  );
  const setTotal = db.write<[number | null, string]>('UPDATE sync_state SET walk_total = ? WHERE connection_id = ?');
  const complete = db.write<[string, number, number, string]>(
    `UPDATE sync_state SET walk_id = NULL, walk_started_at = NULL, walk_total = NULL, last_completed_at = ?,
            last_error_code = NULL, last_error_message = NULL, last_rows_written = ?, last_removed = ?
      WHERE connection_id = ?`,
  );
  const fail = db.write<[string, string, string]>(
    'UPDATE sync_state SET last_error_code = ?, last_error_message = ? WHERE connection_id = ?',
  );
  const forget = db.write<[string]>('DELETE FROM sync_state WHERE connection_id = ?');

  function begin(connectionId: string, pageSize: number, now: Date): WalkStart {
    return db.transaction(() => {
      ensure.run(connectionId);
      const state = reads.get(connectionId);
      const startedAt = state?.walk_started_at ? Date.parse(state.walk_started_at) : NaN;
      const resumable =
        state?.walk_id != null && state.walk_page_size === pageSize && now.getTime() - startedAt < RESUME_WINDOW_MS;
      if (resumable && state.walk_id !== null) {
        restart.run(now.toISOString(), connectionId);
        return { walkId: state.walk_id, resumed: true, donePages: new Set(pages.all(connectionId, state.walk_id).map((p) => p.page)) };
      }
      // Milliseconds are unique per connection in practice and always above any earlier walk's id.
      const walkId = Math.max(now.getTime(), (state?.walk_id ?? 0) + 1);
      clearPages.run(connectionId);
      startWalk.run(walkId, now.toISOString(), pageSize, now.toISOString(), connectionId);
      return { walkId, resumed: false, donePages: new Set<number>() };
    });
  }

  return {
    ...reads,
    begin,
    /** Call inside the page's own transaction, so "page committed" and its rows are one atomic fact. */
    pageDone: (connectionId: string, walkId: number, page: number, rows: number) => {
      addPage.run(connectionId, walkId, page, rows);
    },
    setTotal: (connectionId: string, total: number | null) => {
      setTotal.run(total, connectionId);
    },
    complete: (connectionId: string, at: string, written: number, removed: number) =>
      db.transaction(() => {
        complete.run(at, written, removed, connectionId);
        clearPages.run(connectionId);
      }),
    fail: (connectionId: string, code: string, message: string) => {
      fail.run(code, message, connectionId);
    },
    forget: (connectionId: string) =>
      db.transaction(() => {
        forget.run(connectionId);
        clearPages.run(connectionId);
      }),
  };
}

export type SyncStateWrites = ReturnType<typeof createSyncStateWrites>;
