import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Keychain } from './keychain';

/**
 * The one sealing utility of the vault: anything persisted that holds a secret is sealed with
 * AES-256-GCM under the local data key kept in the keychain.
 *
 * Envelope: `<version>.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>`
 * - keyId: first 8 hex of SHA-256 of the raw data key (identifies the key, reveals nothing about it)
 * - iv: 12 random bytes per message; tag: 16-byte GCM tag
 * - cd2 (written today): the AAD binds the value to where it is stored — table, column and row id — so a
 *   sealed value copied into another row or column fails to open.
 * - cd1 (older values, still opened): the AAD is only the version and key id.
 */
export const DATA_KEY_ACCOUNT = 'vault/data-key';
export const ENVELOPE_VERSION = 'cd2';
export const LEGACY_ENVELOPE_VERSION = 'cd1';

/** Where a sealed value lives; it opens only there. */
export interface SealBinding {
  table: string;
  column: string;
  rowId: number | string;
}

/** Seals synchronously with a key loaded beforehand (inside a database transaction). */
export type SealNow = (plain: string, binding: SealBinding) => string;

export interface Sealer {
  seal(plain: string, binding: SealBinding): Promise<string>;
  open(envelope: string, binding: SealBinding): Promise<string>;
  /** Loads the data key (creating it on first use) and returns a synchronous seal. */
  prepare(): Promise<SealNow>;
  /** Key id of the local data key (creates the key on first use). */
  keyId(): Promise<string>;
}

interface DataKey {
  id: string;
  raw: Buffer;
}

export function dataKeyId(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 8);
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function aad(version: string, keyId: string, binding: SealBinding | null): Buffer {
  if (!binding) return Buffer.from(`${version}.${keyId}`, 'utf8');
  // A JSON array: no separator inside a table or column name can make two bindings collide.
  return Buffer.from(JSON.stringify([version, keyId, binding.table, binding.column, String(binding.rowId)]), 'utf8');
}

function sealWith(key: DataKey, plain: string, binding: SealBinding): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.raw, iv);
  cipher.setAAD(aad(ENVELOPE_VERSION, key.id, binding));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ENVELOPE_VERSION, key.id, iv.toString('base64url'), ct.toString('base64url'), tag.toString('base64url')].join('.');
}

export function createSealer(keychain: Keychain): Sealer {
  let cached: Promise<DataKey> | null = null;

  async function loadOrCreate(): Promise<DataKey> {
    const stored = await keychain.get(DATA_KEY_ACCOUNT);
    if (stored !== null) {
      const raw = Buffer.from(stored, 'base64');
      if (raw.length !== 32) throw new AppError('INTERNAL', 'The local data key in the keychain is damaged (not 32 bytes).');
      return { id: dataKeyId(raw), raw };
    }
    const raw = randomBytes(32);
    await keychain.set(DATA_KEY_ACCOUNT, raw.toString('base64'));
    // Re-read so that two concurrent first uses (e.g. two processes) converge on the stored key.
    const again = await keychain.get(DATA_KEY_ACCOUNT);
    const final = again !== null ? Buffer.from(again, 'base64') : raw;
    return { id: dataKeyId(final), raw: final };
  }

  function dataKey(): Promise<DataKey> {
    if (!cached) {
      cached = loadOrCreate();
      cached.catch(() => {
        cached = null;
      });
    }
    return cached;
  }

  return {
    async keyId() {
      return (await dataKey()).id;
    },
    async seal(plain, binding) {
      return sealWith(await dataKey(), plain, binding);
    },
    async prepare() {
      const key = await dataKey();
      return (plain, binding) => sealWith(key, plain, binding);
    },
    async open(envelope, binding) {
      const parts = envelope.split('.');
      if (parts.length !== 5) throw new AppError('VALIDATION', 'This sealed value is not a Clientdesk envelope (wrong format).');
      const [version, keyIdPart, ivPart, ctPart, tagPart] = parts as [string, string, string, string, string];
      if (version !== ENVELOPE_VERSION && version !== LEGACY_ENVELOPE_VERSION) {
        throw new AppError('UNSUPPORTED', `This sealed value uses an unknown envelope version (${version.slice(0, 8)}).`);
      }
      if (![ivPart, ctPart, tagPart].every((p) => B64URL.test(p))) {
        throw new AppError('VALIDATION', 'This sealed value is damaged (invalid encoding).');
      }
      const key = await dataKey();
      if (keyIdPart !== key.id) {
        throw new AppError(
          'KEY_MISMATCH',
          `This value was sealed with another local data key (${keyIdPart.slice(0, 8)}), not the one in this keychain (${key.id}).`,
        );
      }
      const iv = Buffer.from(ivPart, 'base64url');
      const tag = Buffer.from(tagPart, 'base64url');
      if (iv.length !== 12 || tag.length !== 16) throw new AppError('VALIDATION', 'This sealed value is damaged (bad IV or tag length).');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.raw, iv);
        decipher.setAAD(aad(version, key.id, version === ENVELOPE_VERSION ? binding : null));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(ctPart, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError(
          'VALIDATION',
          `This sealed value was altered, is damaged, or was moved from another place than ${binding.table}.${binding.column} #${binding.rowId}: authentication failed.`,
        );
      }
    },
  };
}
