import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheDb } from '../../../../../../../main/core/cache/database';
import { fingerprint, generateKey } from '../../../../../../../main/core/providers/factpulse/keys/key-material';
import { createKeyMeta } from '../../../../../../../main/core/providers/factpulse/keys/key-meta';
import type { KeyMeta } from '../../../../../../../main/core/providers/factpulse/keys/key-meta';
import { createKeyStore, keyAccount } from '../../../../../../../main/core/providers/factpulse/keys/key-store';
import type { KeyStore } from '../../../../../../../main/core/providers/factpulse/keys/key-store';
import { createMemoryKeychain } from '../../../../../../../main/core/vault';
import type { Keychain } from '../../../../../../../main/core/vault';
import { tempDb } from '../../../cache/temp-db';

let db: CacheDb;
let file: string;
let cleanup: () => void;
let keychain: Keychain;
let meta: KeyMeta;
let store: KeyStore;

beforeEach(() => {
  const t = tempDb();
  ({ db, file, cleanup } = t);
  keychain = createMemoryKeychain();
  meta = createKeyMeta(db);
  store = createKeyStore(keychain, meta);
});
afterEach(() => cleanup());

const rows = () => db.sqlite.prepare('SELECT * FROM client_keys ORDER BY connection_id, client_uid').all();
const stored = (createdAt = '2025-01-02T03:04:05.000Z') => ({ key: generateKey(), createdAt });

describe('key store → client_keys (the key-age filter metadata)', () => {
  it('a write to the current slot records fingerprint and date; pending/previous writes do not; clearing current removes it', async () => {
    const k = stored();
    await store.set('A', 'c1', 'pending', stored());
    await store.set('A', 'c1', 'previous', stored());
    expect(rows()).toEqual([]);
    await store.set('A', 'c1', 'current', k);
    expect(rows()).toEqual([{ connection_id: 'A', client_uid: 'c1', fingerprint: fingerprint(k.key), created_at: k.createdAt }]);
    await store.clear('A', 'c1', 'previous');
    expect(rows()).toHaveLength(1);
    await store.clear('A', 'c1', 'current');
    expect(rows()).toEqual([]);
  });

  it('keeps dates in one ISO form, and null when unreadable', async () => {
    await store.set('A', 'c1', 'current', stored('2025-01-02T03:04:05+02:00'));
    await store.set('A', 'c2', 'current', stored('not a date'));
    expect(rows()).toMatchObject([{ created_at: '2025-01-02T01:04:05.000Z' }, { created_at: null }]);
  });

  it('reconcileMeta fills an existing install from the keychain and drops rows whose key is gone', async () => {
    const k1 = stored();
    const k2 = stored('2024-05-05T00:00:00.000Z');
    await keychain.set(keyAccount('A', 'c1', 'current'), JSON.stringify(k1));
    await keychain.set(keyAccount('B', 'c2', 'current'), JSON.stringify(k2));
    await keychain.set(keyAccount('B', 'c3', 'pending'), JSON.stringify(stored()));
    meta.put({ connectionId: 'A', clientUid: 'gone', fingerprint: 'ffff', createdAt: null });
    expect(await store.reconcileMeta()).toEqual({ put: 2, removed: 1 });
    expect(rows()).toEqual([
      { connection_id: 'A', client_uid: 'c1', fingerprint: fingerprint(k1.key), created_at: k1.createdAt },
      { connection_id: 'B', client_uid: 'c2', fingerprint: fingerprint(k2.key), created_at: k2.createdAt },
    ]);
    expect(await store.reconcileMeta()).toEqual({ put: 0, removed: 0 });
  });

  it('reconcile never undoes a key write that happened while it listed the keychain', async () => {
    await keychain.set(keyAccount('A', 'old', 'current'), JSON.stringify(stored()));
    const list = keychain.list.bind(keychain);
    let fresh: ReturnType<typeof stored> | null = null;
    keychain.list = async (prefix) => {
      const listed = await list(prefix);
      fresh = stored();
      await store.set('A', 'new', 'current', fresh); // written after the listing was taken
      await store.clear('A', 'old', 'current');
      return listed;
    };
    await store.reconcileMeta();
    expect(rows()).toEqual([{ connection_id: 'A', client_uid: 'new', fingerprint: fingerprint(fresh!.key), created_at: fresh!.createdAt }]);
  });

  it('inventory brings one connection in line (fingerprint and date), leaving other connections alone', async () => {
    const k = stored();
    await keychain.set(keyAccount('A', 'c1', 'current'), JSON.stringify(k));
    await keychain.set(keyAccount('A', 'c2', 'previous'), JSON.stringify(stored()));
    meta.put({ connectionId: 'A', clientUid: 'c1', fingerprint: 'stale', createdAt: null });
    meta.put({ connectionId: 'A', clientUid: 'c9', fingerprint: 'gone', createdAt: null });
    meta.put({ connectionId: 'B', clientUid: 'c1', fingerprint: 'other', createdAt: null });
    await store.inventory('A');
    expect(rows()).toEqual([
      { connection_id: 'A', client_uid: 'c1', fingerprint: fingerprint(k.key), created_at: k.createdAt },
      { connection_id: 'B', client_uid: 'c1', fingerprint: 'other', created_at: null },
    ]);
  });

  it('never writes a key to SQLite', async () => {
    const keys = [stored(), stored(), stored()];
    await store.set('A', 'c1', 'current', keys[0]!);
    await store.set('A', 'c1', 'previous', keys[1]!);
    await store.set('A', 'c2', 'current', keys[2]!);
    await store.reconcileMeta();
    await store.inventory('A');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = [readFileSync(file), ...['-wal'].flatMap((s) => { try { return [readFileSync(file + s)]; } catch { return []; } })];
    for (const k of keys) for (const b of bytes) expect(b.includes(Buffer.from(k.key))).toBe(false);
  });
});
