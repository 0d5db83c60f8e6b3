import type { CacheDb } from '../../../cache/database';

export type JournalStep = 'pending' | 'committed' | 'aborted' | 'unknown';

export interface JournalRow {
  id: number;
  connectionId: string;
  clientUid: string;
  operation: string;
  step: JournalStep;
  oldFingerprint: string | null;
  newFingerprint: string | null;
  jobId: string | null;
  startedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  error: string | null;
}

interface RawRow {
  id: number;
  connection_id: string;
  client_uid: string;
  operation: string;
  step: JournalStep;
  old_fingerprint: string | null;
  new_fingerprint: string | null;
  job_id: string | null;
  started_at: string;
  updated_at: string;
  resolved_at: string | null;
  error: string | null;
}

const toRow = (r: RawRow): JournalRow => ({
  id: r.id,
  connectionId: r.connection_id,
  clientUid: r.client_uid,
  operation: r.operation,
  step: r.step,
  oldFingerprint: r.old_fingerprint,
  newFingerprint: r.new_fingerprint,
  jobId: r.job_id,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  resolvedAt: r.resolved_at,
  error: r.error,
});

/**
 * Runs a write with `PRAGMA synchronous=FULL`, so the journal row is on disk (WAL fsynced) before
 * the next step of the protocol; the connection goes back to NORMAL afterwards.
 */
export function durably<T>(db: CacheDb, fn: () => T): T {
  db.sqlite.pragma('synchronous = FULL');
  try {
    return fn();
  } finally {
    db.sqlite.pragma('synchronous = NORMAL');
  }
}

export interface KeyJournal {
  begin(entry: { connectionId: string; clientUid: string; operation?: string; oldFingerprint: string | null; newFingerprint: string | null; jobId?: string | null }): number;
  mark(id: number, step: JournalStep, error?: string | null): void;
  get(id: number): JournalRow | null;
  /** Rows whose outcome is not known (pending: the process may have died around the call; unknown: no answer). */
  open(filter?: { connectionId?: string; clientUid?: string }): JournalRow[];
  list(filter?: { connectionId?: string; clientUid?: string; limit?: number }): JournalRow[];
  lastCommitted(connectionId: string, clientUid: string): JournalRow | null;
}

export function createKeyJournal(db: CacheDb, now: () => Date = () => new Date()): KeyJournal {
  const s = db.sqlite;
  const insert = s.prepare(
    `INSERT INTO key_journal (connection_id, client_uid, operation, step, old_fingerprint, new_fingerprint, job_id, started_at, updated_at)
     VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
  );
  const update = s.prepare(
    `UPDATE key_journal SET step = ?, error = ?, updated_at = ?, resolved_at = CASE WHEN ? IN ('committed', 'aborted') THEN ? ELSE resolved_at END WHERE id = ?`,
  );
  const byId = s.prepare('SELECT * FROM key_journal WHERE id = ?');

  function where(filter: { connectionId?: string; clientUid?: string }, extra: string[] = []): { sql: string; args: string[] } {
    const parts = [...extra];
    const args: string[] = [];
    if (filter.connectionId) {
      parts.push('connection_id = ?');
      args.push(filter.connectionId);
    }
    if (filter.clientUid) {
      parts.push('client_uid = ?');
      args.push(filter.clientUid);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
  }

  return {
    begin(e) {
      const at = now().toISOString();
      return durably(db, () =>
        Number(insert.run(e.connectionId, e.clientUid, e.operation ?? 'rotate', e.oldFingerprint, e.newFingerprint, e.jobId ?? null, at, at).lastInsertRowid),
      );
    },
    mark(id, step, error = null) {
      const at = now().toISOString();
      durably(db, () => update.run(step, error, at, step, at, id));
    },
    get(id) {
      const r = byId.get(id) as RawRow | undefined;
      return r ? toRow(r) : null;
    },
    open(filter = {}) {
      const w = where(filter, ["step IN ('pending', 'unknown')"]);
      return (s.prepare(`SELECT * FROM key_journal ${w.sql} ORDER BY id`).all(...w.args) as RawRow[]).map(toRow);
    },
    list(filter = {}) {
      const w = where(filter);
      const limit = Math.min(Math.max(filter.limit ?? 200, 1), 5000);
      return (s.prepare(`SELECT * FROM key_journal ${w.sql} ORDER BY id DESC LIMIT ${limit}`).all(...w.args) as RawRow[]).map(toRow);
    },
    lastCommitted(connectionId, clientUid) {
      const r = s
        .prepare(`SELECT * FROM key_journal WHERE connection_id = ? AND client_uid = ? AND step = 'committed' ORDER BY id DESC LIMIT 1`)
        .get(connectionId, clientUid) as RawRow | undefined;
      return r ? toRow(r) : null;
    },
  };
}
