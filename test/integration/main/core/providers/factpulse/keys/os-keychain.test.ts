// The vault's sealer and the key store on the real OS keychain (scripts/with-keychain.sh provides one).
import { afterAll, describe, expect, it } from 'vitest';
import { createSealer, openKeychain } from '../../../../../../../main/core/vault';
import type { Keychain } from '../../../../../../../main/core/vault';
import { createKeyStore, fingerprint, generateKey } from '../../../../../../../main/core/providers/factpulse/keys';

const expectsOs = process.env.CLIENTDESK_KEYCHAIN_EXPECTED === 'os';
let keychain: Keychain | null = null;

async function osKeychain(): Promise<Keychain | null> {
  const opened = await openKeychain({ service: `clientdesk-test-${process.pid}` });
  if (opened.status !== 'os') {
    if (expectsOs) throw new Error(`OS keychain expected but unavailable: ${opened.reason ?? ''}`);
    console.info(`os-keychain tests skipped: no OS keychain here (${opened.reason ?? 'unknown'}); run under scripts/with-keychain.sh`);
    return null;
  }
  return opened.keychain;
}

afterAll(async () => {
  if (keychain) for (const a of await keychain.list('')) await keychain.delete(a);
});

describe('vault on the OS keychain', () => {
  it('seals with a data key kept in the OS keychain, and keeps key slots per client', async () => {
    keychain = await osKeychain();
    if (!keychain) return;
    const place = { table: 'outbox', column: 'sealed_secret', rowId: 1 };
    const sealed = await createSealer(keychain).seal('queued pdp write', place);
    expect(await createSealer(keychain).open(sealed, place)).toBe('queued pdp write');
    const store = createKeyStore(keychain);
    const k = generateKey();
    await store.set('conn-1', 'client-1', 'current', { key: k, createdAt: new Date().toISOString() });
    expect((await store.inventory('conn-1'))[0]).toMatchObject({ clientUid: 'client-1', fingerprint: fingerprint(k) });
    expect(await keychain.list('conn-1/')).toEqual(['conn-1/key/client-1/current']);
  });
});
