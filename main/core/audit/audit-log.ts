import type { AuditEntry } from '../../../shared/schemas/cache';
import type { CacheDb } from '../cache/database';
import { readDb, writeDb } from '../cache/handles';
import { redact } from '../http/redact';
import { BREAK_MESSAGES, GENESIS_HASH, hashFor, hashProblem, isKeyedHash, UNKEYED_NOTICE } from './audit-chain';
import type { ChainBreak, ChainedRow } from './audit-chain';
import type { AuditKey } from './audit-key';

export { entryHash, GENESIS_HASH } from './audit-chain';

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
  /** The chain is checked with the audit key from the keychain (false: no key this session, see message). */
  keyed: boolean;
  reason: ChainBreak | null;
  /** Why the chain is broken, or what the check cannot vouch for; null when all is well. */
  message: string | null;
}

export interface AuditLog {
  append(input: AuditInput): AuditEntry;
  list(q: AuditListQuery): { rows: AuditEntry[]; total: number };
  /** Walks the whole chain; reports the first entry whose link or content does not match. */
  verify(): AuditVerifyResult;
  /** Every entry, oldest first (export). */
  iterate(connectionId?: string): IterableIterator<AuditEntry>;
}

interface AuditRow extends ChainedRow {
  prev_hash: string;
  hash: string;
}

const MAX_SUMMARY = 2000;

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

/**
 * The append-only audit log. With `key` (from openAuditKey) every entry is chained with HMAC-SHA256 under
 * it; a log written before keying is verified and re-chained under the key when the key is created.
 */
export function createAuditLog(db: CacheDb, key: AuditKey | null = null): AuditLog {
  const r = readDb(db);
  const w = writeDb(db);
  const last = r.read<{ id: number; hash: string }, []>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = w.write<[number, string, string | null, string | null, string, string, string | null, string, string, string]>(
    `INSERT INTO audit_log (id, at, connection_id, client_id, action, outcome, request_id, summary, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const relink = w.write<[string, string, number]>('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
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
      const hash = hashFor(key, prevHash, row);
      insert.run(row.id, row.at, row.connection_id, row.client_id, row.action, row.outcome, row.request_id, row.summary, prevHash, hash);
      return toEntry({ ...row, prev_hash: prevHash, hash });
    });
  }

  /** The first broken entry under `withKey`, and how many entries were walked. */
  function walk(withKey: AuditKey | null): { count: number; brokenAtId: number | null; reason: ChainBreak | null } {
    let expectedPrev = GENESIS_HASH;
    let expectedId = 1;
    let n = 0;
    for (const row of all.iterate()) {
      n++;
      // A deleted or inserted entry shows up as a gap in ids or a link that no longer matches.
      const reason = row.id !== expectedId || row.prev_hash !== expectedPrev ? 'mismatch' : hashProblem(withKey, row);
      if (reason) return { count: n, brokenAtId: row.id, reason };
      expectedPrev = row.hash;
      expectedId = row.id + 1;
    }
    return { count: n, brokenAtId: null, reason: null };
  }

  function verify(): AuditVerifyResult {
    let found = walk(key);
    // Unkeyed entries in a keyed log: an edit among them, if their own chain shows one, is the finding to report.
    if (found.reason === 'unkeyed') {
      const plain = walk(null);
      if (plain.reason === 'mismatch') found = plain;
    }
    const { count: n, brokenAtId, reason } = found;
    const message = reason && brokenAtId !== null ? BREAK_MESSAGES[reason](brokenAtId) : key ? null : UNKEYED_NOTICE;
    return { ok: reason === null, count: n, brokenAtId, keyed: key !== null, reason, message };
  }

  /**
   * Trust on first use: only when this open created the key, and the log holds nothing keyed yet, is an
   * unkeyed chain that verifies re-chained under the key. Later, an unkeyed log next to an existing key
   * could be a rewrite by someone without the key, so it is left for verify to report.
   */
  function upgradeLegacy(withKey: AuditKey): void {
    const newest = last.get();
    if (!withKey.createdNow || !newest || isKeyedHash(newest.hash)) return;
    const legacy = walk(null);
    if (legacy.reason !== null) return;
    w.transaction(() => {
      let prevHash = GENESIS_HASH;
      for (const row of all.all()) {
        const hash = hashFor(withKey, prevHash, row);
        relink.run(prevHash, hash, row.id);
        prevHash = hash;
      }
      append({ action: 'audit.keyed', outcome: 'ok', summary: `${legacy.count} earlier entries verified and re-chained under the audit key` });
    });
  }

  function* iterate(connectionId?: string): IterableIterator<AuditEntry> {
    for (const row of connectionId ? allFor.iterate(connectionId) : all.iterate()) yield toEntry(row);
  }

  if (key) upgradeLegacy(key);

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
