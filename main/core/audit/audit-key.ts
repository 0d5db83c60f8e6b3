import { randomBytes } from 'node:crypto';
import type { Keychain } from '../vault/keychain';
import { keepsSecrets } from '../vault/keychain';
import { dataKeyId } from '../vault/sealing';

/** The HMAC key of the audit chain: whoever edits the log without it cannot make the chain match again. */
export const AUDIT_KEY_ACCOUNT = 'app/audit-key';

export interface AuditKey {
  /** First 8 hex of SHA-256 of the key: names it in each hash, reveals nothing about it. */
  id: string;
  raw: Buffer;
  /** Made by this open: nothing was keyed before, so a legacy (unkeyed) log may be taken over. */
  createdNow: boolean;
}

/**
 * The audit key from the keychain, created on first use. null when the keychain keeps nothing past this
 * process (a key born there would leave the log unverifiable after a restart) or refuses: the log then
 * stays chained without a key, and audit.verify says so.
 */
export async function openAuditKey(keychain: Keychain, log: (line: string) => void = () => {}): Promise<AuditKey | null> {
  if (!keepsSecrets(keychain)) return null;
  try {
    const stored = await keychain.get(AUDIT_KEY_ACCOUNT);
    if (stored !== null) {
      const raw = Buffer.from(stored, 'base64');
      if (raw.length !== 32) {
        log('audit key in the keychain is damaged (not 32 bytes): the audit log is not keyed this session');
        return null;
      }
      return { id: dataKeyId(raw), raw, createdNow: false };
    }
    await keychain.set(AUDIT_KEY_ACCOUNT, randomBytes(32).toString('base64'));
    // Re-read so that two first uses at once converge on the stored key.
    const raw = Buffer.from((await keychain.get(AUDIT_KEY_ACCOUNT)) ?? '', 'base64');
    return raw.length === 32 ? { id: dataKeyId(raw), raw, createdNow: true } : null;
  } catch (err) {
    log(`audit key unavailable, the audit log is not keyed this session: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
