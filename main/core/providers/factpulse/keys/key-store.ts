import { AppError } from '../../../../../shared/errors';
import { accountFor } from '../../../vault';
import type { Keychain } from '../../../vault';
import { fingerprint } from './key-material';
import { keyMetaId } from './key-meta';
import type { KeyMeta, KeyMetaRow } from './key-meta';

export type KeySlot = 'current' | 'pending' | 'previous';
export const KEY_SLOTS: readonly KeySlot[] = ['current', 'pending', 'previous'];

export interface StoredKey {
  key: string;
  createdAt: string;
}

export interface KeyInventoryEntry {
  connectionId: string;
  clientUid: string;
  fingerprint: string | null;
  createdAt: string | null;
  ageDays: number | null;
  pendingFingerprint: string | null;
  previousFingerprint: string | null;
  hasPending: boolean;
  hasPrevious: boolean;
}

export function keyAccount(connectionId: string, clientUid: string, slot: KeySlot): string {
  return accountFor(connectionId, `key/${clientUid}/${slot}`);
}

const SLOT_RE = /^(.+?)\/key\/([^/]+)\/(current|pending|previous)$/;

export interface KeyStore {
  get(connectionId: string, clientUid: string, slot: KeySlot): Promise<StoredKey | null>;
  set(connectionId: string, clientUid: string, slot: KeySlot, value: StoredKey): Promise<void>;
  clear(connectionId: string, clientUid: string, slot: KeySlot): Promise<void>;
  /** Client uids with any key slot under this connection. */
  clients(connectionId: string): Promise<string[]>;
  /** Every connection that has at least one key slot. */
  connections(): Promise<string[]>;
  /** Every (connection, client) with a pending slot, across connections. */
  pendingEverywhere(): Promise<Array<{ connectionId: string; clientUid: string }>>;
  inventory(connectionId: string, now?: Date): Promise<KeyInventoryEntry[]>;
  entry(connectionId: string, clientUid: string, now?: Date): Promise<KeyInventoryEntry>;
  /**
   * Brings the SQLite key metadata in line with the keychain: reads only the current slots that have no
   * row yet and drops rows whose current slot is gone (existing installs, keys removed elsewhere).
   */
  reconcileMeta(): Promise<{ put: number; removed: number }>;
}

function parseStored(text: string | null): StoredKey | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredKey>;
    if (typeof value.key === 'string' && typeof value.createdAt === 'string') return { key: value.key, createdAt: value.createdAt };
  } catch {
    // fall through
  }
  throw new AppError('INTERNAL', 'A key slot in the keychain is damaged (unreadable).');
}

const metaRow = (connectionId: string, clientUid: string, value: StoredKey): KeyMetaRow => ({
  connectionId,
  clientUid,
  fingerprint: fingerprint(value.key),
  createdAt: value.createdAt,
});

/** `meta`, when given, mirrors every `current` slot's fingerprint and date into SQLite (the Clients key-age filter). */
export function createKeyStore(keychain: Keychain, meta?: KeyMeta): KeyStore {
  async function currentSlots(): Promise<Array<{ connectionId: string; clientUid: string }>> {
    return (await keychain.list('')).flatMap((a) => {
      const m = SLOT_RE.exec(a);
      return m && m[3] === 'current' && m[1] && m[2] ? [{ connectionId: m[1], clientUid: m[2] }] : [];
    });
  }

  const store: KeyStore = {
    async get(connectionId, clientUid, slot) {
      return parseStored(await keychain.get(keyAccount(connectionId, clientUid, slot)));
    },
    async set(connectionId, clientUid, slot, value) {
      await keychain.set(keyAccount(connectionId, clientUid, slot), JSON.stringify({ key: value.key, createdAt: value.createdAt }));
      if (slot === 'current') meta?.put(metaRow(connectionId, clientUid, value));
    },
    async clear(connectionId, clientUid, slot) {
      await keychain.delete(keyAccount(connectionId, clientUid, slot));
      if (slot === 'current') meta?.remove(connectionId, clientUid);
    },
    async clients(connectionId) {
      const accounts = await keychain.list(accountFor(connectionId, 'key/'));
      const uids = new Set<string>();
      for (const a of accounts) {
        const m = SLOT_RE.exec(a);
        if (m && m[1] === connectionId && m[2]) uids.add(m[2]);
      }
      return [...uids].sort();
    },
    async connections() {
      const ids = new Set<string>();
      for (const a of await keychain.list('')) {
        const m = SLOT_RE.exec(a);
        if (m?.[1]) ids.add(m[1]);
      }
      return [...ids].sort();
    },
    async pendingEverywhere() {
      const accounts = await keychain.list('');
      return accounts.flatMap((a) => {
        const m = SLOT_RE.exec(a);
        return m && m[3] === 'pending' && m[1] && m[2] ? [{ connectionId: m[1], clientUid: m[2] }] : [];
      });
    },
    async entry(connectionId, clientUid, now = new Date()) {
      const [current, pending, previous] = await Promise.all(KEY_SLOTS.map((s) => store.get(connectionId, clientUid, s)));
      const created = current ? Date.parse(current.createdAt) : NaN;
      return {
        connectionId,
        clientUid,
        fingerprint: current ? fingerprint(current.key) : null,
        createdAt: current?.createdAt ?? null,
        ageDays: Number.isFinite(created) ? Math.max(0, Math.floor((now.getTime() - created) / 86_400_000)) : null,
        pendingFingerprint: pending ? fingerprint(pending.key) : null,
        previousFingerprint: previous ? fingerprint(previous.key) : null,
        hasPending: pending !== null,
        hasPrevious: previous !== null,
      };
    },
    async inventory(connectionId, now = new Date()) {
      const since = meta?.mark() ?? 0;
      const uids = await store.clients(connectionId);
      const out: KeyInventoryEntry[] = [];
      for (const uid of uids) out.push(await store.entry(connectionId, uid, now));
      if (meta) {
        const put = out.flatMap((e) => (e.fingerprint ? [{ connectionId, clientUid: e.clientUid, fingerprint: e.fingerprint, createdAt: e.createdAt }] : []));
        const kept = new Set(put.map((r) => keyMetaId(connectionId, r.clientUid)));
        const mine = keyMetaId(connectionId, '');
        meta.apply(since, { put, remove: [...meta.ids()].filter((id) => id.startsWith(mine) && !kept.has(id)) });
      }
      return out;
    },
    async reconcileMeta() {
      if (!meta) return { put: 0, removed: 0 };
      const since = meta.mark();
      const slots = await currentSlots();
      const known = meta.ids();
      const put: KeyMetaRow[] = [];
      for (const { connectionId, clientUid } of slots) {
        if (known.has(keyMetaId(connectionId, clientUid))) continue;
        const stored = await store.get(connectionId, clientUid, 'current').catch(() => null);
        if (stored) put.push(metaRow(connectionId, clientUid, stored));
      }
      const present = new Set(slots.map((k) => keyMetaId(k.connectionId, k.clientUid)));
      return meta.apply(since, { put, remove: [...known].filter((id) => !present.has(id)) });
    },
  };
  return store;
}
