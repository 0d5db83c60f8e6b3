import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../../../../../main/core/cache/database';
import { MIGRATIONS } from '../../../../../../main/core/cache/migrations';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { tempDb } from '../temp-db';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

type Facts = { pdp: number; mode: string | null; removed: string | null };

/** At 0090: clients of two connections with every shape of facts, some removed (tombstones). */
const ROWS: Array<[conn: string, uid: string, facts: Facts]> = [
  ['fp', 'double', { pdp: 1, mode: 'double', removed: null }],
  ['fp', 'simple', { pdp: 1, mode: 'fernet', removed: null }],
  ['fp', 'unknown', { pdp: 1, mode: null, removed: null }],
  ['fp', 'no-pdp', { pdp: 0, mode: null, removed: null }],
  // A PDP call answered "not configured" with a mode: kept as it was.
  ['fp', 'mode-only', { pdp: 0, mode: 'fernet', removed: null }],
  ['fp', 'removed-double', { pdp: 1, mode: 'double', removed: '2025-04-04T00:00:00Z' }],
  ['fp', 'removed-plain', { pdp: 0, mode: null, removed: '2025-04-04T00:00:00Z' }],
  ['other', 'double', { pdp: 1, mode: 'double', removed: null }],
  ['other', 'plain', { pdp: 0, mode: null, removed: null }],
];

function seed(sqlite: Database.Database): void {
  const insert = sqlite.prepare(
    `INSERT INTO clients (connection_id, remote_id, name, name_key, identifier, status, extra_json, pdp_configured, encryption_mode,
                          content_hash, synced_at, removed_at)
     VALUES (?, ?, ?, ?, '12345678901234', 'active', ?, ?, ?, 'h', '2025-01-01T00:00:00Z', ?)`,
  );
  for (const [conn, uid, f] of ROWS) {
    insert.run(conn, uid, `Client ${uid}`, `client ${uid}`, JSON.stringify({ hasConfigPdp: f.pdp === 1 }), f.pdp, f.mode, f.removed);
  }
  // The client writes index the live rows' text (no triggers since 0070).
  sqlite.exec(`INSERT INTO clients_fts (rowid, name, identifier, description, remote_id)
                 SELECT id, name, identifier, description, remote_id FROM clients WHERE removed_at IS NULL`);
}

const factsByClient = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT c.connection_id AS conn, c.remote_id AS uid, f.pdp_configured AS pdp, f.encryption_mode AS mode, c.removed_at AS removed
         FROM clients c LEFT JOIN factpulse_client_facts f ON f.client_id = c.id ORDER BY c.id`,
    )
    .all() as Array<{ conn: string; uid: string; pdp: number | null; mode: string | null; removed: string | null }>;

const columnsOf = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);

function at90() {
  const t = tempDb({ targetVersion: 90 });
  cleanups.push(t.cleanup);
  expect(t.db.version()).toBe(90);
  seed(t.db.sqlite);
  return t;
}

describe('cache migration 0100: FactPulse facts leave the clients table', () => {
  it('moves every fact of every client, removed ones included, and drops the two columns from clients', () => {
    const { db } = at90();
    const before = db.sqlite.prepare('SELECT id, connection_id, remote_id, name, extra_json, content_hash, removed_at FROM clients ORDER BY id').all();

    expect(migrate(db.sqlite, MIGRATIONS, 100)).toBe(100);

    expect(columnsOf(db.sqlite, 'clients')).not.toContain('pdp_configured');
    expect(columnsOf(db.sqlite, 'clients')).not.toContain('encryption_mode');
    expect(columnsOf(db.sqlite, 'factpulse_client_facts')).toEqual(['client_id', 'pdp_configured', 'encryption_mode']);
    expect(db.sqlite.prepare('SELECT id, connection_id, remote_id, name, extra_json, content_hash, removed_at FROM clients ORDER BY id').all()).toEqual(before);
    // Sparse: a row only where there was something to keep (no row reads as "no PDP, mode unknown").
    expect(factsByClient(db.sqlite)).toEqual(
      ROWS.map(([conn, uid, f]) => ({
        conn,
        uid,
        pdp: f.pdp || f.mode ? f.pdp : null,
        mode: f.mode,
        removed: f.removed,
      })),
    );
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM factpulse_client_facts').get()).toEqual({ n: 6 });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('runs once: the version stays at 100 and the facts are unchanged when the cache is opened again', () => {
    const t = at90();
    expect(migrate(t.db.sqlite, MIGRATIONS, 100)).toBe(100);
    const moved = factsByClient(t.db.sqlite);
    expect(migrate(t.db.sqlite, MIGRATIONS, 100)).toBe(100);
    t.db.close();
    const reopened = openDatabase(t.file, { targetVersion: 100 });
    cleanups.unshift(() => reopened.close());
    expect(reopened.version()).toBe(100);
    expect(factsByClient(reopened.sqlite)).toEqual(moved);
  });

  it('the migrated facts read as before: client fields, filters, counts, and a forgotten connection takes its facts along', () => {
    const { db } = at90();
    // Through every later migration too: the reads are today's.
    expect(migrate(db.sqlite, MIGRATIONS)).toBe(MIGRATIONS.at(-1)?.version);
    const reads = createClientReads(readDb(db));
    expect(reads.get('fp', 'double')).toMatchObject({ pdpConfigured: true, encryptionMode: 'double' });
    expect(reads.get('fp', 'unknown')).toMatchObject({ pdpConfigured: true, encryptionMode: null });
    expect(reads.get('fp', 'mode-only')).toMatchObject({ pdpConfigured: false, encryptionMode: 'fernet' });
    expect(reads.get('fp', 'no-pdp')).toMatchObject({ pdpConfigured: false, encryptionMode: null });
    expect(reads.get('fp', 'removed-double')).toMatchObject({ removed: true, pdpConfigured: true, encryptionMode: 'double' });
    const uids = (filter: { pdpConfigured?: boolean; doubleMode?: boolean }) =>
      reads
        .window({ connectionIds: ['fp'], ...filter, sort: 'name', direction: 'asc', offset: 0, limit: 50, includeTotal: true })
        .rows.map((r) => r.remoteId);
    expect(uids({ pdpConfigured: true })).toEqual(['double', 'simple', 'unknown']);
    expect(uids({ pdpConfigured: false })).toEqual(['mode-only', 'no-pdp']);
    expect(uids({ doubleMode: true })).toEqual(['double']);
    expect(uids({ doubleMode: false })).toEqual(['mode-only', 'no-pdp', 'simple', 'unknown']);
    expect(reads.counts()).toMatchObject({ total: 7, pdpConfigured: 4, doubleMode: 2 });
    expect(reads.counts(['fp'])).toMatchObject({ total: 5, pdpConfigured: 3, doubleMode: 1 });

    createClientWrites(writeDb(db)).forget('fp');
    expect(factsByClient(db.sqlite)).toEqual([
      { conn: 'other', uid: 'double', pdp: 1, mode: 'double', removed: null },
      { conn: 'other', uid: 'plain', pdp: null, mode: null, removed: null },
    ]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM factpulse_client_facts').get()).toEqual({ n: 1 });
  });
});
