import type { ClientRecord } from '../../../../shared/domain';
import type { CachedClient, ClientCounts, ClientWindow, ClientWindowQuery } from '../../../../shared/schemas/cache';
import type { ReadDb, ReadStatement } from '../handles';
import type { ClientRow } from './mappers';
import { rowToCached, rowToRecord } from './mappers';
import { parseSearch } from './fts-query';
import type { SearchQuery } from './fts-query';
import { highlightSnippet, highlightText } from './highlight';
import { createSearchTiers } from './search-tiers';
import { chooseMatchMode, encodeCursor, keysetCursor, offsetOf, onlyTextFilter, planWindow, sortValuesOf } from './window-sql';
import type { KeyedId, TextFilter, WindowPlan } from './window-sql';
import { createChangeWatch, createCountMemo } from './count-memo';
import { createWindowAnchors } from './window-anchors';
import { createFacetValues } from './facet-values';
import { createClientFactReads, FACTS_COLUMNS, FACTS_JOIN } from '../../providers/factpulse/client-facts';
import type { WindowRoute } from './window-anchors';

export interface ClientReads {
  window(q: ClientWindowQuery): ClientWindow;
  get(connectionId: string, remoteId: string): CachedClient | null;
  /** The record as the server last showed it (for outbox bases and offline reads). */
  record(connectionId: string, remoteId: string): (ClientRecord & { contentHash: string }) | null;
  counts(connectionIds?: readonly string[]): ClientCounts;
  lastSynced(connectionIds?: readonly string[]): Record<string, string | null>;
  /** The distinct values of one extra (a provider's facet) among a connection's cached clients. */
  facetValues(connectionId: string, key: string): string[];
}

const PENDING = `(SELECT count(*) FROM outbox o WHERE o.connection_id = c.connection_id AND o.remote_id = c.remote_id) AS pending`;
const STATEMENT_CACHE_LIMIT = 256;

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
    `SELECT c.*, ${FACTS_COLUMNS}, ${PENDING} FROM clients c ${FACTS_JOIN} WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const matchCount = db.read<{ n: number }, [string]>('SELECT count(*) AS n FROM clients_fts WHERE clients_fts MATCH ?');
  const rowEstimate = db.read<{ n: number | null }, []>('SELECT max(id) AS n FROM clients');
  const one = db.read<ClientRow, [string, string]>(
    `SELECT c.*, ${FACTS_COLUMNS}, ${PENDING} FROM clients c ${FACTS_JOIN} WHERE c.connection_id = ? AND c.remote_id = ?`,
  );
  const syncedAll = db.read<{ connection_id: string; last_completed_at: string | null }, []>(
    'SELECT connection_id, last_completed_at FROM sync_state',
  );
  const syncedSome = db.read<{ connection_id: string; last_completed_at: string | null }, [string]>(
    'SELECT connection_id, last_completed_at FROM sync_state WHERE connection_id IN (SELECT value FROM json_each(?))',
  );
  const countsSql = (scoped: boolean) => `
    SELECT c.connection_id AS connection_id, c.status AS status, count(*) AS n
      FROM clients c WHERE c.removed_at IS NULL ${scoped ? 'AND c.connection_id IN (SELECT value FROM json_each(?))' : ''}
     GROUP BY c.connection_id, c.status`;
  type CountRow = { connection_id: string; status: string; n: number };
  const countsAll = db.read<CountRow, []>(countsSql(false));
  const countsSome = db.read<CountRow, [string]>(countsSql(true));
  const facts = createClientFactReads(db);

  function lastSynced(connectionIds?: readonly string[]): Record<string, string | null> {
    const rows = connectionIds ? syncedSome.all(JSON.stringify(connectionIds)) : syncedAll.all();
    const out: Record<string, string | null> = Object.fromEntries((connectionIds ?? []).map((id) => [id, null]));
    for (const row of rows) out[row.connection_id] = row.last_completed_at;
    return out;
  }

  const changes = createChangeWatch(db);
  const countOnce = createCountMemo(db, undefined, changes);
  const anchors = createWindowAnchors(changes);
  const countOf = (plan: WindowPlan) =>
    countOnce(`${plan.countSql}\u0000${JSON.stringify(plan.countParams)}`, () => stmt<{ n: number }>(plan.countSql).get(...plan.countParams)?.n ?? 0);

  const read = (plan: WindowPlan) => stmt<KeyedId>(plan.idsSql).all(...plan.idsParams);
  const backwards = (q: ClientWindowQuery): ClientWindowQuery => ({ ...q, direction: q.direction === 'desc' ? 'asc' : 'desc' });

  /**
   * A window read the cheapest way window-anchors.ts knows: from the start, from the other end (reverse
   * order, then flipped back: the last window of 100k rows costs what the first one does), or from a row
   * an earlier window found near it.
   */
  function routedRows(q: ClientWindowQuery, text: TextFilter, plan: WindowPlan, route: WindowRoute, total: () => number): KeyedId[] {
    if (route.from === 'start') return read(plan);
    if (route.from === 'anchor-forward') return read(planWindow({ ...q, offset: q.offset - route.anchor.offset }, text, undefined, route.anchor.values));
    if (route.from === 'anchor-backward') {
      const back = { ...backwards(q), offset: route.anchor.offset - (q.offset + q.limit - 1) };
      return read(planWindow(back, text, undefined, route.anchor.values)).reverse();
    }
    const left = total() - q.offset;
    if (left <= 0) return [];
    const limit = Math.min(q.limit, left);
    return read(planWindow({ ...backwards(q), offset: left - limit, limit }, text)).reverse();
  }

  /** One window's ids; a window at an offset into a list sorted by a column goes by window-anchors.ts. */
  function windowIds(q: ClientWindowQuery, text: TextFilter, total: () => number, plan = planWindow(q, text)): number[] {
    if (q.sort === 'relevance' || q.cursor) return read(plan).map((r) => r.id);
    const list = `${q.sort}\u0000${q.direction}\u0000${plan.countSql}\u0000${JSON.stringify(plan.countParams)}`;
    const rowAt = (at: number, route: WindowRoute) => {
      const row = routedRows({ ...q, offset: at, limit: 1 }, text, planWindow({ ...q, offset: at, limit: 1 }, text), route, total)[0];
      return row ? sortValuesOf(row, plan.sortWidth) : null;
    };
    const rows = routedRows(q, text, plan, anchors.approach(list, q.offset, q.limit, total, rowAt), total);
    const first = rows[0];
    const last = rows.at(-1);
    if (first && last) anchors.remember(list, q.offset, sortValuesOf(first, plan.sortWidth), sortValuesOf(last, plan.sortWidth), rows.length);
    return rows.map((r) => r.id);
  }

  const matchesOf = (match: string) => countOnce(`match\u0000${match}`, () => matchCount.get(match)?.n ?? 0);
  const rows = () => rowEstimate.get()?.n ?? 0;

  /** Ids of one window sorted by a column, optionally limited to an FTS match; `total` is its full count. */
  function sortedIds(q: ClientWindowQuery, match: string | null): { ids: number[]; total: () => number; plan: WindowPlan } {
    const matches = match === null ? null : matchesOf(match);
    const text: TextFilter = { match, mode: matches === null ? 'lookup' : chooseMatchMode(matches, rows(), q.offset, q.limit) };
    const plan = planWindow(q, text);
    const total = () => (matches !== null && onlyTextFilter(q) ? matches : countOf(plan));
    if (matches === 0) return { ids: [], total: () => 0, plan };
    return { ids: windowIds(q, text, total, plan), total, plan };
  }

  const tiers = createSearchTiers({
    count: (q, text) => countOf(planWindow(q, text)),
    matches: matchesOf,
    ids: windowIds,
    rowEstimate: rows,
  });

  /**
   * A search sorted by relevance or by name, offset-paged across its tiers (search-tiers.ts). Relevance
   * pages on with an offset cursor, so the next page picks up inside whichever tier the last one ended in.
   */
  function tieredIds(q: ClientWindowQuery, search: SearchQuery): { ids: number[]; total: number; nextCursor: (rows: ClientRow[]) => string | null } {
    const relevance = q.sort === 'relevance';
    const offset = offsetOf(q);
    const sorted: ClientWindowQuery = relevance ? { ...q, sort: 'name', direction: 'asc', cursor: undefined } : q;
    const runs = relevance ? tiers.relevance(q, search, sorted) : tiers.byName(q, search, sorted);
    const ids = tiers.idsAcross(runs, sorted, offset, q.limit);
    const total = runs.reduce((sum, t) => sum + t.total, 0);
    const more = ids.length === q.limit && offset + ids.length < total;
    return { ids, total, nextCursor: (rows) => (!more ? null : relevance ? encodeCursor({ o: offset + ids.length }) : keysetCursor(q, rows)) };
  }

  function rowsOf(ids: number[]): ClientRow[] {
    const byId = new Map(ids.length ? rowsByIds.all(JSON.stringify(ids)).map((r) => [r.id, r]) : []);
    return ids.map((id) => byId.get(id)).filter((r): r is ClientRow => r !== undefined);
  }

  function withHighlights(rows: ClientRow[], terms: readonly string[]): CachedClient[] {
    return rows.map((row) => {
      const cached = rowToCached(row);
      if (!terms.length) return cached;
      const marks = { name: highlightText(row.name, terms), identifier: highlightText(row.identifier, terms), description: highlightSnippet(row.description, terms) };
      const kept = Object.fromEntries(Object.entries(marks).filter(([, v]) => v !== undefined));
      if (Object.keys(kept).length) cached.highlight = kept;
      return cached;
    });
  }

  function window(q: ClientWindowQuery): ClientWindow {
    const search = q.query ? parseSearch(q.query) : null;
    const terms = search?.terms ?? [];
    const lastSyncedAt = lastSynced(q.connectionIds);
    // A keyset cursor (sorted by name, paging on) is a plain window from that row on.
    if (search && (q.sort === 'relevance' || (q.sort === 'name' && !q.cursor))) {
      const found = tieredIds(q, search);
      const rows = rowsOf(found.ids);
      return { rows: withHighlights(rows, terms), total: q.includeTotal ? found.total : null, nextCursor: found.nextCursor(rows), lastSynced: lastSyncedAt };
    }
    const { ids, total, plan } = sortedIds(q, search?.match ?? null);
    const rows = rowsOf(ids);
    return { rows: withHighlights(rows, terms), total: q.includeTotal ? total() : null, nextCursor: plan.nextCursor(rows), lastSynced: lastSyncedAt };
  }

  function counts(connectionIds?: readonly string[]): ClientCounts {
    const rows = connectionIds ? countsSome.all(JSON.stringify(connectionIds)) : countsAll.all();
    const synced = lastSynced(connectionIds);
    const result: ClientCounts = { total: 0, byStatus: {}, pdpConfigured: 0, doubleMode: 0, byConnection: [] };
    const perConnection = new Map<string, number>(Object.keys(synced).map((id) => [id, 0]));
    for (const row of rows) {
      result.total += row.n;
      result.byStatus[row.status] = (result.byStatus[row.status] ?? 0) + row.n;
      perConnection.set(row.connection_id, (perConnection.get(row.connection_id) ?? 0) + row.n);
    }
    for (const row of facts.counts(connectionIds)) {
      result.pdpConfigured += row.configured;
      result.doubleMode += row.double;
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
    facetValues: createFacetValues(db),
  };
}
