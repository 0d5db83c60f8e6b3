import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../../../../main/core/cache/database';
import { MIGRATIONS, STATE_MIGRATIONS } from '../../../../../main/core/cache/migrations';
import { STATE_TABLES, migration0090 } from '../../../../../main/core/cache/migrations/0090-state-moved-out';
import { tempDb } from './temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function atVersion(version: number) {
  const t = tempDb({ targetVersion: version });
  cleanups.push(t.cleanup);
  expect(t.db.version()).toBe(version);
  return t;
}

function insertClient(sqlite: Database.Database, remoteId: string, name: string): void {
  sqlite
    .prepare(
      `INSERT INTO clients (connection_id, remote_id, name, identifier, description, status, extra_json, content_hash, synced_at)
       VALUES ('conn', ?, ?, '12345678901234', 'Client à Lyon', 'active', '{}', 'h', '2025-01-01T00:00:00Z')`,
    )
    .run(remoteId, name);
}

describe('migrations', () => {
  it('are numbered in steps of 10, in order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.slice(0, 8)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    versions.forEach((v, i) => {
      expect(v % 10).toBe(0);
      expect(v).toBeGreaterThan(versions[i - 1] ?? 0);
    });
  });

  it('0010 → 0020: cached clients survive, gain seen_walk, and stay searchable', () => {
    const { db } = atVersion(10);
    insertClient(db.sqlite, 'a', 'Boulangerie Dupont');
    insertClient(db.sqlite, 'b', 'Garage Martin');
    expect(migrate(db.sqlite, MIGRATIONS, 20)).toBe(20);
    const rows = db.sqlite.prepare('SELECT remote_id, name, seen_walk FROM clients ORDER BY remote_id').all();
    expect(rows).toEqual([
      { remote_id: 'a', name: 'Boulangerie Dupont', seen_walk: null },
      { remote_id: 'b', name: 'Garage Martin', seen_walk: null },
    ]);
    expect(db.sqlite.prepare(`SELECT rowid FROM clients_fts WHERE clients_fts MATCH '"boul"*'`).all()).toHaveLength(1);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 });
  });

  it('0020 → 0030: sync state survives; the outbox table appears', () => {
    const { db } = atVersion(20);
    insertClient(db.sqlite, 'a', 'Atelier Moreau');
    db.sqlite.prepare(`INSERT INTO sync_state (connection_id, last_completed_at) VALUES ('conn', '2025-02-02T00:00:00Z')`).run();
    expect(migrate(db.sqlite, MIGRATIONS, 30)).toBe(30);
    expect(db.sqlite.prepare('SELECT last_completed_at FROM sync_state').get()).toEqual({ last_completed_at: '2025-02-02T00:00:00Z' });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('0030 → 0040: queued writes survive; the audit log appears', () => {
    const { db } = atVersion(30);
    db.sqlite
      .prepare(
        `INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at)
         VALUES ('conn', 'a', 'activate', '{}', 'now', 'now')`,
      )
      .run();
    expect(migrate(db.sqlite, MIGRATIONS, 40)).toBe(40);
    expect(db.sqlite.prepare('SELECT action, state FROM outbox').get()).toEqual({ action: 'activate', state: 'queued' });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('0040 → 0050: the audit log survives; the key journal and rotation job tables appear', () => {
    const { db } = atVersion(40);
    insertClient(db.sqlite, 'a', 'Garage Martin');
    db.sqlite
      .prepare(
        `INSERT INTO audit_log (at, connection_id, client_id, action, outcome, summary, prev_hash, hash)
         VALUES ('2025-03-03T00:00:00Z', 'conn', 'a', 'client.update', 'ok', 'renamed', '', 'h1')`,
      )
      .run();
    expect(migrate(db.sqlite, MIGRATIONS, 50)).toBe(50);
    expect(db.sqlite.prepare('SELECT action, hash FROM audit_log').get()).toEqual({ action: 'client.update', hash: 'h1' });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    for (const table of ['key_journal', 'rotation_jobs', 'rotation_job_items']) {
      expect(db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  });

  it('0050 → 0060: the key journal survives; client_keys appears (fingerprints and dates only)', () => {
    const { db } = atVersion(50);
    insertClient(db.sqlite, 'a', 'Atelier Moreau');
    db.sqlite
      .prepare(
        `INSERT INTO key_journal (connection_id, client_uid, step, old_fingerprint, new_fingerprint, started_at, updated_at)
         VALUES ('conn', 'a', 'committed', 'aaaa', 'bbbb', 'now', 'now')`,
      )
      .run();
    expect(migrate(db.sqlite, MIGRATIONS, 60)).toBe(60);
    expect(db.sqlite.prepare('SELECT step, new_fingerprint FROM key_journal').get()).toEqual({ step: 'committed', new_fingerprint: 'bbbb' });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 1 });
    const columns = (db.sqlite.prepare('PRAGMA table_info(client_keys)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['connection_id', 'client_uid', 'fingerprint', 'created_at']);
    db.sqlite.prepare(`INSERT INTO client_keys VALUES ('conn', 'a', 'bbbb', '2025-01-01T00:00:00.000Z')`).run();
    expect(() => db.sqlite.prepare(`INSERT INTO client_keys VALUES ('conn', 'a', 'cccc', NULL)`).run()).toThrow(/UNIQUE|PRIMARY/);
  });

  it('0060 → 0070: the FTS triggers go, the index is rebuilt over the live rows only, searches still match', () => {
    const { db } = atVersion(60);
    insertClient(db.sqlite, 'a', 'Boulangerie Dupont');
    insertClient(db.sqlite, 'b', 'Boucherie Martin');
    db.sqlite.prepare(`UPDATE clients SET removed_at = '2025-04-04T00:00:00Z' WHERE remote_id = 'b'`).run();
    expect(migrate(db.sqlite, MIGRATIONS, 70)).toBe(70);
    const triggers = db.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).all();
    expect(triggers).toEqual([]);
    const match = (q: string) => db.sqlite.prepare(`SELECT c.remote_id FROM clients_fts f JOIN clients c ON c.id = f.rowid WHERE clients_fts MATCH ?`).all(q);
    expect(match('"bou"*')).toEqual([{ remote_id: 'a' }]);
    expect(match('"ly"*')).toEqual([{ remote_id: 'a' }]); // the two-letter prefix index
    expect(match('name : ("dupont"*)')).toEqual([{ remote_id: 'a' }]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });
    const sql = (db.sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'clients_fts'`).get() as { sql: string }).sql;
    expect(sql).toMatch(/prefix = '2'/);
  });

  it('0070 → 0080: every row gets its name key, and the three name indexes sort by it (accents and case aside)', () => {
    const { db } = atVersion(70);
    insertClient(db.sqlite, 'a', 'Épicerie  Guérin');
    insertClient(db.sqlite, 'b', 'zoé Martin');
    insertClient(db.sqlite, 'c', 'Fromagerie Roux');
    insertClient(db.sqlite, 'd', 'epicerie Dupont');
    expect(migrate(db.sqlite, MIGRATIONS, 80)).toBe(80);
    const keys = db.sqlite.prepare('SELECT remote_id, name_key FROM clients ORDER BY remote_id').all();
    expect(keys).toEqual([
      { remote_id: 'a', name_key: 'epicerie guerin' },
      { remote_id: 'b', name_key: 'zoe martin' },
      { remote_id: 'c', name_key: 'fromagerie roux' },
      { remote_id: 'd', name_key: 'epicerie dupont' },
    ]);
    const indexed = db.sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql LIKE '%name%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
    expect(indexed.map((i) => i.name)).toEqual(['clients_by_conn_name', 'clients_by_name', 'clients_by_status']);
    for (const index of indexed) expect(index.sql).toMatch(/name_key, id\) WHERE removed_at IS NULL/);
    const byName = db.sqlite.prepare('SELECT remote_id FROM clients INDEXED BY clients_by_name WHERE removed_at IS NULL ORDER BY name_key, id').all();
    expect(byName).toEqual([{ remote_id: 'd' }, { remote_id: 'a' }, { remote_id: 'c' }, { remote_id: 'b' }]);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('0080 → 0090: outbox, audit log, key journal, jobs and key fingerprints move to state.sqlite row for row; clients stay', () => {
    const { db } = atVersion(80);
    const s = db.sqlite;
    insertClient(s, 'a', 'Garage Martin');
    s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, sealed_secret, created_at, updated_at) VALUES ('conn', 'a', 'pdp.update', '{"x":1}', 'cd2.sealed', 't', 't')`).run();
    s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, state, created_at, updated_at) VALUES ('conn', 'a', 'update', '{}', 'conflict', 't', 't')`).run();
    s.prepare(`INSERT INTO audit_log (at, action, outcome, summary, prev_hash, hash) VALUES ('t', 'client.update', 'ok', 'renamed', '', 'h1')`).run();
    s.prepare(`INSERT INTO key_journal (connection_id, client_uid, step, new_fingerprint, started_at, updated_at) VALUES ('conn', 'a', 'unknown', 'bbbb', 't', 't')`).run();
    s.prepare(`INSERT INTO rotation_jobs VALUES ('job1', 'conn', 'paused', 4, 10, 't', 't', NULL)`).run();
    s.prepare(`INSERT INTO rotation_job_items (job_id, client_uid, state) VALUES ('job1', 'a', 'queued')`).run();
    s.prepare(`INSERT INTO client_keys VALUES ('conn', 'a', 'bbbb', '2025-01-01T00:00:00.000Z')`).run();
    const before = Object.fromEntries(STATE_TABLES.map((t) => [t, s.prepare(`SELECT * FROM main.${t}`).all()]));
    // A crash after the copy and before the drop runs the copy again on the next start: nothing doubles.
    migration0090.before?.(s);

    expect(migrate(s, MIGRATIONS, 90)).toBe(90);
    for (const table of STATE_TABLES) {
      expect(s.prepare(`SELECT count(*) AS n FROM main.sqlite_schema WHERE name = ?`).get(table), table).toEqual({ n: 0 });
      expect(s.prepare(`SELECT * FROM state.${table}`).all(), table).toEqual(before[table]);
    }
    expect(s.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Garage Martin' }]);
    const next = s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at) VALUES ('c', 'b', 'update', '{}', 't', 't') RETURNING id`).get();
    expect(next).toEqual({ id: 3 });
    expect(s.pragma('state.synchronous', { simple: true })).toBe(2); // FULL
    expect(s.pragma('state.journal_mode', { simple: true })).toBe('wal');
    expect(db.stateVersion()).toBe(STATE_MIGRATIONS.at(-1)!.version);
  });

  it('state 0010 → 0020: outbox and audit rows stay; the directory credentials and rebuild history tables appear', () => {
    const t = tempDb({ stateMigrations: STATE_MIGRATIONS.filter((m) => m.version <= 10) });
    cleanups.push(t.cleanup);
    const s = t.db.sqlite;
    expect(t.db.stateVersion()).toBe(10);
    s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at) VALUES ('conn', 'a', 'update', '{}', 't', 't')`).run();
    s.prepare(`INSERT INTO audit_log (at, action, outcome, summary, prev_hash, hash) VALUES ('t', 'client.update', 'ok', 'renamed', '', 'h1')`).run();
    const before = { outbox: s.prepare('SELECT * FROM outbox').all(), audit: s.prepare('SELECT * FROM audit_log').all() };

    expect(migrate(s, STATE_MIGRATIONS.filter((m) => m.version <= 20), undefined, 'state')).toBe(20);
    expect({ outbox: s.prepare('SELECT * FROM outbox').all(), audit: s.prepare('SELECT * FROM audit_log').all() }).toEqual(before);
    s.prepare(`INSERT INTO directory_credentials (connection_id, certificate_pem, authenticated_at) VALUES ('dir', 'PEM', 't')`).run();
    const insert = s.prepare(
      `INSERT INTO directory_rebuilds (connection_id, started_at, filters_json, outcome, duration_ms, attempts) VALUES ('dir', 't', '{}', ?, 5, 1)`,
    );
    insert.run('ok');
    expect(() => insert.run('maybe')).toThrow(/CHECK/);
    expect(s.prepare('SELECT connection_id, outcome, errors_json, incremental FROM state.directory_rebuilds').all()).toEqual([
      { connection_id: 'dir', outcome: 'ok', errors_json: '[]', incremental: 0 },
    ]);
    expect(t.db.stateVersion()).toBe(20);
  });

  it('a failing migration rolls back entirely and leaves the version where it was', () => {
    const { db } = atVersion(10);
    const broken = [
      ...MIGRATIONS.filter((m) => m.version <= 10),
      { version: 20, name: 'broken', up: (s: Database.Database) => s.exec('CREATE TABLE half (x); SELECT * FROM missing_table;') },
    ];
    expect(() => migrate(db.sqlite, broken)).toThrow();
    expect(db.version()).toBe(10);
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).get()).toEqual({ n: 0 });
  });

  it('refuses a cache written by a newer version', () => {
    const t = tempDb();
    t.db.sqlite.pragma('user_version = 9990');
    t.db.close();
    expect(() => openDatabase(t.file)).toThrow(/newer Clientdesk/);
    cleanups.push(t.cleanup);
  });
});
