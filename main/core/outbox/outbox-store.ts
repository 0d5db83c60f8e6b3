import type { ClientRecord } from '../../../shared/domain';
import type { OutboxItem } from '../../../shared/schemas/cache';
import type { CacheDb } from '../cache/database';
import { readDb, writeDb } from '../cache/handles';
import { contentHash } from '../cache/clients/mappers';

export type OutboxAction = OutboxItem['action'];
export type OutboxState = OutboxItem['state'];

export interface OutboxRow {
  id: number;
  connection_id: string;
  remote_id: string;
  action: OutboxAction;
  payload_json: string;
  sealed_secret: string | null;
  base_json: string | null;
  base_hash: string | null;
  base_updated_at: string | null;
  theirs_json: string | null;
  state: OutboxState;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

export interface NewOutboxRow {
  connectionId: string;
  remoteId: string;
  action: OutboxAction;
  /** Never a secret. */
  payload: Record<string, unknown>;
  /** Seals the secret for the new row's id (the seal binds it to that row), in the insert's transaction. */
  sealSecret?: (rowId: number) => string;
  base: ClientRecord | null;
}

/** Where an outbox secret is stored: what its seal binds it to, with the row id. */
export const SEALED_SECRET_PLACE = { table: 'outbox', column: 'sealed_secret' } as const;

function baseColumns(base: ClientRecord | null): [string | null, string | null, string | null] {
  return base ? [JSON.stringify(base), contentHash(base), base.updatedAt] : [null, null, null];
}

export function createOutboxStore(db: CacheDb) {
  const r = readDb(db);
  const w = writeDb(db);
  const one = r.read<OutboxRow, [number]>('SELECT * FROM outbox WHERE id = ?');
  const list = r.read<OutboxRow, [{ conn: string | null; state: string | null }]>(
    'SELECT * FROM outbox WHERE (@conn IS NULL OR connection_id = @conn) AND (@state IS NULL OR state = @state) ORDER BY id LIMIT 1000',
  );
  const blockedBefore = r.read<{ n: number }, [string, string, number]>(
    `SELECT count(*) AS n FROM outbox WHERE connection_id = ? AND remote_id = ? AND id < ? AND state <> 'queued'`,
  );
  const counts = r.read<{ state: OutboxState; n: number }, [string]>(
    'SELECT state, count(*) AS n FROM outbox WHERE connection_id = ? GROUP BY state',
  );
  const insert = w.write<[string, string, string, string, string | null, string | null, string | null, string, string]>(
    `INSERT INTO outbox (connection_id, remote_id, action, payload_json, base_json, base_hash, base_updated_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setSealed = w.write<[string, number]>('UPDATE outbox SET sealed_secret = ? WHERE id = ?');
  const setState = w.write<[string, string | null, string | null, string | null, string, number]>(
    `UPDATE outbox SET state = ?, error_code = ?, error_message = ?, theirs_json = ?, updated_at = ?, attempts = attempts + 1 WHERE id = ?`,
  );
  const requeue = w.write<[string, number]>(
    `UPDATE outbox SET state = 'queued', error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`,
  );
  const rebaseOne = w.write<[string | null, string | null, string | null, string, number]>(
    'UPDATE outbox SET base_json = ?, base_hash = ?, base_updated_at = ?, theirs_json = NULL, updated_at = ? WHERE id = ?',
  );
  const rebaseLater = w.write<[string | null, string | null, string | null, string, string, number]>(
    `UPDATE outbox SET base_json = ?, base_hash = ?, base_updated_at = ?
      WHERE connection_id = ? AND remote_id = ? AND id > ? AND state = 'queued'`,
  );
  const remove = w.write<[number]>('DELETE FROM outbox WHERE id = ?');
  const forget = w.write<[string]>('DELETE FROM outbox WHERE connection_id = ?');
  const now = () => new Date().toISOString();

  return {
    get: (id: number) => one.get(id) ?? null,
    list: (connectionId?: string, state?: OutboxState) => list.all({ conn: connectionId ?? null, state: state ?? null }),
    /** An earlier item for the same client is in conflict or failed: this one must wait behind it. */
    isBlocked: (row: OutboxRow) => (blockedBefore.get(row.connection_id, row.remote_id, row.id)?.n ?? 0) > 0,
    counts(connectionId: string): Record<OutboxState, number> {
      const out: Record<OutboxState, number> = { queued: 0, conflict: 0, failed: 0 };
      for (const row of counts.all(connectionId)) out[row.state] = row.n;
      return out;
    },
    add(item: NewOutboxRow): number {
      const at = now();
      return w.transaction(() => {
        const info = insert.run(item.connectionId, item.remoteId, item.action, JSON.stringify(item.payload), ...baseColumns(item.base), at, at);
        const id = Number(info.lastInsertRowid);
        if (item.sealSecret) setSealed.run(item.sealSecret(id), id);
        return id;
      });
    },
    mark(id: number, state: OutboxState, error: { code: string; message: string } | null, theirs: ClientRecord | null = null): void {
      setState.run(state, error?.code ?? null, error?.message ?? null, theirs ? JSON.stringify(theirs) : null, now(), id);
    },
    requeue: (id: number) => {
      requeue.run(now(), id);
    },
    rebase: (id: number, base: ClientRecord) => {
      rebaseOne.run(...baseColumns(base), now(), id);
    },
    /** After one of our own writes lands, later queued items for that client build on the new server record. */
    rebaseLater: (row: OutboxRow, base: ClientRecord) => {
      rebaseLater.run(...baseColumns(base), row.connection_id, row.remote_id, row.id);
    },
    remove: (id: number) => {
      remove.run(id);
    },
    forget: (connectionId: string) => {
      forget.run(connectionId);
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
