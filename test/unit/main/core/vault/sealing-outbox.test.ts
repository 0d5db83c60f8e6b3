import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore, SEALED_SECRET_PLACE } from '../../../../../main/core/outbox/outbox-store';
import type { OutboxStore } from '../../../../../main/core/outbox/outbox-store';
import { createMemoryKeychain, createSealer } from '../../../../../main/core/vault';
import type { Sealer } from '../../../../../main/core/vault';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { tempDb } from '../cache/temp-db';

let db: CacheDb;
let cleanup: () => void;
let store: OutboxStore;
let sealer: Sealer;

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  store = createOutboxStore(db);
  sealer = createSealer(createMemoryKeychain());
});
afterEach(() => cleanup());

async function queueSecret(secret: string): Promise<number> {
  const seal = await sealer.prepare();
  return store.add({
    connectionId: 'conn',
    remoteId: 'client-1',
    action: 'pdpConfig',
    payload: { fields: { flowServiceUrl: 'https://pdp.example' } },
    sealSecret: (rowId) => seal(secret, { ...SEALED_SECRET_PLACE, rowId }),
    base: null,
  });
}

const sealedOf = (id: number) => (store.get(id)?.sealed_secret ?? '') as string;

describe('outbox secrets are sealed to their own row', () => {
  it('seals in the insert transaction, bound to the new row id, and opens there', async () => {
    const id = await queueSecret('first-secret');
    expect(sealedOf(id)).toMatch(/^cd2\./);
    expect(await sealer.open(sealedOf(id), { ...SEALED_SECRET_PLACE, rowId: id })).toBe('first-secret');
  });

  it('a sealed secret copied into another outbox row fails to open there', async () => {
    const victim = await queueSecret('victim-secret');
    const other = await queueSecret('other-secret');
    db.sqlite.prepare('UPDATE outbox SET sealed_secret = ? WHERE id = ?').run(sealedOf(victim), other);
    await expect(sealer.open(sealedOf(other), { ...SEALED_SECRET_PLACE, rowId: other })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/moved from another place than outbox\.sealed_secret #\d+/),
    });
  });

  it('leaves no row behind when sealing fails', async () => {
    expect(() =>
      store.add({ connectionId: 'conn', remoteId: 'c', action: 'pdpConfig', payload: {}, base: null, sealSecret: () => { throw new Error('no key'); } }),
    ).toThrow('no key');
    expect(store.list('conn')).toEqual([]);
  });
});
