import { AppError } from '../../../../shared/errors';
import type { ClientWindowQuery } from '../../../../shared/schemas/cache';
import type { ClientRow } from './mappers';

/** Sort keys per sort, each ending in the unique `c.id` so keyset pagination has a total order. */
const SORT_KEYS: Record<'name' | 'updatedAt' | 'status', string[]> = {
  name: ['c.name COLLATE NOCASE'],
  updatedAt: ["ifnull(c.updated_at, '')"],
  status: ['c.status', 'c.name COLLATE NOCASE'],
};

function sortValues(sort: keyof typeof SORT_KEYS, row: ClientRow): Array<string | number> {
  if (sort === 'name') return [row.name, row.id];
  if (sort === 'updatedAt') return [row.updated_at ?? '', row.id];
  return [row.status, row.name, row.id];
}

type Cursor = { v: Array<string | number> } | { o: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string, width: number): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const v = (value as { v?: unknown } | null)?.v;
  const o = (value as { o?: unknown } | null)?.o;
  if (Array.isArray(v) && v.length === width && v.every((x) => typeof x === 'string' || typeof x === 'number')) return { v };
  if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return { o };
  throw new AppError('VALIDATION', 'The list position is no longer valid; reload the list.', {
    fields: [{ field: 'cursor', message: 'Unknown cursor.' }],
  });
}

export interface WindowPlan {
  /** Returns the page's ids in order (cheap: covering indexes). */
  idsSql: string;
  idsParams: unknown[];
  countSql: string;
  countParams: unknown[];
  match: string | null;
  /** Turns the last row of this window into the next cursor. */
  nextCursor(rows: ClientRow[]): string | null;
}

/**
 * How the text filter joins the sort. `lookup`: fetch every match by id, then sort (few matches).
 * `scan`: walk the sort index and test membership in the match set (`+` keeps SQLite from driving the
 * query by id), which stops after `limit` rows (many matches).
 */
export type MatchMode = 'lookup' | 'scan';

/**
 * Matches cluster in sort order (a trade name starts the name: every "Pharmacie …" sits together, half
 * way down the index), so a scan is priced as if it had to walk CLUSTERING times the uniform estimate.
 */
const CLUSTERING = 4;

export function chooseMatchMode(matchCount: number, rowEstimate: number, offset: number, limit: number): MatchMode {
  const scanSteps = (CLUSTERING * (offset + limit) * rowEstimate) / Math.max(1, matchCount);
  return scanSteps < matchCount ? 'scan' : 'lookup';
}

/** True when the text query is the only filter, so the FTS match count is the total. */
export function onlyTextFilter(q: ClientWindowQuery): boolean {
  return !q.connectionIds && !q.status && q.pdpConfigured === undefined && q.doubleMode === undefined && !keyFilterSet(q);
}

const keyFilterSet = (q: ClientWindowQuery) => q.hasKey !== undefined || q.keyOlderThanDays !== undefined;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Latest creation date of a key more than `days` whole days old (the Keys screen's `ageDays > max`).
 * Rounded down to the minute so the same filter keeps the same SQL parameters, and its remembered count,
 * for a minute.
 */
export function keyCutoff(days: number, now: number): string {
  return new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS - (days + 1) * DAY_MS).toISOString();
}

/** Clients with a local key: driven from client_keys (few rows) through clients' (connection_id, remote_id) index. */
const WITH_KEY = `c.id IN (SELECT kc.id FROM client_keys k JOIN clients kc ON kc.connection_id = k.connection_id AND kc.remote_id = k.client_uid`;

function keyFilters(q: ClientWindowQuery, now: number, where: string[], params: unknown[]): void {
  if (q.keyOlderThanDays !== undefined && q.hasKey !== false) {
    where.push(`${WITH_KEY} WHERE k.created_at <= ?)`);
    params.push(keyCutoff(q.keyOlderThanDays, now));
  } else if (q.keyOlderThanDays !== undefined) {
    where.push('0'); // "no key" and "key older than N days" cannot both hold
  } else if (q.hasKey !== undefined) {
    where.push(q.hasKey ? `${WITH_KEY})` : 'NOT EXISTS (SELECT 1 FROM client_keys k WHERE k.connection_id = c.connection_id AND k.client_uid = c.remote_id)');
  }
}

function filters(q: ClientWindowQuery, match: string | null, mode: MatchMode, now: number): { from: string; where: string[]; params: unknown[] } {
  const lookup = match !== null && mode === 'lookup';
  const from = lookup ? 'clients_fts f JOIN clients c ON c.id = f.rowid' : 'clients c';
  const where = lookup ? ['clients_fts MATCH ?', 'c.removed_at IS NULL'] : ['c.removed_at IS NULL'];
  const params: unknown[] = lookup ? [match] : [];
  const ids = q.connectionIds ?? [];
  if (ids.length === 1) {
    where.push('c.connection_id = ?');
    params.push(ids[0]);
  } else if (ids.length > 1) {
    where.push('c.connection_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
  }
  if (q.status) {
    where.push('c.status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(q.status));
  }
  if (q.pdpConfigured !== undefined) {
    where.push('c.pdp_configured = ?');
    params.push(q.pdpConfigured ? 1 : 0);
  }
  if (q.doubleMode !== undefined) where.push(q.doubleMode ? "c.encryption_mode IS 'double'" : "c.encryption_mode IS NOT 'double'");
  keyFilters(q, now, where, params);
  if (match !== null && !lookup) {
    where.push('+c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)');
    params.push(match);
  }
  return { from, where, params };
}

export function planWindow(q: ClientWindowQuery, match: string | null, mode: MatchMode = 'lookup', now = Date.now()): WindowPlan {
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  const sort = q.sort === 'relevance' ? 'name' : q.sort;
  const keys = [...SORT_KEYS[sort], 'c.id'];
  const { from, where, params } = filters(q, match, mode, now);
  const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  const cursor = q.cursor ? decodeCursor(q.cursor, keys.length) : null;
  let offset = q.offset;
  if (cursor && 'v' in cursor) {
    where.push(`(${keys.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${keys.map(() => '?').join(', ')})`);
    params.push(...cursor.v);
    offset = 0;
  } else if (cursor) offset = cursor.o;
  const idsSql = `SELECT c.id FROM ${from} WHERE ${where.join(' AND ')}
    ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')} LIMIT ? OFFSET ?`;
  return {
    idsSql,
    idsParams: [...params, q.limit, offset],
    countSql,
    countParams,
    match,
    nextCursor: (rows) => {
      const last = rows.at(-1);
      return last && rows.length === q.limit ? encodeCursor({ v: sortValues(sort, last) }) : null;
    },
  };
}

/** Where an offset-paged window (relevance) starts: its `{o}` cursor, else the offset asked for. */
export function offsetOf(q: ClientWindowQuery): number {
  const cursor = q.cursor ? decodeCursor(q.cursor, 0) : null;
  return cursor && 'o' in cursor ? cursor.o : q.offset;
}
