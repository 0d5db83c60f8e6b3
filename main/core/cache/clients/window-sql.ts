import { AppError } from '../../../../shared/errors';
import type { ClientWindowQuery } from '../../../../shared/schemas/cache';
import type { ClientRow } from './mappers';
import type { NameKeyRange } from './name-key';
import { doubleModeSql, pdpConfiguredSql } from '../../providers/factpulse/client-facts';

/** Sort keys per sort, each ending in the unique `c.id` so keyset pagination has a total order. */
const SORT_KEYS: Record<'name' | 'updatedAt' | 'status', string[]> = {
  name: ['c.sort_key'],
  updatedAt: ["ifnull(c.updated_at, '')"],
  status: ['c.status', 'c.sort_key'],
};

function sortValues(sort: keyof typeof SORT_KEYS, row: ClientRow): Array<string | number> {
  if (sort === 'name') return [row.sort_key, row.id];
  if (sort === 'updatedAt') return [row.updated_at ?? '', row.id];
  return [row.status, row.sort_key, row.id];
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

/** One row of a window's ids query: the id and its sort values (k0, k1, …, the id last). */
export type KeyedId = { id: number } & Record<`k${number}`, string | number>;

/** The sort values (id last) of a row read by a plan's `idsSql`. */
export function sortValuesOf(row: KeyedId, width: number): Array<string | number> {
  return Array.from({ length: width }, (_, i) => row[`k${i}`] as string | number);
}

export interface WindowPlan {
  /** Returns the page's ids in order, each with its sort values (cheap: covering indexes). */
  idsSql: string;
  idsParams: unknown[];
  countSql: string;
  countParams: unknown[];
  /** How many sort values a row has (the id included). */
  sortWidth: number;
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
 * Fetching a match by id and sorting it costs about what LOOKUP_STEPS steps along a sort index do
 * (measured on 100k rows: ~0.4 µs against ~0.1 µs, the match set's own cost aside).
 */
const LOOKUP_STEPS = 4;

/**
 * How much farther than the uniform estimate a scan may have to walk before it has its rows. Matches that
 * start names cluster hard (every "Pharmacie …" sits together, maybe at the end of the index):
 * `CLUSTERED`. Once those are served by a range of the index (relevance's first tier), the rest are
 * spread out far more: `SPREAD`.
 */
const CLUSTERED = 16;
export const SPREAD = 4;

export function chooseMatchMode(matchCount: number, rowEstimate: number, offset: number, limit: number, clustering = CLUSTERED): MatchMode {
  const uniformSteps = ((offset + limit) * rowEstimate) / Math.max(1, matchCount);
  return clustering * uniformSteps < LOOKUP_STEPS * matchCount ? 'scan' : 'lookup';
}

/** True when the text query is the only filter, so the FTS match count is the total. */
export function onlyTextFilter(q: ClientWindowQuery): boolean {
  return !q.connectionIds && !q.status && q.pdpConfigured === undefined && q.doubleMode === undefined && !keyFilterSet(q) && !q.facet;
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

/** A range of the sort key, or (`key: 'name'`) of the name key: the exact prefix ranges of sort-key.ts. */
export type KeyRange = NameKeyRange & { key?: 'sort' | 'name' };

/** Which names a window keeps: those inside or outside a range, or those before or from a sort key. */
export type NameBounds = { within: KeyRange } | { outside: KeyRange } | { below: string } | { atOrAbove: string };

/** The text part of a window: an FTS match joined one way or the other, and/or bounds on the name. */
export interface TextFilter {
  match: string | null;
  mode: MatchMode;
  names?: NameBounds;
}

function nameBounds(names: NameBounds, where: string[], params: unknown[]): void {
  if ('within' in names || 'outside' in names) {
    const range = 'within' in names ? names.within : names.outside;
    const column = range.key === 'name' ? 'c.name_key' : 'c.sort_key';
    where.push(`${'within' in names ? '' : 'NOT '}(${column} >= ? AND ${column} < ?)`);
    params.push(range.from, range.to);
  } else if ('below' in names) {
    where.push('c.sort_key < ?');
    params.push(names.below);
  } else {
    where.push('c.sort_key >= ?');
    params.push(names.atOrAbove);
  }
}

const NO_TEXT: TextFilter = { match: null, mode: 'lookup' };

function filters(q: ClientWindowQuery, text: TextFilter, now: number): { from: string; where: string[]; params: unknown[] } {
  const { match, mode, names } = text;
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
  if (q.pdpConfigured !== undefined) where.push(pdpConfiguredSql(q.pdpConfigured));
  if (q.doubleMode !== undefined) where.push(doubleModeSql(q.doubleMode));
  keyFilters(q, now, where, params);
  if (q.facet) {
    // The key passed the contract's letters-and-digits rule; it is bound as a JSON path, never spliced into SQL.
    where.push('json_extract(c.extra_json, ?) = ?');
    params.push(`$.${q.facet.key}`, q.facet.value);
  }
  if (names) nameBounds(names, where, params);
  if (match !== null && !lookup) {
    where.push('+c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)');
    params.push(match);
  }
  return { from, where, params };
}

/**
 * `seek`: the sort values of a row known to be in the list; the window then starts at that row (inclusive)
 * and its offset counts from there, so a window deep into the list needs no long OFFSET walk.
 */
export function planWindow(q: ClientWindowQuery, text: TextFilter = NO_TEXT, now = Date.now(), seek?: ReadonlyArray<string | number>): WindowPlan {
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  const sort = q.sort === 'relevance' ? 'name' : q.sort;
  const keys = [...SORT_KEYS[sort], 'c.id'];
  const { from, where, params } = filters(q, text, now);
  const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  const cursor = q.cursor ? decodeCursor(q.cursor, keys.length) : null;
  let offset = q.offset;
  if (cursor && 'v' in cursor) {
    where.push(`(${keys.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${keys.map(() => '?').join(', ')})`);
    params.push(...cursor.v);
    offset = 0;
  } else if (cursor) offset = cursor.o;
  if (seek && seek.length === keys.length) {
    where.push(`(${keys.join(', ')}) ${dir === 'ASC' ? '>=' : '<='} (${keys.map(() => '?').join(', ')})`);
    params.push(...seek);
  }
  const idsSql = `SELECT c.id AS id, ${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${from} WHERE ${where.join(' AND ')}
    ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')} LIMIT ? OFFSET ?`;
  return {
    idsSql,
    idsParams: [...params, q.limit, offset],
    countSql,
    countParams,
    sortWidth: keys.length,
    nextCursor: (rows) => keysetCursor(q, rows),
  };
}

/** The cursor after a full window sorted by a column: the last row's sort values. */
export function keysetCursor(q: ClientWindowQuery, rows: readonly ClientRow[]): string | null {
  const last = rows.at(-1);
  return last && rows.length === q.limit ? encodeCursor({ v: sortValues(q.sort === 'relevance' ? 'name' : q.sort, last) }) : null;
}

/** Where an offset-paged window (relevance) starts: its `{o}` cursor, else the offset asked for. */
export function offsetOf(q: ClientWindowQuery): number {
  const cursor = q.cursor ? decodeCursor(q.cursor, 0) : null;
  return cursor && 'o' in cursor ? cursor.o : q.offset;
}
