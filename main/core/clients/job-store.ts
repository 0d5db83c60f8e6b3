import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BulkStatusAction, ClientJobItem, ClientJobItemState } from '../../../shared/schemas/client-jobs';
import type { CacheDb } from '../cache/database';
import type { SelectedClient } from './selection';

export type ClientJobState = 'running' | 'paused' | 'cancelled' | 'done';

export interface ClientJobRow {
  id: string;
  action: BulkStatusAction;
  state: ClientJobState;
  total: number;
  created_at: string;
  finished_at: string | null;
}

export interface WaitingItem {
  seq: number;
  connectionId: string;
  remoteId: string;
}

/** Bulk status jobs and their clients in state.sqlite (synchronous = FULL: a step on disk stays there). */
export interface ClientJobStore {
  create(action: BulkStatusAction, clients: readonly SelectedClient[], at: string): string;
  row(jobId: string): ClientJobRow;
  setState(jobId: string, state: ClientJobState, at: string): void;
  counts(jobId: string): Record<ClientJobItemState, number>;
  waiting(jobId: string): WaitingItem[];
  mark(jobId: string, seq: number, state: ClientJobItemState, error: { code: string; message: string } | null, at: string): void;
  /** The clients not sent yet will not be: marked cancelled. */
  cancelWaiting(jobId: string, at: string): void;
  /** Jobs a previous process left running become paused (resumable); returns how many. */
  pauseRunning(at: string): number;
  list(limit: number): ClientJobRow[];
  /** Failures and queued ones first, then the rest in selection order. */
  items(jobId: string, limit: number): ClientJobItem[];
}

type ItemRow = { connection_id: string; remote_id: string; name: string; state: ClientJobItemState; error_code: string | null; error: string | null };

export function createClientJobStore(db: CacheDb): ClientJobStore {
  const s = db.sqlite;
  const insertJob = s.prepare(`INSERT INTO state.client_jobs (id, action, state, total, created_at, updated_at) VALUES (?, ?, 'running', ?, ?, ?)`);
  const insertItem = s.prepare(`INSERT INTO state.client_job_items (job_id, seq, connection_id, remote_id, name, state) VALUES (?, ?, ?, ?, ?, 'waiting')`);
  const selectJob = s.prepare('SELECT id, action, state, total, created_at, finished_at FROM state.client_jobs WHERE id = ?');
  const updateJob = s.prepare(
    `UPDATE state.client_jobs SET state = ?, updated_at = ?, finished_at = CASE WHEN ? IN ('done', 'cancelled') THEN ? ELSE NULL END WHERE id = ?`,
  );
  const countItems = s.prepare('SELECT state, count(*) AS n FROM state.client_job_items WHERE job_id = ? GROUP BY state');
  const selectWaiting = s.prepare(`SELECT seq, connection_id, remote_id FROM state.client_job_items WHERE job_id = ? AND state = 'waiting' ORDER BY seq`);
  const updateItem = s.prepare('UPDATE state.client_job_items SET state = ?, error_code = ?, error = ?, updated_at = ? WHERE job_id = ? AND seq = ?');
  const cancelItems = s.prepare(`UPDATE state.client_job_items SET state = 'cancelled', updated_at = ? WHERE job_id = ? AND state = 'waiting'`);
  const pauseJobs = s.prepare(`UPDATE state.client_jobs SET state = 'paused', updated_at = ? WHERE state = 'running'`);
  const listJobs = s.prepare('SELECT id, action, state, total, created_at, finished_at FROM state.client_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?');
  const selectItems = s.prepare(
    `SELECT connection_id, remote_id, name, state, error_code, error FROM state.client_job_items WHERE job_id = ?
      ORDER BY CASE state WHEN 'failed' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END, seq LIMIT ?`,
  );

  return {
    create(action, clients, at) {
      const id = randomUUID();
      db.transaction(() => {
        insertJob.run(id, action, clients.length, at, at);
        clients.forEach((c, seq) => insertItem.run(id, seq, c.connectionId, c.remoteId, c.name));
      });
      return id;
    },
    row(jobId) {
      const row = selectJob.get(jobId) as ClientJobRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No such bulk change.');
      return row;
    },
    setState(jobId, state, at) {
      updateJob.run(state, at, state, at, jobId);
    },
    counts(jobId) {
      const out: Record<ClientJobItemState, number> = { waiting: 0, done: 0, queued: 0, failed: 0, cancelled: 0 };
      for (const r of countItems.all(jobId) as Array<{ state: ClientJobItemState; n: number }>) out[r.state] = r.n;
      return out;
    },
    waiting(jobId) {
      return (selectWaiting.all(jobId) as Array<{ seq: number; connection_id: string; remote_id: string }>).map((r) => ({
        seq: r.seq,
        connectionId: r.connection_id,
        remoteId: r.remote_id,
      }));
    },
    mark(jobId, seq, state, error, at) {
      updateItem.run(state, error?.code ?? null, error?.message ?? null, at, jobId, seq);
    },
    cancelWaiting(jobId, at) {
      cancelItems.run(at, jobId);
    },
    pauseRunning(at) {
      return pauseJobs.run(at).changes;
    },
    list(limit) {
      return listJobs.all(limit) as ClientJobRow[];
    },
    items(jobId, limit) {
      return (selectItems.all(jobId, limit) as ItemRow[]).map((r) => ({
        connectionId: r.connection_id,
        remoteId: r.remote_id,
        name: r.name,
        state: r.state,
        errorCode: r.error_code,
        error: r.error,
      }));
    },
  };
}
