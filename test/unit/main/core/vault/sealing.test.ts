import { describe, expect, it } from 'vitest';
import { createMemoryKeychain, createSealer, DATA_KEY_ACCOUNT } from '../../../../../main/core/vault';
import { AppError } from '../../../../../shared/errors';

describe('createSealer (local data key, AES-256-GCM envelope)', () => {
  it('creates the data key on first use and round-trips', async () => {
    const keychain = createMemoryKeychain();
    const sealer = createSealer(keychain);
    expect(await keychain.get(DATA_KEY_ACCOUNT)).toBeNull();
    const env = await sealer.seal('client secret: s3cr3t-valeur');
    expect(await keychain.get(DATA_KEY_ACCOUNT)).not.toBeNull();
    expect(env).toMatch(/^cd1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    expect(env).not.toContain('s3cr3t');
    expect(await sealer.open(env)).toBe('client secret: s3cr3t-valeur');
    expect(env.split('.')[1]).toBe(await sealer.keyId());
  });

  it('uses a fresh IV per message and survives a new sealer over the same keychain', async () => {
    const keychain = createMemoryKeychain();
    const a = await createSealer(keychain).seal('same');
    const b = await createSealer(keychain).seal('same');
    expect(a).not.toBe(b);
    expect(await createSealer(keychain).open(a)).toBe('same');
    expect(await createSealer(keychain).open('cd1' + b.slice(3))).toBe('same');
  });

  it('refuses another key, a tampered envelope, an unknown version and garbage with clear AppErrors', async () => {
    const sealer = createSealer(createMemoryKeychain());
    const other = createSealer(createMemoryKeychain());
    const env = await sealer.seal('payload');
    await expect(other.open(env)).rejects.toMatchObject({ code: 'KEY_MISMATCH', message: expect.stringMatching(/another local data key/) });
    const parts = env.split('.');
    const ct = parts[3] as string;
    const flipped = [parts[0], parts[1], parts[2], (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1), parts[4]].join('.');
    await expect(sealer.open(flipped)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/altered/) });
    await expect(sealer.open(`cd9${env.slice(3)}`)).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(sealer.open('hello')).rejects.toBeInstanceOf(AppError);
    await expect(sealer.open(env.split('.').slice(0, 4).join('.'))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
