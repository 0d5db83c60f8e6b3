import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact, redactError, registerSecret, unregisterSecret } from '../../../../../main/core/http/redact';

const jwt = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
  Buffer.from('{"sub":"admin","exp":1999999999}').toString('base64url'),
  randomBytes(32).toString('base64url'),
].join('.');
const aesKey = randomBytes(32).toString('base64');

describe('redact', () => {
  it.each([
    ['an API key header', 'X-API-Key: fp_live_abcdef123456', 'fp_live_abcdef123456'],
    ['an API key in JSON', '{"apiKey":"fp_live_abcdef123456"}', 'fp_live_abcdef123456'],
    ['a bearer token', 'Authorization: Bearer abc.def-ghi_123', 'abc.def-ghi_123'],
    ['a bare "Bearer x"', 'sent Bearer opaque-token-value', 'opaque-token-value'],
    ['a JWT anywhere', `token was ${jwt} yesterday`, jwt],
    ['an X-Encryption-Key header', `x-encryption-key: ${aesKey}`, aesKey],
    ['a password field', 'username=a&password=hunter2hunter2&x=1', 'hunter2hunter2'],
    ['a password in JSON', '{"username":"a","password": "correct-horse"}', 'correct-horse'],
    ['a client secret (camelCase)', '{"clientSecret":"pdp-s3cret-value"}', 'pdp-s3cret-value'],
    ['a client secret (snake_case)', 'client_secret=pdp-s3cret-value', 'pdp-s3cret-value'],
    ['rotation keys', `{"oldKey":"${aesKey}","newKey":"zzz-other"}`, 'zzz-other'],
    ['a bare base64 32-byte key', `key material ${aesKey} leaked`, aesKey],
    ['a refresh token field', '{"refresh":"r-token-value-1"}', 'r-token-value-1'],
  ])('masks %s', (_what, text, secret) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('masks registered secrets of any shape, longest first, until unregistered', () => {
    const short = 'plain-words-secret';
    const long = `${short}-with-more`;
    registerSecret(short);
    registerSecret(long);
    expect(redact(`a ${long} b ${short} c`)).toBe('a [redacted] b [redacted] c');
    unregisterSecret(long);
    unregisterSecret(short);
    expect(redact(`a ${short}`)).toBe(`a ${short}`);
  });

  it('ignores too-short registrations and leaves ordinary text alone', () => {
    registerSecret('abc');
    registerSecret(null);
    expect(redact('abc GET /api/v1/clients?page=2 returned 200')).toBe('abc GET /api/v1/clients?page=2 returned 200');
  });

  it('redactError redacts the message of errors and non-errors', () => {
    expect(redactError(new Error(`login failed for password=pw-12345678`))).toBe('Error: login failed for password=[redacted]');
    expect(redactError(`Bearer ${jwt}`)).not.toContain(jwt);
  });
});
