import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { createDashboardFigures } from '../../../../../main/core/dashboard/dashboard-figures';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';

const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

let db: CacheDb;
let cleanup: () => void;

function client(conn: string, uid: string, status: string, opts: { pdp?: boolean; mode?: string | null; removed?: boolean } = {}): void {
  const { lastInsertRowid } = db.sqlite
    .prepare(
      `INSERT INTO clients (connection_id, remote_id, name, status, content_hash, synced_at, removed_at)
       VALUES (?, ?, ?, ?, 'h', ?, ?)`,
    )
    .run(conn, uid, `Client ${uid}`, status, NOW.toISOString(), opts.removed ? NOW.toISOString() : null);
  // FactPulse's facts: a row only for a client that has one.
  if (opts.pdp || opts.mode) {
    db.sqlite
      .prepare('INSERT INTO factpulse_client_facts (client_id, pdp_configured, encryption_mode) VALUES (?, ?, ?)')
      .run(lastInsertRowid, opts.pdp ? 1 : 0, opts.mode ?? null);
  }
}
const key = (conn: string, uid: string, createdAt: string | null) =>
  db.sqlite.prepare('INSERT INTO client_keys (connection_id, client_uid, fingerprint, created_at) VALUES (?, ?, ?, ?)').run(conn, uid, `fp-${uid}`, createdAt);
const outbox = (conn: string, state: string) =>
  db.sqlite
    .prepare(`INSERT INTO outbox (connection_id, remote_id, action, payload_json, state, created_at, updated_at) VALUES (?, 'x', 'activate', '{}', ?, ?, ?)`)
    .run(conn, state, NOW.toISOString(), NOW.toISOString());
let auditId = 0;
const audit = (at: string, outcome: string) =>
  db.sqlite
    .prepare(`INSERT INTO audit_log (id, at, connection_id, action, outcome, summary, prev_hash, hash) VALUES (?, ?, 'A', 'clients.setActive', ?, 'Activate', '', '')`)
    .run(++auditId, at, outcome);

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  auditId = 0;
  // A: synced FactPulse-like connection. B: a first sync still walking (120 of 400 rows so far).
  client('A', 'a1', 'active', { pdp: true, mode: 'double' });
  client('A', 'a2', 'active', { pdp: true, mode: 'double' });
  client('A', 'a3', 'active', { pdp: true, mode: null });
  client('A', 'a4', 'inactive', { pdp: true, mode: 'fernet' });
  client('A', 'a5', 'suspended');
  client('A', 'a6', 'active', { removed: true, pdp: true, mode: 'double' });
  key('A', 'a1', daysAgo(10)); // fresh (< 45 with a 90-day limit)
  key('A', 'a3', daysAgo(60)); // aging
  key('A', 'a4', daysAgo(100)); // over
  key('A', 'a5', daysAgo(400)); // far over
  key('A', 'a6', daysAgo(500)); // a removed client's key: not counted
  key('A', 'gone', daysAgo(5)); // a key for a client the cache does not hold: not counted
  for (let i = 0; i < 120; i++) client('B', `b${i}`, i % 3 === 0 ? 'inactive' : 'active');
  db.sqlite.prepare(`INSERT INTO sync_state (connection_id, last_completed_at, walk_id, walk_total) VALUES ('A', ?, NULL, NULL), ('B', NULL, 7, 400)`).run(daysAgo(0.5));
  outbox('A', 'queued');
  outbox('A', 'queued');
  outbox('A', 'conflict');
  outbox('B', 'failed');
  audit(daysAgo(0), 'ok');
  audit(daysAgo(0), 'failed');
  audit(daysAgo(2), 'queued');
  audit(daysAgo(29), 'ok');
  audit(daysAgo(45), 'ok'); // outside the 30 days
});
afterEach(() => cleanup());

function read(syncing: string[] = []) {
  return createDashboardFigures(db).read({
    connections: [
      { id: 'A', pdp: true, keys: true },
      { id: 'B', pdp: false, keys: false },
      { id: 'C', pdp: true, keys: true },
    ],
    keyMaxAgeDays: 90,
    days: 30,
    syncing: (id) => syncing.includes(id),
    now: NOW,
  });
}

describe('dashboard figures over a real SQLite cache', () => {
  it('counts live clients by status, PDP configured and double mode, marking unknown modes as partial', () => {
    const a = read().connections[0]!;
    expect(a.clients).toEqual({ total: 5, byStatus: { active: 3, inactive: 1, suspended: 1, unknown: 0 }, partial: null });
    expect(a.pdp).toEqual({ configured: 4, double: 2, partial: { done: 3, total: 4 } });
  });

  it('bands key ages around the limit, counts those past it and the double-mode clients without a local key', () => {
    const a = read().connections[0]!;
    expect(a.keys).toEqual({ held: 4, bands: { fresh: 1, aging: 1, over: 1, farOver: 1, unknown: 0 }, olderThanLimit: 2, missingLocally: 1 });
    const tighter = createDashboardFigures(db).read({ connections: [{ id: 'A', pdp: true, keys: true }], keyMaxAgeDays: 50, days: 30, syncing: () => false, now: NOW });
    expect(tighter.connections[0]!.keys!.bands).toEqual({ fresh: 1, aging: 0, over: 1, farOver: 2, unknown: 0 });
  });

  it('marks a first sync still walking as partial with how far along it is; no PDP or key figures where the system has none', () => {
    const b = read(['B']).connections[1]!;
    expect(b.clients).toEqual({ total: 120, byStatus: { active: 80, inactive: 40, suspended: 0, unknown: 0 }, partial: { done: 120, total: 400 } });
    expect(b.sync).toEqual({ lastCompletedAt: null, lastErrorCode: null, inProgress: true });
    expect(b.pdp).toBeNull();
    expect(b.keys).toBeNull();
  });

  it('gives the outbox per connection and zeros for a connection with nothing cached', () => {
    const [a, b, c] = read().connections;
    expect(a!.outbox).toEqual({ queued: 2, conflicts: 1, failed: 0 });
    expect(b!.outbox).toEqual({ queued: 0, conflicts: 0, failed: 1 });
    expect(c!.clients.total).toBe(0);
    expect(c!.sync.lastCompletedAt).toBeNull();
    expect(a!.sync.lastCompletedAt).toBe(daysAgo(0.5));
  });

  it('gives 30 days of audit activity, oldest first, zeros included, nothing older', () => {
    const days = read().activity;
    expect(days).toHaveLength(30);
    expect(days[29]).toEqual({ day: '2025-06-30', ok: 1, failed: 1, other: 0 });
    expect(days[27]).toEqual({ day: '2025-06-28', ok: 0, failed: 0, other: 1 });
    expect(days[0]).toEqual({ day: '2025-06-01', ok: 1, failed: 0, other: 0 });
    expect(days.reduce((n, d) => n + d.ok + d.failed + d.other, 0)).toBe(4);
  });
});
