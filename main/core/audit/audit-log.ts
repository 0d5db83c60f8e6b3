import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../shared/schemas/cache';
import type { CacheDb } from '../cache/database';
import { readDb, writeDb } from '../cache/handles';
import { redact } from '../http/redact';

export type AuditOutcome = 'ok' | 'failed' | 'queued' | 'conflict' | 'dropped' | 'unknown' | 'refused';

export interface AuditInput {
  connectionId?: string | null;
  clientId?: string | null;
  /** e.g. clients.update, clients.setActive, pdp.update, outbox.replay, keys.rotate */
  action: string;
  outcome: AuditOutcome;
  requestId?: string | null;
  /** Human-readable, redacted again here; never put a secret in it. */
  summary: string;
}

export interface AuditListQuery {
  connectionId?: string | undefined;
  clientId?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  brokenAtId: number | null;
}

export interface AuditLog {
  append(input: AuditInput): AuditEntry;
  list(q: AuditListQuery): { rows: AuditEntry[]; total: number };
  /** Walks the whole chain; reports the first entry whose link or content does not match. */
  verify(): AuditVerifyResult;
  /** Every entry, oldest first (export). */
  iterate(connectionId?: string): IterableIterator<AuditEntry>;
}

interface AuditRow {
  id: number;
  at: string;
  connection_id: string | null;
  client_id: string | null;
  action: string;
  outcome: string;
  request_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const MAX_SUMMARY = 2000;

/** The exact bytes hashed for an entry: a JSON array, so field order and escaping are fixed. */
export function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([row.id, row.at, row.connection_id, row.client_id, row.action, row.outcome, row.request_id, row.summary]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    connectionId: row.connection_id,
    clientId: row.client_id,
    action: row.action,
    outcome: row.outcome,
    requestId: row.request_id,
    summary: row.summary,
    hash: row.hash,
  };
}

export function createAuditLog(db: CacheDb): AuditLog {
  const r = readDb(db);
  const w = writeDb(db);
  const last = r.read<{ id: number; hash: string }, []>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = w.write<[number, string, string | null, string | null, string, string, string | null, string, string, string]>(
    `INSERT INTO audit_log (id, at, connection_id, client_id, action, outcome, request_id, summary, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  type Filter = { conn: string | null; client: string | null; before: number | null; limit: number };
  const page = r.read<AuditRow, [Filter]>(
    `SELECT * FROM audit_log WHERE (@conn IS NULL OR connection_id = @conn) AND (@client IS NULL OR client_id = @client)
       AND (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit`,
  );
  const count = r.read<{ n: number }, [Omit<Filter, 'before' | 'limit'>]>(
    'SELECT count(*) AS n FROM audit_log WHERE (@conn IS NULL OR connection_id = @conn) AND (@client IS NULL OR client_id = @client)',
  );
  const all = r.read<AuditRow, []>('SELECT * FROM audit_log ORDER BY id');
  const allFor = r.read<AuditRow, [string]>('SELECT * FROM audit_log WHERE connection_id = ? ORDER BY id');

  function append(input: AuditInput): AuditEntry {
    return w.transaction(() => {
      const previous = last.get();
      const row = {
        id: (previous?.id ?? 0) + 1,
        at: new Date().toISOString(),
        connection_id: input.connectionId ?? null,
        client_id: input.clientId ?? null,
        action: input.action,
        outcome: input.outcome,
        request_id: input.requestId ?? null,
        summary: redact(input.summary).slice(0, MAX_SUMMARY),
      };
      const prevHash = previous?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, row);
      insert.run(row.id, row.at, row.connection_id, row.client_id, row.action, row.outcome, row.request_id, row.summary, prevHash, hash);
      return toEntry({ ...row, prev_hash: prevHash, hash });
    });
  }

  function verify(): AuditVerifyResult {
    let expectedPrev = GENESIS_HASH;
    let expectedId = 1;
    let n = 0;
    for (const row of all.iterate()) {
      n++;
      // A deleted or inserted entry shows up as a gap in ids or a link that no longer matches.
      if (row.id !== expectedId || row.prev_hash !== expectedPrev || entryHash(row.prev_hash, row) !== row.hash) {
        return { ok: false, count: n, brokenAtId: row.id };
      }
      expectedPrev = row.hash;
      expectedId = row.id + 1;
    }
    return { ok: true, count: n, brokenAtId: null };
  }

  function* iterate(connectionId?: string): IterableIterator<AuditEntry> {
    for (const row of connectionId ? allFor.iterate(connectionId) : all.iterate()) yield toEntry(row);
  }

  return {
    append,
    list: (q) => {
      const filter = { conn: q.connectionId ?? null, client: q.clientId ?? null };
      return {
        rows: page.all({ ...filter, before: q.beforeId ?? null, limit: q.limit }).map(toEntry),
        total: count.get(filter)?.n ?? 0,
      };
    },
    verify,
    iterate,
  };
}
