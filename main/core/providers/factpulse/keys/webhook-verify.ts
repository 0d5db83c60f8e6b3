import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookVerdict =
  | { valid: true; reason: 'ok' }
  | { valid: false; reason: 'format' | 'mismatch' | 'no-secret'; message: string };

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` over the raw body bytes,
 * in constant time. A mismatch means the secret is not the signer's, or the body was altered.
 */
export function verifyWebhook(rawBody: string | Buffer, header: string, secret: string | null): WebhookVerdict {
  const match = HEADER.exec(header.trim().replace(/^x-webhook-signature:\s*/i, ''));
  if (!match?.[1]) {
    return { valid: false, reason: 'format', message: 'The signature header must look like sha256=<64 hexadecimal characters>.' };
  }
  if (!secret) return { valid: false, reason: 'no-secret', message: 'No webhook secret is saved for this client in the keychain.' };
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (given.length === expected.length && timingSafeEqual(given, expected)) return { valid: true, reason: 'ok' };
  return {
    valid: false,
    reason: 'mismatch',
    message: 'The signature does not match: either the body was altered (paste it exactly as received) or it was signed with another secret.',
  };
}
