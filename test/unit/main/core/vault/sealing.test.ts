import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryKeychain, createSealer, DATA_KEY_ACCOUNT, dataKeyId } from '../../../../../main/core/vault';
import type { Keychain, SealBinding } from '../../../../../main/core/vault';
import { AppError } from '../../../../../shared/errors';

const ROW_7: SealBinding = { table: 'outbox', column: 'sealed_secret', rowId: 7 };

/** An envelope as the previous version wrote it: AAD = "cd1.<keyId>", bound to no row. */
async function legacyEnvelope(keychain: Keychain, plain: string): Promise<string> {
  const raw = Buffer.from((await keychain.get(DATA_KEY_ACCOUNT)) as string, 'base64');
  const id = dataKeyId(raw);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', raw, iv);
  cipher.setAAD(Buffer.from(`cd1.${id}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['cd1', id, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

describe('createSealer (local data key, AES-256-GCM envelope)', () => {
  it('creates the data key on first use and round-trips', async () => {
    const keychain = createMemoryKeychain();
    const sealer = createSealer(keychain);
    expect(await keychain.get(DATA_KEY_ACCOUNT)).toBeNull();
    const env = await sealer.seal('client secret: s3cr3t-valeur', ROW_7);
    expect(await keychain.get(DATA_KEY_ACCOUNT)).not.toBeNull();
    expect(env).toMatch(/^cd2\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    expect(env).not.toContain('s3cr3t');
    expect(await sealer.open(env, ROW_7)).toBe('client secret: s3cr3t-valeur');
    expect(env.split('.')[1]).toBe(await sealer.keyId());
  });

  it('uses a fresh IV per message and survives a new sealer over the same keychain', async () => {
    const keychain = createMemoryKeychain();
    const a = await createSealer(keychain).seal('same', ROW_7);
    const b = await createSealer(keychain).seal('same', ROW_7);
    expect(a).not.toBe(b);
    expect(await createSealer(keychain).open(a, ROW_7)).toBe('same');
    expect(await createSealer(keychain).open(b, { ...ROW_7, rowId: '7' })).toBe('same');
  });

  it('binds a value to its table, column and row: copied anywhere else it does not open', async () => {
    const sealer = createSealer(createMemoryKeychain());
    const env = await sealer.seal('pdp client secret', ROW_7);
    for (const elsewhere of [
      { ...ROW_7, rowId: 8 },
      { ...ROW_7, column: 'payload_json' },
      { ...ROW_7, table: 'audit_log' },
      // No separator trick: the parts are not simply joined.
      { table: 'outbox.sealed_secret', column: '', rowId: 7 },
    ]) {
      await expect(sealer.open(env, elsewhere), JSON.stringify(elsewhere)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/moved from another place/),
      });
    }
    expect(await sealer.open(env, ROW_7)).toBe('pdp client secret');
  });

  it('seals synchronously once prepared (inside a transaction, when the row id is known)', async () => {
    const sealer = createSealer(createMemoryKeychain());
    const sealNow = await sealer.prepare();
    const env = sealNow('inside a transaction', ROW_7);
    expect(await sealer.open(env, ROW_7)).toBe('inside a transaction');
    await expect(sealer.open(env, { ...ROW_7, rowId: 6 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('still opens a value sealed before values were bound to their row (cd1), wherever it is read', async () => {
    const keychain = createMemoryKeychain();
    const sealer = createSealer(keychain);
    await sealer.keyId();
    const old = await legacyEnvelope(keychain, 'queued before the upgrade');
    expect(old.startsWith('cd1.')).toBe(true);
    expect(await sealer.open(old, ROW_7)).toBe('queued before the upgrade');
    // Relabelling a bound value as cd1 does not escape its binding: the AAD differs, authentication fails.
    const bound = await sealer.seal('bound', ROW_7);
    await expect(sealer.open(`cd1${bound.slice(3)}`, ROW_7)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses another key, a tampered envelope, an unknown version and garbage with clear AppErrors', async () => {
    const sealer = createSealer(createMemoryKeychain());
    const other = createSealer(createMemoryKeychain());
    const env = await sealer.seal('payload', ROW_7);
    await expect(other.open(env, ROW_7)).rejects.toMatchObject({ code: 'KEY_MISMATCH', message: expect.stringMatching(/another local data key/) });
    const parts = env.split('.');
    const ct = parts[3] as string;
    const flipped = [parts[0], parts[1], parts[2], (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1), parts[4]].join('.');
    await expect(sealer.open(flipped, ROW_7)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/altered/) });
    await expect(sealer.open(`cd9${env.slice(3)}`, ROW_7)).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(sealer.open('hello', ROW_7)).rejects.toBeInstanceOf(AppError);
    await expect(sealer.open(env.split('.').slice(0, 4).join('.'), ROW_7)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
