import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../main/core/cache/database';
import { MIGRATIONS } from '../../../../../main/core/cache/migrations';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-db-'));
  dirs.push(dir);
  return join(dir, 'cache.sqlite');
};

describe('opening the cache', () => {
  it('creates a new cache with 8 KiB pages, in WAL mode, migrated to the last version', () => {
    const db = openDatabase(fresh());
    expect(db.sqlite.pragma('page_size', { simple: true })).toBe(8192);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.version()).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('keeps the page size of an existing cache, and its rows', () => {
    const file = fresh();
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x); INSERT INTO kept VALUES (1)');
    old.close();
    const db = openDatabase(file);
    expect(db.sqlite.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.sqlite.prepare('SELECT x FROM kept').all()).toEqual([{ x: 1 }]);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
