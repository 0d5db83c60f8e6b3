import type { RebuildFilters, RebuildRecord } from '../../../../shared/schemas/directory';
import type { CacheDb } from '../../cache/database';
import { writeDb } from '../../cache/handles';

interface RebuildRow {
  id: number;
  connection_id: string;
  started_at: string;
  filters_json: string;
  incremental: number;
  outcome: RebuildRecord['outcome'];
  interaction_id: string | null;
  duration_ms: number;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  errors_json: string;
}

export type NewRebuildRecord = Omit<RebuildRecord, 'id'>;

/** Every rebuild asked of a directory connection, newest first (state.sqlite). */
export interface RebuildHistory {
  add(record: NewRebuildRecord): RebuildRecord;
  list(connectionId: string, limit: number): RebuildRecord[];
  /** When the last successful rebuild started: where the next incremental one starts. */
  lastSuccessAt(connectionId: string): string | null;
  forget(connectionId: string): void;
}

function parsed<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

function toRecord(row: RebuildRow): RebuildRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    startedAt: row.started_at,
    filters: parsed<RebuildRecord['filters']>(row.filters_json, {}),
    incremental: row.incremental === 1,
    outcome: row.outcome,
    interactionId: row.interaction_id,
    durationMs: row.duration_ms,
    attempts: row.attempts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    errors: parsed<string[]>(row.errors_json, []),
  };
}

export function createRebuildHistory(db: CacheDb): RebuildHistory {
  const w = writeDb(db);
  const insert = w.write<[string, string, string, number, string, string | null, number, number, string | null, string | null, string], RebuildRow>(
    `INSERT INTO directory_rebuilds (connection_id, started_at, filters_json, incremental, outcome, interaction_id, duration_ms, attempts, error_code, error_message, errors_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const recent = w.read<RebuildRow, [string, number]>('SELECT * FROM directory_rebuilds WHERE connection_id = ? ORDER BY id DESC LIMIT ?');
  const lastOk = w.read<{ started_at: string }, [string]>(
    `SELECT started_at FROM directory_rebuilds WHERE connection_id = ? AND outcome = 'ok' ORDER BY started_at DESC LIMIT 1`,
  );
  const remove = w.write<[string]>('DELETE FROM directory_rebuilds WHERE connection_id = ?');
  return {
    add(r) {
      const filters: RebuildFilters = r.filters as RebuildFilters;
      const [row] = insert.all(
        r.connectionId,
        r.startedAt,
        JSON.stringify(filters),
        r.incremental ? 1 : 0,
        r.outcome,
        r.interactionId,
        Math.round(r.durationMs),
        r.attempts,
        r.errorCode,
        r.errorMessage,
        JSON.stringify(r.errors),
      );
      return toRecord(row!);
    },
    list: (id, limit) => recent.all(id, limit).map(toRecord),
    lastSuccessAt: (id) => lastOk.get(id)?.started_at ?? null,
    forget: (id) => void remove.run(id),
  };
}
