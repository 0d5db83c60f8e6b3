import type { CacheDb } from '../../../cache/database';

/** What SQLite may know about a client's current key: never the key, only its fingerprint and creation date. */
export interface KeyMetaRow {
  connectionId: string;
  clientUid: string;
  fingerprint: string;
  createdAt: string | null;
}

export interface KeyMeta {
  put(row: KeyMetaRow): void;
  remove(connectionId: string, clientUid: string): void;
  /** Every (connection, client) with a row, as `connection\0client` ids. */
  ids(): Set<string>;
  /** A marker to pass to `apply`: rows written after it are newer than a keychain listing taken after it. */
  mark(): number;
  /**
   * Applies what a keychain listing found (`put` rows, `remove` ids), skipping every client whose row a
   * key operation wrote since `since`: that write is newer than the listing. One transaction.
   */
  apply(since: number, changes: { put: KeyMetaRow[]; remove: string[] }): { put: number; removed: number };
}

export const keyMetaId = (connectionId: string, clientUid: string): string => `${connectionId}\u0000${clientUid}`;

/** Key dates are compared as text in SQL, so they are kept in one ISO form (null when unreadable). */
export function normalizeCreatedAt(createdAt: string | null): string | null {
  const time = createdAt === null ? NaN : Date.parse(createdAt);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

export function createKeyMeta(db: CacheDb): KeyMeta {
  const s = db.sqlite;
  const upsert = s.prepare(
    `INSERT INTO client_keys (connection_id, client_uid, fingerprint, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (connection_id, client_uid) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at`,
  );
  const del = s.prepare('DELETE FROM client_keys WHERE connection_id = ? AND client_uid = ?');
  const all = s.prepare('SELECT connection_id, client_uid FROM client_keys');
  /** Last write sequence per client, so a slower reconcile never undoes a newer key operation. */
  const touched = new Map<string, number>();
  let seq = 0;

  const putRow = (r: KeyMetaRow) => upsert.run(r.connectionId, r.clientUid, r.fingerprint, normalizeCreatedAt(r.createdAt));
  const splitId = (id: string) => id.split('\u0000') as [string, string];

  return {
    put(row) {
      touched.set(keyMetaId(row.connectionId, row.clientUid), ++seq);
      db.transaction(() => putRow(row));
    },
    remove(connectionId, clientUid) {
      touched.set(keyMetaId(connectionId, clientUid), ++seq);
      db.transaction(() => del.run(connectionId, clientUid));
    },
    ids() {
      return new Set((all.all() as Array<{ connection_id: string; client_uid: string }>).map((r) => keyMetaId(r.connection_id, r.client_uid)));
    },
    mark: () => seq,
    apply(since, changes) {
      const fresh = (id: string) => (touched.get(id) ?? 0) <= since;
      const puts = changes.put.filter((r) => fresh(keyMetaId(r.connectionId, r.clientUid)));
      const removes = changes.remove.filter(fresh);
      db.transaction(() => {
        for (const r of puts) putRow(r);
        for (const id of removes) del.run(...splitId(id));
      });
      return { put: puts.length, removed: removes.length };
    },
  };
}
