import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { openSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../../../main/core/cache/database';
import { MIGRATIONS } from '../../../../../main/core/cache/migrations';
import { openStores } from '../../../../../main/core/startup/open-stores';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const lines: string[] = [];
const log = (line: string) => void lines.push(line);

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-stores-'));
  dirs.push(dir);
  return dir;
}

/** A working cache and state, with one cached client and one queued edit. */
function seeded(dir: string): void {
  const db = openDatabase(join(dir, 'cache.sqlite'));
  db.sqlite
    .prepare(
      `INSERT INTO clients (connection_id, remote_id, name, status, extra_json, content_hash, synced_at, name_key)
       VALUES ('conn', 'a', 'Garage Martin', 'active', '{}', 'h', 'now', 'garage martin')`,
    )
    .run();
  db.sqlite.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, created_at, updated_at) VALUES ('conn', 'a', 'activate', '{}', 'now', 'now')`).run();
  db.close();
}

function overwrite(file: string, bytes: Buffer, at = 0): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

const damagedCopies = (dir: string, base: string) => readdirSync(dir).filter((n) => n.startsWith(`${base}.damaged-`));

describe('opening the cache and the state at start', () => {
  it('a garbage cache file is moved aside (kept, dated) and a fresh cache opens; the outbox is untouched', () => {
    const dir = dataDir();
    seeded(dir);
    writeFileSync(join(dir, 'cache.sqlite'), Buffer.from('this is not a database, just garbage '.repeat(200)));
    const opened = openStores(dir, { log });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.notices).toEqual([{ kind: 'cache-rebuilt', file: 'cache', path: join(dir, 'cache.sqlite'), movedTo: expect.stringMatching(/cache\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.sqlite$/) }]);
    const [moved] = damagedCopies(dir, 'cache');
    expect(readFileSync(join(dir, moved!), 'utf8')).toMatch(/^this is not a database/);
    expect(opened.db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 0 });
    expect(opened.db.sqlite.prepare('SELECT action FROM outbox').all()).toEqual([{ action: 'activate' }]);
    opened.db.close();
  });

  it('a cache whose header was zeroed is moved aside and rebuilt at the latest version', () => {
    const dir = dataDir();
    seeded(dir);
    overwrite(join(dir, 'cache.sqlite'), Buffer.alloc(100));
    const opened = openStores(dir, { log });
    expect(opened.ok && opened.notices.map((n) => n.kind)).toEqual(['cache-rebuilt']);
    expect(damagedCopies(dir, 'cache').length).toBeGreaterThanOrEqual(1);
    if (opened.ok) {
      expect(opened.db.version()).toBe(MIGRATIONS.at(-1)!.version);
      opened.db.close();
    }
  });

  it('a cache whose migration fails halfway is rolled back, moved aside and rebuilt with every migration', () => {
    const dir = dataDir();
    seeded(dir);
    const failing = [...MIGRATIONS, { version: 1000, name: 'fails halfway', up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM no_such_table') }];
    let calls = 0;
    const failsOnce = failing.map((m) => (m.version === 1000 ? { ...m, up: (db: Database.Database) => (calls++ === 0 ? m.up(db) : undefined) } : m));
    const opened = openStores(dir, { log, migrations: failsOnce });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.notices.map((n) => n.kind)).toEqual(['cache-rebuilt']);
    expect(opened.db.version()).toBe(1000);
    const [moved] = damagedCopies(dir, 'cache');
    // The damaged copy was rolled back to where it was: the latest real version, its client still there, no half-made table.
    const kept = new Database(join(dir, moved!), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(kept.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Garage Martin' }]);
    expect(kept.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).get()).toEqual({ n: 0 });
    kept.close();
    expect(lines.some((l) => l.includes('Migration 1000 (fails halfway)'))).toBe(true);
    opened.db.close();
  });

  it('a garbage state file stops the start (no fresh state, file left byte for byte) and names the file', () => {
    const dir = dataDir();
    seeded(dir);
    const garbage = Buffer.from('garbage in the state file '.repeat(300));
    writeFileSync(join(dir, 'state.sqlite'), garbage);
    const opened = openStores(dir, { log });
    expect(opened).toEqual({
      ok: false,
      problem: { file: 'state', path: join(dir, 'state.sqlite'), failure: 'damaged', detail: expect.stringMatching(/not a database/), canMoveAside: true },
    });
    expect(readFileSync(join(dir, 'state.sqlite')).equals(garbage)).toBe(true);
    expect(damagedCopies(dir, 'state')).toEqual([]);
    expect(damagedCopies(dir, 'cache')).toEqual([]);
  });

  it('a state written by a newer Clientdesk is not opened', () => {
    const dir = dataDir();
    seeded(dir);
    const state = new Database(join(dir, 'state.sqlite'));
    state.pragma('user_version = 9990');
    state.close();
    const opened = openStores(dir, { log });
    expect(opened.ok === false && opened.problem).toMatchObject({ file: 'state', failure: 'newer-version', detail: expect.stringMatching(/newer Clientdesk/) });
  });

  it('upgrades the single clientdesk.sqlite of earlier versions: state rows move to state.sqlite, the rest becomes cache.sqlite', () => {
    const dir = dataDir();
    const legacy = openDatabase(join(dir, 'clientdesk.sqlite'), { stateFile: ':memory:', targetVersion: 80 });
    const s = legacy.sqlite;
    s.prepare(`INSERT INTO clients (connection_id, remote_id, name, status, extra_json, content_hash, synced_at) VALUES ('conn', 'a', 'Atelier Moreau', 'active', '{}', 'h', 'now')`).run();
    s.prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, sealed_secret, created_at, updated_at) VALUES ('conn', 'a', 'pdp.update', '{}', 'sealed', 'now', 'now')`).run();
    s.prepare(`INSERT INTO audit_log (at, action, outcome, summary, prev_hash, hash) VALUES ('t', 'client.update', 'ok', 'renamed', '', 'h1')`).run();
    s.prepare(`INSERT INTO key_journal (connection_id, client_uid, step, started_at, updated_at) VALUES ('conn', 'a', 'unknown', 't', 't')`).run();
    s.prepare(`INSERT INTO client_keys VALUES ('conn', 'a', 'abcd', 't')`).run();
    legacy.close();
    const opened = openStores(dir, { log });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(existsSync(join(dir, 'clientdesk.sqlite'))).toBe(false);
    expect(opened.db.file).toBe(join(dir, 'cache.sqlite'));
    expect(opened.db.sqlite.prepare('SELECT name FROM main.clients').all()).toEqual([{ name: 'Atelier Moreau' }]);
    expect(opened.db.sqlite.prepare('SELECT sealed_secret FROM state.outbox').all()).toEqual([{ sealed_secret: 'sealed' }]);
    expect(opened.db.sqlite.prepare('SELECT hash FROM state.audit_log').all()).toEqual([{ hash: 'h1' }]);
    expect(opened.db.sqlite.prepare('SELECT step FROM state.key_journal').all()).toEqual([{ step: 'unknown' }]);
    expect(opened.db.sqlite.prepare('SELECT fingerprint FROM state.client_keys').all()).toEqual([{ fingerprint: 'abcd' }]);
    expect(opened.notices).toEqual([]);
    opened.db.close();
  });

  it('a damaged clientdesk.sqlite of earlier versions is never moved aside on its own: it holds the outbox', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'clientdesk.sqlite'), Buffer.alloc(8192, 0x41));
    const opened = openStores(dir, { log });
    expect(opened.ok === false && opened.problem).toMatchObject({ file: 'legacy', path: join(dir, 'clientdesk.sqlite'), failure: 'damaged' });
    expect(existsSync(join(dir, 'clientdesk.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'cache.sqlite'))).toBe(false);
  });
});
