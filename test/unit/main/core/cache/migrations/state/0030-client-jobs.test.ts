import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../../main/core/cache/database';
import { STATE_MIGRATIONS } from '../../../../../../../main/core/cache/migrations';
import { tempDb } from '../../temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('state migration 0030: bulk client jobs', () => {
  it('20 → 30: rows of the earlier state tables stay; jobs and their clients can be stored, with checked states', () => {
    const t = tempDb({ stateMigrations: STATE_MIGRATIONS.filter((m) => m.version <= 20) });
    cleanups.push(t.cleanup);
    const s = t.db.sqlite;
    expect(t.db.stateVersion()).toBe(20);
    s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at) VALUES ('conn', 'a', 'deactivate', '{}', 't', 't')`).run();
    s.prepare(`INSERT INTO rotation_jobs VALUES ('job1', 'conn', 'paused', 4, 10, 't', 't', NULL)`).run();
    s.prepare(`INSERT INTO directory_credentials (connection_id, certificate_pem) VALUES ('dir', 'PEM')`).run();
    const before = ['outbox', 'rotation_jobs', 'directory_credentials'].map((table) => s.prepare(`SELECT * FROM state.${table}`).all());

    expect(migrate(s, STATE_MIGRATIONS.filter((m) => m.version <= 30), undefined, 'state')).toBe(30);
    expect(['outbox', 'rotation_jobs', 'directory_credentials'].map((table) => s.prepare(`SELECT * FROM state.${table}`).all())).toEqual(before);

    s.prepare(`INSERT INTO client_jobs (id, action, state, total, created_at, updated_at) VALUES ('j', 'deactivate', 'running', 2, 't', 't')`).run();
    const item = s.prepare(`INSERT INTO client_job_items (job_id, seq, connection_id, remote_id, name, state) VALUES ('j', ?, 'conn', ?, 'Garage Martin', ?)`);
    item.run(0, 'a', 'waiting');
    item.run(1, 'b', 'queued');
    expect(() => item.run(2, 'c', 'sent')).toThrow(/CHECK/);
    expect(() => s.prepare(`INSERT INTO client_jobs (id, action, state, total, created_at, updated_at) VALUES ('k', 'delete', 'running', 1, 't', 't')`).run()).toThrow(/CHECK/);
    expect(s.prepare(`SELECT remote_id, state FROM state.client_job_items WHERE job_id = 'j' ORDER BY seq`).all()).toEqual([
      { remote_id: 'a', state: 'waiting' },
      { remote_id: 'b', state: 'queued' },
    ]);
    expect(t.db.stateVersion()).toBe(30);
  });
});
