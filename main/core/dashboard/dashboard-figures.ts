import type { ActivityDay, ConnectionFigures, DashboardFigures, KeyAgeBand } from '../../../shared/schemas/dashboard';
import type { CacheDb } from '../cache/database';
import { readDb } from '../cache/handles';
import { createClientFactReads, FACTS_TABLE } from '../providers/factpulse/client-facts';

export interface FigureConnection {
  id: string;
  /** Has PDP configurations (FactPulse). */
  pdp: boolean;
  /** Has client-held encryption keys (FactPulse double mode). */
  keys: boolean;
}

export interface FiguresQuery {
  connections: readonly FigureConnection[];
  keyMaxAgeDays: number;
  days: number;
  /** A sync of this connection is running now. */
  syncing(connectionId: string): boolean;
  now?: Date;
}

type ClientRow = { connection_id: string; status: string; n: number };
type KeyRow = { connection_id: string; band: KeyAgeBand; n: number };
type CountRow = { connection_id: string; n: number };
type OutboxRow = { connection_id: string; state: string; n: number };
type SyncRow = { connection_id: string; last_completed_at: string | null; last_error_code: string | null; walk_total: number | null };
type DayRow = { day: string; ok: number; failed: number; other: number };

const STATUSES = ['active', 'inactive', 'suspended', 'unknown'] as const;
const DAY_MS = 86_400_000;

function group<R extends { connection_id: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) out.set(row.connection_id, [...(out.get(row.connection_id) ?? []), row]);
  return out;
}

/**
 * The dashboard's figures, each one grouped SQL statement over the cache (clients, sync state) and the
 * attached state database (keys, outbox, audit log). Prepared once; a call reads, never writes.
 */
export function createDashboardFigures(db: CacheDb) {
  const r = readDb(db);
  const clients = r.read<ClientRow, []>(
    'SELECT connection_id, status, count(*) AS n FROM clients WHERE removed_at IS NULL GROUP BY connection_id, status',
  );
  const facts = createClientFactReads(r);
  // Bands relative to the limit L: [0, L/2), [L/2, L), [L, 2L), [2L, ∞).
  const keyBands = r.read<KeyRow, [{ now: string; limit: number }]>(
    `SELECT connection_id,
            CASE WHEN created_at IS NULL OR julianday(created_at) IS NULL THEN 'unknown'
                 WHEN julianday(@now) - julianday(created_at) < @limit / 2.0 THEN 'fresh'
                 WHEN julianday(@now) - julianday(created_at) < @limit THEN 'aging'
                 WHEN julianday(@now) - julianday(created_at) < @limit * 2.0 THEN 'over'
                 ELSE 'farOver' END AS band,
            count(*) AS n
       FROM client_keys k
      WHERE EXISTS (SELECT 1 FROM clients c WHERE c.connection_id = k.connection_id AND c.remote_id = k.client_uid AND c.removed_at IS NULL)
      GROUP BY connection_id, band`,
  );
  const missingLocally = r.read<CountRow, []>(
    `SELECT c.connection_id, count(*) AS n FROM ${FACTS_TABLE} fp CROSS JOIN clients c ON c.id = fp.client_id
      WHERE fp.encryption_mode = 'double' AND c.removed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM client_keys k WHERE k.connection_id = c.connection_id AND k.client_uid = c.remote_id)
      GROUP BY c.connection_id`,
  );
  const outbox = r.read<OutboxRow, []>('SELECT connection_id, state, count(*) AS n FROM outbox GROUP BY connection_id, state');
  const sync = r.read<SyncRow, []>(
    'SELECT connection_id, last_completed_at, last_error_code, walk_total FROM sync_state',
  );
  const activity = r.read<DayRow, [string]>(
    `SELECT substr(at, 1, 10) AS day, sum(outcome = 'ok') AS ok,
            sum(outcome IN ('failed', 'refused', 'conflict', 'unknown')) AS failed,
            sum(outcome NOT IN ('ok', 'failed', 'refused', 'conflict', 'unknown')) AS other
       FROM audit_log WHERE at >= ? GROUP BY day`,
  );

  function activitySeries(days: number, now: Date): ActivityDay[] {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const first = today - (days - 1) * DAY_MS;
    const found = new Map(activity.all(new Date(first).toISOString()).map((row) => [row.day, row]));
    return Array.from({ length: days }, (_, i) => {
      const day = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
      const row = found.get(day);
      return { day, ok: row?.ok ?? 0, failed: row?.failed ?? 0, other: row?.other ?? 0 };
    });
  }

  function read(q: FiguresQuery): DashboardFigures {
    const now = q.now ?? new Date();
    const byClients = group(clients.all());
    const byFacts = new Map(facts.counts().map((row) => [row.connectionId, row]));
    const byKeys = group(keyBands.all({ now: now.toISOString(), limit: q.keyMaxAgeDays }));
    const missing = new Map(missingLocally.all().map((row) => [row.connection_id, row.n]));
    const byOutbox = group(outbox.all());
    const bySync = new Map(sync.all().map((row) => [row.connection_id, row]));

    const figures = q.connections.map((c): ConnectionFigures => {
      const rows = byClients.get(c.id) ?? [];
      const byStatus = { active: 0, inactive: 0, suspended: 0, unknown: 0 };
      for (const row of rows) byStatus[(STATUSES as readonly string[]).includes(row.status) ? (row.status as keyof typeof byStatus) : 'unknown'] += row.n;
      const total = rows.reduce((n, row) => n + row.n, 0);
      const pdp = byFacts.get(c.id);
      const configured = pdp?.configured ?? 0;
      const unknownModes = configured - (pdp?.known ?? 0);
      const s = bySync.get(c.id);
      const bands: Record<KeyAgeBand, number> = { fresh: 0, aging: 0, over: 0, farOver: 0, unknown: 0 };
      for (const row of byKeys.get(c.id) ?? []) bands[row.band] += row.n;
      const states = byOutbox.get(c.id) ?? [];
      const inState = (state: string) => states.filter((row) => row.state === state).reduce((n, row) => n + row.n, 0);
      const queued = states.reduce((n, row) => n + row.n, 0) - inState('conflict') - inState('failed');
      return {
        connectionId: c.id,
        clients: {
          total,
          byStatus,
          // Until a first walk completes, the cache holds only part of the list.
          partial: s?.last_completed_at ? null : { done: total, total: Math.max(s?.walk_total ?? 0, total) },
        },
        pdp: c.pdp
          ? { configured, double: pdp?.double ?? 0, partial: unknownModes > 0 ? { done: configured - unknownModes, total: configured } : null }
          : null,
        keys: c.keys
          ? { held: Object.values(bands).reduce((a, b) => a + b, 0), bands, olderThanLimit: bands.over + bands.farOver, missingLocally: missing.get(c.id) ?? 0 }
          : null,
        outbox: { queued, conflicts: inState('conflict'), failed: inState('failed') },
        sync: { lastCompletedAt: s?.last_completed_at ?? null, lastErrorCode: s?.last_error_code ?? null, inProgress: q.syncing(c.id) },
      };
    });
    return { generatedAt: now.toISOString(), keyMaxAgeDays: q.keyMaxAgeDays, connections: figures, activity: activitySeries(q.days, now) };
  }

  return { read };
}
export type DashboardFiguresReader = ReturnType<typeof createDashboardFigures>;
