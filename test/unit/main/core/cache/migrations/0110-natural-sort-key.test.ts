import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../main/core/cache/database';
import { MIGRATIONS } from '../../../../../../main/core/cache/migrations';
import { nameKey } from '../../../../../../main/core/cache/clients/name-key';
import { sortKey } from '../../../../../../main/core/cache/clients/sort-key';
import { tempDb } from '../temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The cache version just before the natural sort key. */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 110) - 1]?.version as number;

const NAMES: Record<string, string> = {
  a: 'Agence 1047',
  b: 'Agence 167',
  c: 'agence 2',
  d: 'Agence 10',
  e: 'Épicerie 3',
  f: 'Agence 1047 bis',
};

describe('cache migration 0110 (natural sort key)', () => {
  it('fills the sort key of every existing row and sorts them by it through the new indexes', () => {
    const t = tempDb({ targetVersion: PREVIOUS });
    cleanups.push(t.cleanup);
    const s = t.db.sqlite;
    const insert = s.prepare(
      `INSERT INTO clients (connection_id, remote_id, name, name_key, status, extra_json, content_hash, synced_at)
       VALUES ('conn', ?, ?, ?, ?, '{}', 'h', '2025-01-01T00:00:00Z')`,
    );
    for (const [id, name] of Object.entries(NAMES)) insert.run(id, name, nameKey(name), id === 'c' ? 'inactive' : 'active');
    s.prepare(`UPDATE clients SET removed_at = '2025-02-02T00:00:00Z' WHERE remote_id = 'f'`).run();

    expect(migrate(s, MIGRATIONS, 110)).toBe(110);

    const rows = s.prepare('SELECT remote_id, name, name_key, sort_key FROM clients ORDER BY remote_id').all() as Array<Record<string, string>>;
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.sort_key, row.name).toBe(sortKey(row.name as string));
      expect(row.name_key, row.name).toBe(nameKey(row.name as string));
    }
    const ordered = (sql: string) => (s.prepare(sql).all() as Array<{ remote_id: string }>).map((r) => r.remote_id);
    expect(ordered('SELECT remote_id FROM clients INDEXED BY clients_by_sort WHERE removed_at IS NULL ORDER BY sort_key, id')).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(ordered(`SELECT remote_id FROM clients INDEXED BY clients_by_conn_sort WHERE connection_id = 'conn' AND removed_at IS NULL ORDER BY sort_key, id`)).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(ordered(`SELECT remote_id FROM clients INDEXED BY clients_by_status WHERE status = 'active' AND removed_at IS NULL ORDER BY sort_key, id`)).toEqual(['d', 'b', 'a', 'e']);
    // The name key still serves a prefix ending in a digit: "agence 1" is one range of it.
    expect(ordered(`SELECT remote_id FROM clients INDEXED BY clients_by_name WHERE name_key >= 'agence 1' AND name_key < 'agence 2' AND removed_at IS NULL ORDER BY name_key`)).toEqual(['d', 'a', 'b']);
    const indexes = s.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients' AND sql LIKE '%_key%'`).all() as Array<{ name: string; sql: string }>;
    expect(Object.fromEntries(indexes.map((i) => [i.name, i.sql.replace(/.*ON clients /, '')]))).toEqual({
      clients_by_name: '(name_key, id) WHERE removed_at IS NULL',
      clients_by_sort: '(sort_key, id) WHERE removed_at IS NULL',
      clients_by_conn_sort: '(connection_id, sort_key, id) WHERE removed_at IS NULL',
      clients_by_status: '(status, sort_key, id) WHERE removed_at IS NULL',
    });
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
