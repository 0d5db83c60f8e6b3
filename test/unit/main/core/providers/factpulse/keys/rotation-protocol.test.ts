// The journal protocol of docs/architecture.md §5 with a scripted provider: each server answer class.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../../../main/core/cache/database';
import type { CacheDb } from '../../../../../../../main/core/cache/database';
import { createKeyService, generateKey } from '../../../../../../../main/core/providers/factpulse/keys';
import type { Provider } from '../../../../../../../main/core/providers/types';
import { createStandInKeychain } from '../../../../../../fixtures/keys/stand-in-keychain';
import { AppError } from '../../../../../../../shared/errors';

const dbs: CacheDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

/** A fake server holding one key; `next` scripts the answer to the next rotate call. */
function setup() {
  const db = openDatabase(':memory:');
  dbs.push(db);
  const server = { key: generateKey(), next: null as null | 'refuse' | 'timeout' | 'apply-then-timeout' | 'server-error' };
  const provider = {
    async rotateEncryptionKey(_uid: string, oldKey: string, newKey: string) {
      const mode = server.next;
      server.next = null;
      if (mode === 'refuse') throw new AppError('FORBIDDEN', 'no', { status: 403 });
      if (mode === 'timeout') throw new AppError('TIMEOUT');
      if (mode === 'server-error') throw new AppError('SERVER', 'boom', { status: 500 });
      if (oldKey !== server.key) throw new AppError('KEY_MISMATCH', 'wrong key', { status: 400 });
      server.key = newKey;
      if (mode === 'apply-then-timeout') throw new AppError('NETWORK', 'connection reset');
      return { success: true, message: 'ok', rotatedCount: 1, partialErrors: [] };
    },
  } as unknown as Provider;
  const keys = createKeyService({ keychain: createStandInKeychain(), db, call: (_c, fn) => fn(provider) });
  return { db, server, keys };
}

async function withKey(s: ReturnType<typeof setup>) {
  await s.keys.store.set('c', 'u', 'current', { key: s.server.key, createdAt: new Date().toISOString() });
}
const slot = (s: ReturnType<typeof setup>, name: 'current' | 'pending' | 'previous') => s.keys.store.get('c', 'u', name).then((v) => v?.key ?? null);

describe('rotation protocol', () => {
  it('success: previous ← current, current ← new, pending cleared, journal committed', async () => {
    const s = setup();
    await withKey(s);
    const old = s.server.key;
    const out = await s.keys.rotator.rotate('c', 'u');
    expect(out.outcome).toBe('committed');
    expect(await slot(s, 'current')).toBe(s.server.key);
    expect(await slot(s, 'previous')).toBe(old);
    expect(await slot(s, 'pending')).toBeNull();
    expect(s.keys.journal.list()[0]?.step).toBe('committed');
  });

  it('definite refusal: pending cleared, aborted, current untouched', async () => {
    const s = setup();
    await withKey(s);
    s.server.next = 'refuse';
    const out = await s.keys.rotator.rotate('c', 'u');
    expect(out).toMatchObject({ outcome: 'aborted', error: { code: 'FORBIDDEN' } });
    expect(await slot(s, 'current')).toBe(s.server.key);
    expect(await slot(s, 'pending')).toBeNull();
  });

  for (const mode of ['timeout', 'server-error', 'apply-then-timeout'] as const) {
    it(`no answer (${mode}): both keys kept, unknown; recovery resolves to what the server holds`, async () => {
      const s = setup();
      await withKey(s);
      const old = s.server.key;
      s.server.next = mode;
      const out = await s.keys.rotator.rotate('c', 'u');
      expect(out.outcome).toBe('unknown');
      expect(await slot(s, 'current')).toBe(old);
      expect(await slot(s, 'pending')).not.toBeNull();
      expect(s.keys.journal.open()).toHaveLength(1);
      // A new rotation first recovers, never discarding either key.
      const [rec] = await s.keys.recoverAll();
      expect(rec?.outcome).toBe(mode === 'apply-then-timeout' ? 'committed' : 'aborted');
      expect(await slot(s, 'current')).toBe(s.server.key);
      expect(await slot(s, 'pending')).toBeNull();
      expect(s.keys.journal.open()).toHaveLength(0);
    });
  }

  it('recovery that cannot reach the server keeps everything and stays unknown', async () => {
    const s = setup();
    await withKey(s);
    s.server.next = 'timeout';
    await s.keys.rotator.rotate('c', 'u');
    const pending = await slot(s, 'pending');
    s.server.next = 'timeout';
    const [rec] = await s.keys.recoverAll();
    expect(rec?.outcome).toBe('unknown');
    expect(await slot(s, 'pending')).toBe(pending);
    await expect(s.keys.rotator.rotate('c', 'u')).resolves.toMatchObject({ outcome: 'committed' });
  });

  it('a second rotation while one is unresolved and the server is unreachable is refused (CONFLICT)', async () => {
    const s = setup();
    await withKey(s);
    s.server.next = 'timeout';
    await s.keys.rotator.rotate('c', 'u');
    s.server.next = 'timeout';
    await expect(s.keys.rotator.rotate('c', 'u')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('the journal holds fingerprints only', async () => {
    const s = setup();
    await withKey(s);
    const old = s.server.key;
    await s.keys.rotator.rotate('c', 'u');
    const dump = JSON.stringify(s.db.sqlite.prepare('SELECT * FROM key_journal').all());
    expect(dump).not.toContain(old);
    expect(dump).not.toContain(s.server.key);
    expect(s.db.sqlite.pragma('synchronous', { simple: true })).toBe(1); // back to NORMAL after the FULL journal write
  });
});
