import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact, redactDeep, redactError, registerSecret, unregisterSecret } from '../../../../../main/core/http/redact';

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

describe('redact: secret shapes beyond simple key=value', () => {
  const hexKey = randomBytes(32).toString('hex');
  // Fixed so the shape checks (mixed case) never depend on a random draw.
  const b64urlKey = 'q3-Z_9vLm0aB7xYcD2eF4gH6iJ8kL1mN3oP5qR7sT9u';
  const stdUnpadded = 'Q3+Z/9vLm0aB7xYcD2eF4gH6iJ8kL1mN3oP5qR7sT9u';
  const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;

  it.each([
    ['an AES key in hex', `key material ${hexKey} leaked`, [hexKey], ['key material ', ' leaked']],
    ['an AES key in unpadded base64url', `derived ${b64urlKey} stored`, [b64urlKey], ['derived ', ' stored']],
    ['an AES key in unpadded base64', `derived ${stdUnpadded} stored`, [stdUnpadded], ['derived ', ' stored']],
    [
      'a PDP client secret with spaces in JSON',
      '{"oauthClientId":"oauth-1","clientSecret": "pdp secret with spaces","encryptionMode":"fernet"}',
      ['pdp secret', 'with spaces'],
      ['"oauthClientId":"oauth-1"', '"clientSecret": "[redacted]"', '"encryptionMode":"fernet"'],
    ],
    [
      'a PDP client secret with an escaped quote',
      '{"clientSecret":"ab\\"cd efgh","tokenUrl":"https://pdp.example.fr/t"}',
      ['cd efgh', 'ab\\"'],
      ['"tokenUrl":"https://pdp.example.fr/t"'],
    ],
    [
      'a PDP client secret in JSON nested as a string',
      'body: {\\"clientSecret\\":\\"pdp s3cret\\",\\"oauthClientId\\":\\"o-1\\"}',
      ['pdp s3cret', 's3cret'],
      ['body: {', '\\"oauthClientId\\":\\"o-1\\"'],
    ],
    ['a bare webhook secret', `secret ${webhookSecret} generated`, [webhookSecret, webhookSecret.slice(6)], ['secret ', ' generated']],
    ['a webhook secret in JSON', `{"success":true,"webhookSecret":"${webhookSecret}","message":"ok"}`, [webhookSecret.slice(6)], ['"success":true', '"message":"ok"']],
    [
      'a passphrase with spaces in JSON',
      '{"path":"/home/u/keys.json","passphrase":"correct horse battery staple"}',
      ['correct', 'horse', 'battery', 'staple'],
      ['"path":"/home/u/keys.json"', '"passphrase":"[redacted]"'],
    ],
    ['a passphrase as key=value', 'passphrase=correct+horse+battery&path=/tmp/k', ['correct+horse'], ['path=/tmp/k']],
    ["a password in single quotes", "password='two words' user=alice", ['two words', 'two', 'words'], ['user=alice']],
    [
      'user:password@ in a URL',
      'GET https://admin:hunter22@api.example.fr/v1/clients?page=2 failed',
      ['admin', 'hunter22'],
      ['GET https://', '@api.example.fr/v1/clients?page=2 failed'],
    ],
    ['a user@ in a URL', 'see http://tok3n-value@127.0.0.1:8001/api', ['tok3n-value'], ['http://', '@127.0.0.1:8001/api']],
  ])('masks %s and keeps the text around it', (_what, text, secrets, kept) => {
    const out = redact(text);
    for (const s of secrets) expect(out).not.toContain(s);
    for (const k of kept) expect(out).toContain(k);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary identifiers, paths and ids alone', () => {
    const plain = [
      'PUT /api/v1/clients/123e4567-e89b-12d3-a456-426614174000/pdp-config returned 200',
      'request 0b5c9d1e-7a11-4c2f-9e33-5f2a1b0c9d8e took 42 ms',
      'https://api.example.fr/v1/clients?page=2&pageSize=50',
      'rotate-encryption-key-for-every-client-now',
      'user alice@example.fr logged in',
    ];
    for (const line of plain) expect(redact(line)).toBe(line);
  });
});

describe('redactDeep', () => {
  it('redacts every string in nested objects and arrays, keeps other values and the shape', () => {
    const key = randomBytes(32).toString('base64');
    const input = {
      status: 400,
      requestId: 'r-1',
      ok: true,
      fields: [{ field: 'auth.password', message: `password=${'p4ss-w0rd-long'} refused` }],
      server: { detail: { nested: [`x-encryption-key: ${key}`, 7, null] } },
    };
    const out = redactDeep(input);
    const text = JSON.stringify(out);
    expect(text).not.toContain('p4ss-w0rd-long');
    expect(text).not.toContain(key);
    expect(out).toMatchObject({ status: 400, requestId: 'r-1', ok: true, fields: [{ field: 'auth.password' }], server: { detail: { nested: [expect.any(String), 7, null] } } });
    expect(input.fields[0]?.message).toContain('p4ss-w0rd-long');
  });

  it('survives cycles and very deep nesting', () => {
    const cyclic: Record<string, unknown> = { secret: 'password=abcdefgh1' };
    cyclic.self = cyclic;
    expect(JSON.stringify(redactDeep(cyclic, 4)).includes('abcdefgh1')).toBe(false);
    let deep: unknown = 'password=deep-secret-1';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(JSON.stringify(redactDeep(deep))).not.toContain('deep-secret-1');
  });
});
