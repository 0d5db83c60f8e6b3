// FactPulse double encryption: PDP write with X-Encryption-Key (op 8) and key rotation (op 9).
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider } from '../../../../../main/core/providers/types';
import { seedKeyFor } from '../../../../../main/core/sandbox/factpulse';
import { openWithCallerKey } from '../../../../../main/core/sandbox/factpulse/tokens';
import { providerFor, sandboxOnly, startTarget } from './factpulse-target';
import type { Target } from './factpulse-target';

let target: Target;
let fp: Provider;
const SEED = 7;

beforeAll(async () => {
  target = await startTarget({ clients: 60, seed: SEED });
  fp = providerFor(target);
});
afterAll(() => target.close());

const newKey = () => randomBytes(32).toString('base64');
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> });
const pdp = (secret: string, encryptionMode: 'fernet' | 'double') => ({
  flowServiceUrl: 'https://pdp.example.fr/flows',
  tokenUrl: 'https://pdp.example.fr/oauth/token',
  oauthClientId: 'oauth-double',
  clientSecret: secret,
  encryptionMode,
});

async function clientWithDoubleSecret(secret: string, key: string): Promise<string> {
  const { remoteId } = await fp.createClient!({ name: `Double ${randomUUID().slice(0, 8)}` });
  const saved = await fp.updatePdpConfig!(remoteId, pdp(secret, 'double'), { encryptionKey: key });
  expect(saved).toMatchObject({ isConfigured: true, encryptionMode: 'double', secretStatus: { requiresClientKey: true } });
  return remoteId;
}

/** Sandbox only: the stored secret opens with this key. */
function opensWith(uid: string, key: string): string | null {
  const stored = target.sandbox?.state.clients.get(uid)?.pdp?.storedSecret ?? '';
  return openWithCallerKey(Buffer.from(key, 'base64'), stored);
}

describe('double mode', () => {
  it('8 sends X-Encryption-Key; the server seals the secret under it and keeps neither in clear', async () => {
    const secret = `pdp-double-${randomUUID()}`;
    const key = newKey();
    const uid = await clientWithDoubleSecret(secret, key);
    const read = await fp.getPdpConfig!(uid);
    expect(JSON.stringify(read)).not.toContain(secret);
    if (target.sandbox) {
      expect(target.sandbox.requests.at(-2)).toMatchObject({ method: 'PUT', hasEncryptionKey: true, status: 200 });
      const stored = target.sandbox.state.clients.get(uid)?.pdp?.storedSecret ?? '';
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(key);
      expect(opensWith(uid, key)).toBe(secret);
    }
  });

  it('refuses a double-mode write without a key before calling the server (KEY_MISSING)', async () => {
    const { remoteId } = await fp.createClient!({ name: 'No key' });
    expect(await fail(fp.updatePdpConfig!(remoteId, pdp('pdp-secret-x', 'double')))).toMatchObject({ code: 'KEY_MISSING' });
    expect((await fp.getPdpConfig!(remoteId)).isConfigured).toBe(false);
  });

  it('9 rotates old → new; the old key is dead afterwards', async () => {
    const secret = `pdp-double-${randomUUID()}`;
    const [k1, k2, k3] = [newKey(), newKey(), newKey()];
    const uid = await clientWithDoubleSecret(secret, k1);
    const result = await fp.rotateEncryptionKey!(uid, k1, k2);
    expect(result).toMatchObject({ success: true, rotatedCount: 1, partialErrors: [] });
    if (target.sandbox) expect(opensWith(uid, k2)).toBe(secret);
    expect(await fail(fp.rotateEncryptionKey!(uid, k1, k3))).toMatchObject({ code: 'KEY_MISMATCH' });
    // Rotating the current key to itself succeeds only with the right key (used by recovery).
    expect((await fp.rotateEncryptionKey!(uid, k2, k2)).success).toBe(true);
  });

  it('a wrong old key → KEY_MISMATCH and nothing changed', async () => {
    const secret = `pdp-double-${randomUUID()}`;
    const [right, wrong, next] = [newKey(), newKey(), newKey()];
    const uid = await clientWithDoubleSecret(secret, right);
    const before = target.sandbox?.state.clients.get(uid)?.pdp?.storedSecret;
    const err = await fail(fp.rotateEncryptionKey!(uid, wrong, next));
    expect(err).toMatchObject({ code: 'KEY_MISMATCH', details: { status: 400 } });
    expect(err?.message).toMatch(/Nothing was changed/);
    expect(target.sandbox?.state.clients.get(uid)?.pdp?.storedSecret).toBe(before);
    // The right key still works: proof that nothing changed, on any server.
    expect((await fp.rotateEncryptionKey!(uid, right, next)).rotatedCount).toBe(1);
  });

  it('no double-mode secret → NOT_FOUND (no PDP config, or a fernet one)', async () => {
    const { remoteId: bare } = await fp.createClient!({ name: 'No PDP' });
    expect(await fail(fp.rotateEncryptionKey!(bare, newKey(), newKey()))).toMatchObject({ code: 'NOT_FOUND', details: { status: 404 } });
    const { remoteId: fernet } = await fp.createClient!({ name: 'Fernet PDP' });
    await fp.updatePdpConfig!(fernet, pdp('pdp-fernet-secret', 'fernet'));
    expect(await fail(fp.rotateEncryptionKey!(fernet, newKey(), newKey()))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keys that are not base64 of 32 bytes → VALIDATION on the key fields, nothing sent twice', async () => {
    const uid = await clientWithDoubleSecret('pdp-secret-y', newKey());
    const short = randomBytes(16).toString('base64');
    const err = await fail(fp.rotateEncryptionKey!(uid, short, newKey()));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { status: 422 } });
    expect(err?.details?.fields).toEqual([expect.objectContaining({ field: 'oldKey' })]);
  });

  it.skipIf(sandboxOnly('seeded double-mode clients'))('seeded double-mode secrets open with seedKeyFor(uid, seed) and rotate', async () => {
    const seeded = [...(target.sandbox?.state.clients.values() ?? [])].filter((c) => c.pdp?.encryptionMode === 'double');
    expect(seeded.length).toBeGreaterThan(0);
    const uid = seeded[0]?.uid ?? '';
    const key = seedKeyFor(uid, SEED);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(opensWith(uid, key)).toMatch(/^pdp_/);
    expect(await fail(fp.rotateEncryptionKey!(uid, seedKeyFor(uid, SEED + 1), newKey()))).toMatchObject({ code: 'KEY_MISMATCH' });
    expect((await fp.rotateEncryptionKey!(uid, key, newKey())).rotatedCount).toBe(1);
  });
});
