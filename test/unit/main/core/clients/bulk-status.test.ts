import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import type { Capability, ClientRecord } from '../../../../../shared/domain';
import type { ClientJobProgress, ClientSelection } from '../../../../../shared/schemas/client-jobs';
import { clientSelectionSchema } from '../../../../../shared/schemas/client-jobs';
import { readDb, writeDb } from '../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import { createBulkStatusService } from '../../../../../main/core/clients/bulk-status';
import type { BulkStatusService } from '../../../../../main/core/clients/bulk-status';
import { createClientJobStore } from '../../../../../main/core/clients/job-store';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { tempDb } from '../cache/temp-db';

/**
 * The bulk status service over a real SQLite cache and state file. The per-client change is the one seam: it
 * answers as the write-through does (done, OFFLINE + queued, or an error), scripted per client.
 */
const A = 'conn-a';
const B = 'conn-b'; // can deactivate only
const client = (connectionId: string, remoteId: string, name: string, status: ClientRecord['status']): ClientRecord => ({
  connectionId, remoteId, name, status, identifier: null, description: null, createdAt: null, updatedAt: null, extra: {},
});

let t: ReturnType<typeof tempDb>;
let db: CacheDb;
let service: BulkStatusService;
let calls: string[];
let progress: ClientJobProgress[];
let audits: Array<{ action: string; outcome: string; summary: string }>;
let answer: (remoteId: string) => Promise<void>;

function open(): BulkStatusService {
  return createBulkStatusService({
    store: createClientJobStore(db),
    reads: createClientReads(readDb(db)),
    connectionIds: () => [A, B],
    capabilities: (id): Capability[] => (id === A ? ['activate', 'deactivate'] : ['deactivate']),
    setActive: async (connectionId, remoteId, active) => {
      calls.push(`${connectionId}/${remoteId}/${active ? 'on' : 'off'}`);
      await answer(remoteId);
      return { status: active ? 'active' : 'inactive', message: 'ok' };
    },
    audit: { append: (e) => (audits.push({ action: e.action, outcome: e.outcome, summary: e.summary }), { id: audits.length }) as never },
    emit: (p) => progress.push(p),
    concurrency: 2,
  });
}
const select = (s: ClientSelection) => clientSelectionSchema.parse(s);

beforeEach(() => {
  t = tempDb();
  db = t.db;
  const writes = createClientWrites(writeDb(db));
  const at = new Date().toISOString();
  writes.upsertPage(A, [
    client(A, 'a1', 'Boulangerie Dupont', 'active'),
    client(A, 'a2', 'Garage Martin', 'active'),
    client(A, 'a3', 'Pharmacie Lyon', 'inactive'),
    client(A, 'a4', 'Librairie Nantes', 'active'),
    client(A, 'a5', 'Atelier Brest', 'suspended'),
  ], null, at);
  writes.upsertPage(B, [client(B, 'b1', 'Boulangerie Roux', 'active'), client(B, 'b2', 'Studio Metz', 'inactive')], null, at);
  // a4 has an edit waiting in the outbox.
  db.sqlite.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at) VALUES (?, 'a4', 'update', '{}', 't', 't')`).run(A);
  calls = [];
  progress = [];
  audits = [];
  answer = async () => {};
  service = open();
});
afterEach(async () => {
  await service.stopAll();
  t.cleanup();
});

describe('preview', () => {
  it('deactivate all matching: counts what changes, what is already inactive, what waits in the outbox', () => {
    const preview = service.preview('deactivate', select({ kind: 'matching', filter: {}, except: [] }));
    expect(preview).toMatchObject({ selected: 7, change: 4, alreadyInState: 2, pendingInOutbox: 1, unsupported: 0, notFound: 0 });
    expect(preview.sample.map((c) => c.remoteId).sort()).toEqual(['a1', 'a2', 'a5', 'b1']);
  });

  it('activate: a connection without the capability is counted apart, never changed', () => {
    const preview = service.preview('activate', select({ kind: 'matching', filter: {}, except: [] }));
    expect(preview).toMatchObject({ selected: 7, change: 2, alreadyInState: 2, pendingInOutbox: 1, unsupported: 2 });
    expect(preview.sample.map((c) => c.remoteId).sort()).toEqual(['a3', 'a5']);
  });

  it('matching a search, except the rows the user unticked', () => {
    const preview = service.preview('deactivate', select({ kind: 'matching', filter: { query: 'boulangerie' }, except: [{ connectionId: B, remoteId: 'b1' }] }));
    expect(preview).toMatchObject({ selected: 1, change: 1 });
    expect(preview.sample).toEqual([{ connectionId: A, remoteId: 'a1', name: 'Boulangerie Dupont' }]);
    const scoped = service.preview('deactivate', select({ kind: 'matching', filter: { connectionIds: [B] }, except: [] }));
    expect(scoped).toMatchObject({ selected: 2, change: 1, alreadyInState: 1 });
  });

  it('picked ids the cache does not hold (or of an unknown connection) count as not found', () => {
    const preview = service.preview('deactivate', select({
      kind: 'picked',
      clients: [{ connectionId: A, remoteId: 'a1' }, { connectionId: A, remoteId: 'nope' }, { connectionId: 'conn-x', remoteId: 'a2' }, { connectionId: A, remoteId: 'a1' }],
    }));
    expect(preview).toMatchObject({ selected: 1, change: 1, notFound: 2 });
  });
});

describe('jobs', () => {
  it('changes each client, says queued for an offline one and why one failed, audits the job, and keeps the results', async () => {
    answer = async (remoteId) => {
      if (remoteId === 'a2') throw new AppError('OFFLINE', 'The server cannot be reached: the change is saved and will be sent when the connection is back.', { queued: true, outboxId: 7 });
      if (remoteId === 'b1') throw new AppError('NOT_FOUND', 'Client not found on the server.');
    };
    const started = service.start('deactivate', select({ kind: 'matching', filter: {}, except: [] }));
    expect(started).toMatchObject({ action: 'deactivate', state: 'running', total: 4 });
    await service.settled(started.jobId);
    expect(calls.sort()).toEqual([`${A}/a1/off`, `${A}/a2/off`, `${A}/a5/off`, `${B}/b1/off`]);
    const job = service.job(started.jobId);
    expect(job).toMatchObject({ state: 'done', total: 4, done: 2, queued: 1, failed: 1, remaining: 0, finishedAt: expect.any(String) });
    expect(job.items[0]).toEqual({ connectionId: B, remoteId: 'b1', name: 'Boulangerie Roux', state: 'failed', errorCode: 'NOT_FOUND', error: 'Client not found on the server.' });
    expect(job.items[1]).toMatchObject({ remoteId: 'a2', state: 'queued' });
    expect(audits).toEqual([{ action: 'clients.bulkSetActive', outcome: 'failed', summary: 'Deactivate 4 clients: 2 done, 1 queued offline, 1 failed, 0 not sent' }]);
    expect(progress.at(-1)).toMatchObject({ jobId: started.jobId, state: 'done', done: 2, queued: 1, failed: 1 });
    expect(service.jobs().map((j) => j.jobId)).toEqual([started.jobId]);
  });

  it('refuses to start when nothing would change', () => {
    expect(() => service.start('deactivate', select({ kind: 'picked', clients: [{ connectionId: A, remoteId: 'a3' }] }))).toThrow(/None of the selected clients would change/);
  });

  it('cancel pauses after the changes in flight; resume finishes; cancelling a paused job ends it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    answer = () => gate;
    const job = service.start('deactivate', select({ kind: 'matching', filter: { connectionIds: [A] }, except: [] }));
    expect(job.total).toBe(3);
    expect(service.cancel(job.jobId).state).toBe('running'); // still finishing the two in flight
    release();
    await service.settled(job.jobId);
    expect(service.job(job.jobId)).toMatchObject({ state: 'paused', done: 2, remaining: 1 });
    expect(calls).toHaveLength(2);

    service.resume(job.jobId);
    await service.settled(job.jobId);
    expect(service.job(job.jobId)).toMatchObject({ state: 'done', done: 3, remaining: 0 });
    expect(() => service.resume(job.jobId)).toThrow(/done/);

    const second = service.start('activate', select({ kind: 'picked', clients: [{ connectionId: A, remoteId: 'a3' }] }));
    await service.settled(second.jobId);
    expect(service.cancel(second.jobId).state).toBe('done');
  });

  it('a job left running by a previous process is paused at the next start and resumes from where it was', async () => {
    answer = () => new Promise(() => {}); // never answers: the process "dies" with the job running
    const job = service.start('deactivate', select({ kind: 'matching', filter: {}, except: [] }));
    db.sqlite.prepare(`UPDATE client_job_items SET state = 'done' WHERE job_id = ? AND seq = 0`).run(job.jobId);

    answer = async () => {};
    calls = [];
    const next = open();
    expect(next.pauseInterrupted()).toBe(1);
    expect(next.job(job.jobId)).toMatchObject({ state: 'paused', done: 1, remaining: 3 });
    next.resume(job.jobId);
    await next.settled(job.jobId);
    expect(next.job(job.jobId)).toMatchObject({ state: 'done', done: 4 });
    expect(calls).toHaveLength(3);
    const cancelled = next.start('activate', select({ kind: 'picked', clients: [{ connectionId: A, remoteId: 'a3' }] }));
    await next.settled(cancelled.jobId);
    service = next;
  });

  it('cancelling a paused job marks the clients not sent as cancelled', async () => {
    answer = () => new Promise(() => {});
    const job = service.start('deactivate', select({ kind: 'matching', filter: {}, except: [] }));
    const next = open();
    next.pauseInterrupted();
    expect(next.cancel(job.jobId)).toMatchObject({ state: 'cancelled', cancelled: 4, remaining: 0 });
    expect(() => next.resume(job.jobId)).toThrow(/cancelled/);
    service = next; // the first one's runner never ends: that process is gone
  });
});
