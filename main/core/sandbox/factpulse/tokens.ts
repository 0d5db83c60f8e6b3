import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  sub: string;
  type: 'access' | 'refresh';
  client_uid: string | null;
  exp: number;
  jti: string;
}

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/** A minimal HS256 JWT issuer/verifier, enough to behave like SimpleJWT for the app. */
export function createTokenIssuer(secret: Buffer = randomBytes(32)) {
  function sign(claims: TokenClaims): string {
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify(claims));
    const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
  }
  function verify(token: string, type: TokenClaims['type']): TokenClaims | null {
    const [head, body, sig] = token.split('.');
    if (!head || !body || !sig) return null;
    const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      if (claims.type !== type || claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch {
      return null;
    }
  }
  return { sign, verify };
}

/** Parses a caller key: base64 of exactly 32 bytes, else null. */
export function parseCallerKey(value: string | undefined): Buffer | null {
  if (!value || !/^[A-Za-z0-9+/]{43}=$/.test(value)) return null;
  const key = Buffer.from(value, 'base64');
  return key.length === 32 ? key : null;
}

/**
 * The double-mode caller key of a seeded client: base64 of HMAC-SHA256(uid) under a secret derived from the seed.
 * Reproducible, so tests and the demo can use the seeded double-mode secrets without the sandbox telling anyone the key.
 */
export function seedKeyFor(uid: string, seed: number): string {
  const seedSecret = createHash('sha256').update(`factpulse-sandbox-seed:${seed}`).digest();
  return createHmac('sha256', seedSecret).update(uid).digest('base64');
}

/** iv: only for deterministic seed data; otherwise random. */
export function sealWithCallerKey(key: Buffer, plaintext: string, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64')).join('.');
}

/** null when the key is not the one the secret was sealed with. */
export function openWithCallerKey(key: Buffer, sealed: string): string | null {
  const [iv, ct, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
  if (!iv || !ct || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function signWebhookBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
