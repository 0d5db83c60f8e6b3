import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../../shared/errors';
import { durably } from './journal';
import type { KeyJournal } from './journal';
import { errorShape, nowIso } from './deps';
import { refuseUnkeptKey } from './keep-guard';
import type { JobProgress, KeyDeps } from './deps';
import type { KeyStore } from './key-store';
import type { Rotator } from './rotation';

export const MAX_CONCURRENCY = 8;
export type JobState = JobProgress['state'];
export type ItemState = 'queued' | 'done' | 'failed' | 'unknown' | 'cancelled';

export interface BulkPreview {
  connectionId: string;
  clients: Array<{ clientUid: string; fingerprint: string; ageDays: number | null }>;
  skipped: Array<{ clientUid: string; reason: 'no-key' | 'rotation-to-confirm' }>;
}

export interface JobItem {
  clientUid: string;
  state: ItemState;
  oldFingerprint: string | null;
  newFingerprint: string | null;
  errorCode: string | null;
  error: string | null;
}

export interface JobSummary extends JobProgress {
  concurrency: number;
  createdAt: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  connection_id: string;
  state: JobState;
  concurrency: number;
  total: number;
  created_at: string;
  finished_at: string | null;
}

export interface BulkRotation {
  preview(connectionId: string, clientUids: string[] | 'all'): Promise<BulkPreview>;
  start(connectionId: string, clientUids: string[] | 'all', concurrency?: number): Promise<JobSummary>;
  cancel(jobId: string): JobSummary;
  resume(jobId: string): JobSummary;
  /** Marks jobs left running by a previous process as paused (called at core start). */
  pauseInterrupted(): number;
  jobs(connectionId?: string): JobSummary[];
  job(jobId: string): JobSummary & { items: JobItem[] };
  /** Resolves when the job's runner in this process has stopped (tests, bench). */
  settled(jobId: string): Promise<void>;
  /** Stops every runner after its in-flight items (app shutdown); the jobs stay resumable (paused). */
  stopAll(): Promise<void>;
}

export function createBulkRotation(deps: KeyDeps, store: KeyStore, journal: KeyJournal, rotator: Rotator): BulkRotation {
  const s = deps.db.sqlite;
  const runners = new Map<string, { cancelled: boolean; stopping: boolean; done: Promise<void> }>();
  const rates = new Map<string, { startedAt: number; completed: number; finishedAt?: number }>();

  function counts(jobId: string): Record<ItemState, number> {
    const rows = s.prepare('SELECT state, COUNT(*) AS n FROM rotation_job_items WHERE job_id = ? GROUP BY state').all(jobId) as Array<{ state: ItemState; n: number }>;
    const out: Record<ItemState, number> = { queued: 0, done: 0, failed: 0, unknown: 0, cancelled: 0 };
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  function summary(row: JobRow): JobSummary {
    const c = counts(row.id);
    const rate = rates.get(row.id);
    const elapsed = rate ? ((rate.finishedAt ?? Date.now()) - rate.startedAt) / 1000 : 0;
    return {
      jobId: row.id,
      connectionId: row.connection_id,
      state: row.state,
      total: row.total,
      done: c.done,
      failed: c.failed + c.cancelled,
      unknown: c.unknown,
      remaining: c.queued,
      ratePerSecond: rate && elapsed > 0 ? Math.round((rate.completed / elapsed) * 10) / 10 : 0,
      concurrency: row.concurrency,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  function jobRow(jobId: string): JobRow {
    const row = s.prepare('SELECT * FROM rotation_jobs WHERE id = ?').get(jobId) as JobRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such rotation job.');
    return row;
  }

  function setJobState(jobId: string, state: JobState): void {
    const at = nowIso(deps);
    durably(deps.db, () =>
      s.prepare(`UPDATE rotation_jobs SET state = ?, updated_at = ?, finished_at = CASE WHEN ? IN ('done', 'cancelled') THEN ? ELSE NULL END WHERE id = ?`).run(state, at, state, at, jobId),
    );
  }

  const updateItem = s.prepare(
    'UPDATE rotation_job_items SET state = ?, old_fingerprint = ?, new_fingerprint = ?, error_code = ?, error = ?, updated_at = ? WHERE job_id = ? AND client_uid = ?',
  );

  async function preview(connectionId: string, clientUids: string[] | 'all'): Promise<BulkPreview> {
    const uids = clientUids === 'all' ? await store.clients(connectionId) : [...new Set(clientUids)];
    const out: BulkPreview = { connectionId, clients: [], skipped: [] };
    for (const uid of uids) {
      const e = await store.entry(connectionId, uid);
      if (e.hasPending || journal.open({ connectionId, clientUid: uid }).length > 0) out.skipped.push({ clientUid: uid, reason: 'rotation-to-confirm' });
      else if (!e.fingerprint) out.skipped.push({ clientUid: uid, reason: 'no-key' });
      else out.clients.push({ clientUid: uid, fingerprint: e.fingerprint, ageDays: e.ageDays });
    }
    return out;
  }

  function emit(jobId: string, force = false, last = { at: 0 }): void {
    const now = Date.now();
    if (!force && now - last.at < 100) return;
    last.at = now;
    const { concurrency: _c, createdAt: _a, finishedAt: _f, ...progress } = summary(jobRow(jobId));
    deps.emitProgress?.(progress);
  }

  async function processItem(jobId: string, connectionId: string, clientUid: string): Promise<void> {
    const at = () => nowIso(deps);
    try {
      // Resumed after a crash: a rotation of this job may already be journalled for this client.
      const prior = journal.list({ connectionId, clientUid, limit: 5 }).find((r) => r.jobId === jobId);
      if (prior && (prior.step === 'pending' || prior.step === 'unknown')) await rotator.recoverClient(connectionId, clientUid);
      const settled = prior ? journal.get(prior.id) : null;
      if (settled?.step === 'committed') {
        updateItem.run('done', settled.oldFingerprint, settled.newFingerprint, null, null, at(), jobId, clientUid);
        return;
      }
      const r = await rotator.rotate(connectionId, clientUid, { jobId });
      const state: ItemState = r.outcome === 'committed' ? 'done' : r.outcome === 'aborted' ? 'failed' : 'unknown';
      updateItem.run(state, r.oldFingerprint, r.newFingerprint, r.error?.code ?? null, r.error?.message ?? null, at(), jobId, clientUid);
    } catch (err) {
      const e = errorShape(err);
      const state: ItemState = e.code === 'CONFLICT' ? 'unknown' : 'failed';
      updateItem.run(state, null, null, e.code, e.message, at(), jobId, clientUid);
    }
  }

  function run(jobId: string): void {
    if (runners.has(jobId)) return;
    const row = jobRow(jobId);
    const control = { cancelled: false, stopping: false, done: Promise.resolve() };
    const queue = (s.prepare(`SELECT client_uid FROM rotation_job_items WHERE job_id = ? AND state = 'queued' ORDER BY rowid`).all(jobId) as Array<{ client_uid: string }>).map(
      (r) => r.client_uid,
    );
    rates.set(jobId, { startedAt: Date.now(), completed: 0 });
    const last = { at: 0 };
    const worker = async () => {
      for (let uid = queue.shift(); uid !== undefined && !control.cancelled && !control.stopping; uid = queue.shift()) {
        await processItem(jobId, row.connection_id, uid);
        const rate = rates.get(jobId);
        if (rate) rate.completed++;
        emit(jobId, false, last);
      }
    };
    const width = Math.min(Math.max(row.concurrency, 1), MAX_CONCURRENCY);
    control.done = Promise.all(Array.from({ length: width }, worker)).then(() => {
      const rate = rates.get(jobId);
      if (rate) rate.finishedAt = Date.now();
      if (control.stopping && !control.cancelled) {
        setJobState(jobId, 'paused');
        runners.delete(jobId);
        return;
      }
      if (control.cancelled) {
        s.prepare(`UPDATE rotation_job_items SET state = 'cancelled', updated_at = ? WHERE job_id = ? AND state = 'queued'`).run(nowIso(deps), jobId);
        setJobState(jobId, 'cancelled');
      } else setJobState(jobId, 'done');
      runners.delete(jobId);
      emit(jobId, true);
      deps.audit?.({ action: 'key.bulkRotate', connectionId: row.connection_id, clientUid: null, outcome: control.cancelled ? 'refused' : 'ok', detail: jobId });
    });
    runners.set(jobId, control);
  }

  return {
    preview,
    async start(connectionId, clientUids, concurrency = 4) {
      refuseUnkeptKey(deps);
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) throw new AppError('VALIDATION', `Concurrency must be between 1 and ${MAX_CONCURRENCY}.`);
      const plan = await preview(connectionId, clientUids);
      if (plan.clients.length === 0) throw new AppError('VALIDATION', 'None of the selected clients can be rotated (see the preview).');
      const id = randomUUID();
      const at = nowIso(deps);
      durably(deps.db, () =>
        deps.db.transaction(() => {
          s.prepare(`INSERT INTO rotation_jobs (id, connection_id, state, concurrency, total, created_at, updated_at) VALUES (?, ?, 'running', ?, ?, ?, ?)`).run(
            id, connectionId, concurrency, plan.clients.length, at, at,
          );
          const add = s.prepare(`INSERT INTO rotation_job_items (job_id, client_uid, state, old_fingerprint) VALUES (?, ?, 'queued', ?)`);
          for (const c of plan.clients) add.run(id, c.clientUid, c.fingerprint);
        }),
      );
      run(id);
      return summary(jobRow(id));
    },
    cancel(jobId) {
      const row = jobRow(jobId);
      const runner = runners.get(jobId);
      if (runner) runner.cancelled = true;
      else if (row.state === 'running' || row.state === 'paused') {
        s.prepare(`UPDATE rotation_job_items SET state = 'cancelled', updated_at = ? WHERE job_id = ? AND state = 'queued'`).run(nowIso(deps), jobId);
        setJobState(jobId, 'cancelled');
      }
      return summary(jobRow(jobId));
    },
    resume(jobId) {
      const row = jobRow(jobId);
      refuseUnkeptKey(deps);
      if (row.state === 'done' || row.state === 'cancelled') throw new AppError('CONFLICT', `This job is ${row.state}; start a new one.`);
      if (!runners.has(jobId)) {
        setJobState(jobId, 'running');
        run(jobId);
      }
      return summary(jobRow(jobId));
    },
    pauseInterrupted() {
      const res = s.prepare(`UPDATE rotation_jobs SET state = 'paused', updated_at = ? WHERE state = 'running'`).run(nowIso(deps));
      return res.changes;
    },
    jobs(connectionId) {
      const rows = (connectionId
        ? s.prepare('SELECT * FROM rotation_jobs WHERE connection_id = ? ORDER BY created_at DESC LIMIT 100').all(connectionId)
        : s.prepare('SELECT * FROM rotation_jobs ORDER BY created_at DESC LIMIT 100').all()) as JobRow[];
      return rows.map(summary);
    },
    job(jobId) {
      const items = (s.prepare('SELECT * FROM rotation_job_items WHERE job_id = ? ORDER BY rowid').all(jobId) as Array<Record<string, string | null>>).map((r) => ({
        clientUid: String(r.client_uid),
        state: r.state as ItemState,
        oldFingerprint: r.old_fingerprint ?? null,
        newFingerprint: r.new_fingerprint ?? null,
        errorCode: r.error_code ?? null,
        error: r.error ?? null,
      }));
      return { ...summary(jobRow(jobId)), items };
    },
    async settled(jobId) {
      await runners.get(jobId)?.done;
    },
    async stopAll() {
      const all = [...runners.values()];
      for (const r of all) r.stopping = true;
      await Promise.all(all.map((r) => r.done));
    },
  };
}
