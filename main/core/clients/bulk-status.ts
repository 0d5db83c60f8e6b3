import { AppError, isAppError } from '../../../shared/errors';
import type { Capability } from '../../../shared/domain';
import type { BulkStatusAction, ClientJobDetail, ClientJobProgress, ClientJobSummary, ClientsBulkPreview, clientSelectionSchema } from '../../../shared/schemas/client-jobs';
import type { ClientReads } from '../cache/clients/client-reads';
import type { AuditLog } from '../audit/audit-log';
import type { ClientJobRow, ClientJobStore } from './job-store';
import type { SetActive } from './set-active';
import { resolveSelection } from './selection';
import type { SelectedClient } from './selection';
import type { z } from 'zod';

type Selection = z.output<typeof clientSelectionSchema>;

export interface BulkStatusDeps {
  store: ClientJobStore;
  reads: ClientReads;
  /** The connections that exist now; a client of any other is never changed. */
  connectionIds(): string[];
  /** The capabilities of a connection's provider descriptor. */
  capabilities(connectionId: string): readonly Capability[];
  setActive: SetActive;
  audit: Pick<AuditLog, 'append'>;
  emit(progress: ClientJobProgress): void;
  /** Clients changed at once (each connection's request limiter still applies). */
  concurrency?: number;
  now?: () => Date;
}

export interface BulkStatusService {
  preview(action: BulkStatusAction, selection: Selection): ClientsBulkPreview;
  start(action: BulkStatusAction, selection: Selection): ClientJobSummary;
  /** A running job stops after the changes in flight and can be resumed; a paused one is cancelled for good. */
  cancel(jobId: string): ClientJobSummary;
  resume(jobId: string): ClientJobSummary;
  job(jobId: string): ClientJobDetail;
  jobs(): ClientJobSummary[];
  /** Jobs a previous process left running become paused (called once at start). */
  pauseInterrupted(): number;
  /** Resolves when the job's runner in this process has stopped. */
  settled(jobId: string): Promise<void>;
  /** Stops every runner after its changes in flight (quit); the jobs stay resumable. */
  stopAll(): Promise<void>;
}

const SAMPLE = 20;
const RESULT_ITEMS = 1000;
const EMIT_EVERY_MS = 100;

interface Runner {
  stop: 'no' | 'pause';
  done: Promise<void>;
  startedAt: number;
  completed: number;
  finishedAt?: number;
}

export function createBulkStatusService(deps: BulkStatusDeps): BulkStatusService {
  const { store } = deps;
  const runners = new Map<string, Runner>();
  const rates = new Map<string, Runner>();
  const at = () => (deps.now?.() ?? new Date()).toISOString();
  const wanted = (action: BulkStatusAction) => (action === 'activate' ? 'active' : 'inactive');

  function plan(action: BulkStatusAction, selection: Selection) {
    const { clients, notFound } = resolveSelection(deps.reads, selection, new Set(deps.connectionIds()));
    const capable = new Map<string, boolean>();
    const can = (id: string) => capable.get(id) ?? capable.set(id, deps.capabilities(id).includes(action)).get(id)!;
    const change: SelectedClient[] = [];
    const counts = { alreadyInState: 0, pendingInOutbox: 0, unsupported: 0 };
    for (const c of clients) {
      if (!can(c.connectionId)) counts.unsupported++;
      else if (c.pending) counts.pendingInOutbox++;
      else if (c.status === wanted(action)) counts.alreadyInState++;
      else change.push(c);
    }
    return { change, preview: { action, selected: clients.length, change: change.length, ...counts, notFound, sample: change.slice(0, SAMPLE).map(({ connectionId, remoteId, name }) => ({ connectionId, remoteId, name })) } };
  }

  function progress(row: ClientJobRow): ClientJobProgress {
    const c = store.counts(row.id);
    const rate = rates.get(row.id);
    const seconds = rate ? ((rate.finishedAt ?? Date.now()) - rate.startedAt) / 1000 : 0;
    return {
      jobId: row.id,
      action: row.action,
      state: row.state,
      total: row.total,
      done: c.done,
      queued: c.queued,
      failed: c.failed,
      cancelled: c.cancelled,
      remaining: c.waiting,
      ratePerSecond: rate && seconds > 0 ? Math.round((rate.completed / seconds) * 10) / 10 : 0,
    };
  }
  const summary = (row: ClientJobRow): ClientJobSummary => ({ ...progress(row), createdAt: row.created_at, finishedAt: row.finished_at });

  /** One client, the way a single change goes; an unreachable server leaves it queued in the outbox. */
  async function changeOne(jobId: string, action: BulkStatusAction, item: { seq: number; connectionId: string; remoteId: string }) {
    try {
      await deps.setActive(item.connectionId, item.remoteId, action === 'activate');
      store.mark(jobId, item.seq, 'done', null, at());
    } catch (err) {
      if (isAppError(err) && err.code === 'OFFLINE' && err.details?.queued) store.mark(jobId, item.seq, 'queued', null, at());
      else store.mark(jobId, item.seq, 'failed', { code: isAppError(err) ? err.code : 'INTERNAL', message: isAppError(err) ? err.message : 'Unexpected error.' }, at());
    }
  }

  function finish(jobId: string, runner: Runner) {
    runner.finishedAt = Date.now();
    runners.delete(jobId);
    const row = store.row(jobId);
    const c = store.counts(jobId);
    store.setState(jobId, runner.stop === 'pause' || c.waiting > 0 ? 'paused' : 'done', at());
    const verb = row.action === 'activate' ? 'Activate' : 'Deactivate';
    deps.audit.append({
      action: 'clients.bulkSetActive',
      outcome: c.failed > 0 ? 'failed' : 'ok',
      summary: `${verb} ${row.total} clients: ${c.done} done, ${c.queued} queued offline, ${c.failed} failed, ${c.waiting + c.cancelled} not sent`,
    });
    deps.emit(progress(store.row(jobId)));
  }

  function run(jobId: string): void {
    if (runners.has(jobId)) return;
    const { action } = store.row(jobId);
    const queue = store.waiting(jobId);
    const runner: Runner = { stop: 'no', done: Promise.resolve(), startedAt: Date.now(), completed: 0 };
    let lastEmit = 0;
    const worker = async () => {
      for (let item = queue.shift(); item && runner.stop === 'no'; item = queue.shift()) {
        await changeOne(jobId, action, item);
        runner.completed++;
        if (Date.now() - lastEmit >= EMIT_EVERY_MS) {
          lastEmit = Date.now();
          deps.emit(progress(store.row(jobId)));
        }
      }
    };
    runners.set(jobId, runner);
    rates.set(jobId, runner);
    const width = Math.max(1, Math.min(deps.concurrency ?? 4, 8));
    runner.done = Promise.all(Array.from({ length: width }, worker)).then(() => finish(jobId, runner));
  }

  return {
    preview: (action, selection) => plan(action, selection).preview,
    start(action, selection) {
      const { change } = plan(action, selection);
      if (change.length === 0) throw new AppError('VALIDATION', 'None of the selected clients would change (see the preview).');
      const jobId = store.create(action, change, at());
      run(jobId);
      return summary(store.row(jobId));
    },
    cancel(jobId) {
      const row = store.row(jobId);
      const runner = runners.get(jobId);
      if (runner) runner.stop = 'pause';
      else if (row.state === 'paused' || row.state === 'running') {
        store.cancelWaiting(jobId, at());
        store.setState(jobId, 'cancelled', at());
        deps.emit(progress(store.row(jobId)));
      }
      return summary(store.row(jobId));
    },
    resume(jobId) {
      const row = store.row(jobId);
      if (row.state === 'done' || row.state === 'cancelled') throw new AppError('CONFLICT', `This bulk change is ${row.state}; start a new one.`);
      if (!runners.has(jobId)) {
        store.setState(jobId, 'running', at());
        run(jobId);
      }
      return summary(store.row(jobId));
    },
    job(jobId) {
      const row = store.row(jobId);
      return { ...summary(row), items: store.items(jobId, RESULT_ITEMS), itemsTotal: row.total };
    },
    jobs: () => store.list(50).map(summary),
    pauseInterrupted: () => store.pauseRunning(at()),
    async settled(jobId) {
      await runners.get(jobId)?.done;
    },
    async stopAll() {
      const all = [...runners.values()];
      for (const r of all) r.stop = 'pause';
      await Promise.all(all.map((r) => r.done));
    },
  };
}
