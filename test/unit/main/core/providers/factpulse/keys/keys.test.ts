import { describe, expect, it } from 'vitest';
import { createMemoryKeychain } from '../../../../../../../main/core/vault';
import { createKeyStore, fingerprint, generateKey, parseKey, verifyWebhook } from '../../../../../../../main/core/providers/factpulse/keys';
import { createHash, createHmac } from 'node:crypto';

describe('key material', () => {
  it('generates 32 random bytes as 44 base64 characters', () => {
    const a = generateKey();
    expect(a).toHaveLength(44);
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(generateKey()).not.toBe(a);
  });
  it('parses base64 of exactly 32 bytes, else VALIDATION with the field', () => {
    const k = generateKey();
    expect(parseKey(`  ${k}\n`)).toBe(k);
    for (const bad of ['', 'abc', Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('base64'), `${k.slice(0, 42)}!=`]) {
      expect(() => parseKey(bad, 'importKey')).toThrowError(expect.objectContaining({ code: 'VALIDATION', details: { fields: [expect.objectContaining({ field: 'importKey' })] } }));
    }
    try {
      parseKey(`${k}AAAA`);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(k);
    }
  });
  it('fingerprints with the first 16 hex of SHA-256 of the raw bytes', () => {
    const k = generateKey();
    expect(fingerprint(k)).toBe(createHash('sha256').update(Buffer.from(k, 'base64')).digest('hex').slice(0, 16));
  });
});

describe('key store over the memory keychain', () => {
  it('keeps current/pending/previous per client and reports an inventory without keys', async () => {
    const keychain = createMemoryKeychain();
    const store = createKeyStore(keychain);
    const k1 = generateKey();
    const k2 = generateKey();
    await store.set('c1', 'u1', 'current', { key: k1, createdAt: new Date(Date.now() - 100 * 86_400_000).toISOString() });
    await store.set('c1', 'u1', 'pending', { key: k2, createdAt: new Date().toISOString() });
    await store.set('c2', 'u9', 'current', { key: generateKey(), createdAt: new Date().toISOString() });
    expect(await keychain.list('c1/')).toEqual(['c1/key/u1/current', 'c1/key/u1/pending']);
    const inv = await store.inventory('c1');
    expect(inv).toHaveLength(1);
    expect(inv[0]).toMatchObject({ clientUid: 'u1', fingerprint: fingerprint(k1), ageDays: 100, hasPending: true, hasPrevious: false });
    expect(JSON.stringify(inv)).not.toContain(k1);
    expect(JSON.stringify(inv)).not.toContain(k2);
    expect(await store.pendingEverywhere()).toEqual([{ connectionId: 'c1', clientUid: 'u1' }]);
  });
});

describe('webhook verification', () => {
  const secret = 'whsec_test_secret_value';
  const body = '{"event":"invoice.created","id":42}';
  const sign = (s: string, b: string) => `sha256=${createHmac('sha256', s).update(b).digest('hex')}`;
  it('accepts the right signature over the raw bytes', () => {
    expect(verifyWebhook(body, sign(secret, body), secret)).toEqual({ valid: true, reason: 'ok' });
    expect(verifyWebhook(Buffer.from(body), sign(secret, body).toUpperCase().replace('SHA256=', 'sha256='), secret).valid).toBe(true);
  });
  it('says why it fails: format, mismatch (secret or body), no secret', () => {
    expect(verifyWebhook(body, 'md5=abc', secret)).toMatchObject({ valid: false, reason: 'format' });
    expect(verifyWebhook(body, `sha256=${'0'.repeat(63)}`, secret)).toMatchObject({ valid: false, reason: 'format' });
    expect(verifyWebhook(`${body} `, sign(secret, body), secret)).toMatchObject({ valid: false, reason: 'mismatch' });
    expect(verifyWebhook(body, sign('other', body), secret)).toMatchObject({ valid: false, reason: 'mismatch' });
    expect(verifyWebhook(body, sign(secret, body), null)).toMatchObject({ valid: false, reason: 'no-secret' });
  });
});
