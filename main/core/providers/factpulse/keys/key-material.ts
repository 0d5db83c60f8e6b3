import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../../../shared/errors';

/** A new client key: 32 bytes from the CSPRNG, base64 (44 characters). */
export function generateKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Validates a key typed or pasted by the user: base64 of exactly 32 bytes.
 * Surrounding whitespace is ignored; the key itself never appears in the error.
 */
export function parseKey(text: string, field = 'key'): string {
  const trimmed = text.trim();
  const fail = (message: string) => new AppError('VALIDATION', message, { fields: [{ field, message }] });
  if (trimmed.length === 0) throw fail('The key is empty.');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw fail('The key must be base64 (letters, digits, + and /, padded with =).');
  }
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32) throw fail(`The key must be base64 of exactly 32 bytes (this one decodes to ${raw.length} bytes).`);
  return raw.toString('base64');
}

/** First 16 hex of SHA-256 of the raw key bytes: safe to show, log and store. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 16);
}
