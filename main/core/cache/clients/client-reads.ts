import type { ClientRecord } from '../../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../shared/schemas/cache';
import type { CachedClient, ClientCounts, ClientWindow, ClientWindowQuery } from '../../../../shared/schemas/cache';
import type { ReadDb, ReadStatement } from '../handles';
import type { ClientRow } from './mappers';
import { rowToCached, rowToRecord } from './mappers';
import { ftsMatchExpression, marked } from './fts-query';
import { chooseMatchMode, onlyTextFilter, planWindow } from './window-sql';
import type { MatchMode, WindowPlan } from './window-sql';
import { createCountMemo } from './count-memo';

export interface ClientReads {
  window(q: ClientWindowQuery): ClientWindow;
  get(connectionId: string, remoteId: string): CachedClient | null;
  /** The record as the server last showed it (for outbox bases and offline reads). */
  record(connectionId: string, remoteId: string): (ClientRecord & { contentHash: string }) | null;
  counts(connectionIds?: readonly string[]): ClientCounts;
  lastSynced(connectionIds?: readonly string[]): Record<string, string | null>;
}

const PENDING = `(SELECT count(*) FROM outbox o WHERE o.connection_id = c.connection_id AND o.remote_id = c.remote_id) AS pending`;
const STATEMENT_CACHE_LIMIT = 256;

type HighlightRow = { id: number; name: string | null; identifier: string | null; description: string | null };

export function createClientReads(db: ReadDb): ClientReads {
  const cache = new Map<string, ReadStatement<unknown>>();
  /** Window SQL varies with the filters used: each shape is prepared once, then reused. */
  function stmt<R>(sql: string): ReadStatement<R> {
    let found = cache.get(sql);
    if (!found) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      found = db.read<unknown>(sql);
      cache.set(sql, found);
    }
    return found as ReadStatement<R>;
  }

  const rowsByIds = db.read<ClientRow, [string]>(
    `SELECT c.*, ${PENDING} FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const highlights = db.read<HighlightRow, [string, string]>(
    `SELECT rowid AS id,
            highlight(clients_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}') AS name,
            highlight(clients_fts, 1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}') AS identifier,
            snippet(clients_fts, 2, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 16) AS description
       FROM clients_fts WHERE clients_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
  );
  const matchCount = db.read<{ n: number }, [string]>('SELECT count(*) AS n FROM clients_fts WHERE clients_fts MATCH ?');
  const rowEstimate = db.read<{ n: number | null }, []>('SELECT max(id) AS n FROM clients');
  const one = db.read<ClientRow, [string, string]>(`SELECT c.*, ${PENDING} FROM clients c WHERE c.connection_id = ? AND c.remote_id = ?`);
  const syncedAll = db.read<{ connection_id: string; last_completed_at: string | null }, []>(
    'SELECT connection_id, last_completed_at FROM sync_state',
  );
  const syncedSome = db.read<{ connection_id: string; last_completed_at: string | null }, [string]>(
    'SELECT connection_id, last_completed_at FROM sync_state WHERE connection_id IN (SELECT value FROM json_each(?))',
  );
  const countsSql = (scoped: boolean) => `
    SELECT c.connection_id AS connection_id, c.status AS status, count(*) AS n,
           sum(c.pdp_configured) AS pdp, sum(c.encryption_mode IS 'double') AS dbl
      FROM clients c WHERE c.removed_at IS NULL ${scoped ? 'AND c.connection_id IN (SELECT value FROM json_each(?))' : ''}
     GROUP BY c.connection_id, c.status`;
  type CountRow = { connection_id: string; status: string; n: number; pdp: number; dbl: number };
  const countsAll = db.read<CountRow, []>(countsSql(false));
  const countsSome = db.read<CountRow, [string]>(countsSql(true));

  function lastSynced(connectionIds?: readonly string[]): Record<string, string | null> {
    const rows = connectionIds ? syncedSome.all(JSON.stringify(connectionIds)) : syncedAll.all();
    const out: Record<string, string | null> = Object.fromEntries((connectionIds ?? []).map((id) => [id, null]));
    for (const row of rows) out[row.connection_id] = row.last_completed_at;
    return out;
  }

  const countOnce = createCountMemo(db);
  const countOf = (plan: WindowPlan) =>
    countOnce(`${plan.countSql}\u0000${JSON.stringify(plan.countParams)}`, () => stmt<{ n: number }>(plan.countSql).get(...plan.countParams)?.n ?? 0);

  /**
   * A window past the middle is read from the other end (reverse order, then flipped back): an offset
   * walks the sort index, so the last window of 100k rows costs what the first one does.
   */
  function windowIds(q: ClientWindowQuery, plan: WindowPlan, match: string | null, mode: MatchMode, total: () => number): number[] {
    const fromEnd = q.sort !== 'relevance' && !q.cursor && q.offset > 0 && q.offset + q.limit / 2 > total() / 2;
    if (!fromEnd) return stmt<{ id: number }>(plan.idsSql).all(...plan.idsParams).map((r) => r.id);
    const left = total() - q.offset;
    if (left <= 0) return [];
    const limit = Math.min(q.limit, left);
    const reversed: ClientWindowQuery = { ...q, direction: q.direction === 'desc' ? 'asc' : 'desc', offset: left - limit, limit };
    const back = planWindow(reversed, match, mode);
    return stmt<{ id: number }>(back.idsSql).all(...back.idsParams).map((r) => r.id).reverse();
  }

  function window(q: ClientWindowQuery): ClientWindow {
    const match = q.query ? ftsMatchExpression(q.query) : null;
    const matches = match === null ? null : countOnce(`match\u0000${match}`, () => matchCount.get(match)?.n ?? 0);
    const mode = matches === null ? 'lookup' : chooseMatchMode(matches, rowEstimate.get()?.n ?? 0, q.offset, q.limit);
    const plan = planWindow(q, match, mode);
    const total = () => (matches !== null && onlyTextFilter(q) ? matches : countOf(plan));
    const ids = windowIds(q, plan, match, mode, total);
    const byId = new Map(ids.length ? rowsByIds.all(JSON.stringify(ids)).map((r) => [r.id, r]) : []);
    const rows = ids.map((id) => byId.get(id)).filter((r): r is ClientRow => r !== undefined);
    const out = rows.map(rowToCached);
    if (plan.match !== null && ids.length) {
      const marks = new Map(highlights.all(plan.match, JSON.stringify(ids)).map((h) => [h.id, h]));
      rows.forEach((row, i) => {
        const h = marks.get(row.id);
        const target = out[i];
        if (!h || !target) return;
        const highlight = { name: marked(h.name), identifier: marked(h.identifier), description: marked(h.description) };
        const kept = Object.fromEntries(Object.entries(highlight).filter(([, v]) => v !== undefined));
        if (Object.keys(kept).length) target.highlight = kept;
      });
    }
    return { rows: out, total: q.includeTotal ? total() : null, nextCursor: plan.nextCursor(rows), lastSynced: lastSynced(q.connectionIds) };
  }

  function counts(connectionIds?: readonly string[]): ClientCounts {
    const rows = connectionIds ? countsSome.all(JSON.stringify(connectionIds)) : countsAll.all();
    const synced = lastSynced(connectionIds);
    const result: ClientCounts = { total: 0, byStatus: {}, pdpConfigured: 0, doubleMode: 0, byConnection: [] };
    const perConnection = new Map<string, number>(Object.keys(synced).map((id) => [id, 0]));
    for (const row of rows) {
      result.total += row.n;
      result.byStatus[row.status] = (result.byStatus[row.status] ?? 0) + row.n;
      result.pdpConfigured += row.pdp;
      result.doubleMode += row.dbl;
      perConnection.set(row.connection_id, (perConnection.get(row.connection_id) ?? 0) + row.n);
    }
    result.byConnection = [...perConnection].map(([connectionId, total]) => ({ connectionId, total, lastSynced: synced[connectionId] ?? null }));
    return result;
  }

  return {
    window,
    get: (connectionId, remoteId) => {
      const row = one.get(connectionId, remoteId);
      return row ? rowToCached(row) : null;
    },
    record: (connectionId, remoteId) => {
      const row = one.get(connectionId, remoteId);
      return row ? { ...rowToRecord(row), contentHash: row.content_hash } : null;
    },
    counts,
    lastSynced,
  };
}
