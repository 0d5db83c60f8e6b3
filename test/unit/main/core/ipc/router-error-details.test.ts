// An error's details cross the bridge as redacted as its message: every string, however deeply nested.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../main/core/ipc/router';
import type { HandlerMap } from '../../../../../main/core/ipc/router';
import { CHANNEL_NAMES } from '../../../../../shared/ipc';
import { AppError } from '../../../../../shared/errors';

const aesKey = randomBytes(32).toString('base64');
const hexKey = randomBytes(32).toString('hex');
const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;

function handlersThrowing(err: unknown): HandlerMap {
  const entries = CHANNEL_NAMES.map((name) => [name, () => Promise.reject(err)]);
  return Object.fromEntries(entries) as unknown as HandlerMap;
}

describe('router: AppError details are redacted', () => {
  it('masks secrets in strings of nested objects and arrays, keeps the rest of the details', async () => {
    const err = new AppError('SERVER', `refused key ${aesKey}`, {
      status: 500,
      requestId: 'req-42',
      fields: [{ field: 'auth.password', message: 'password=hunter2-long was refused' }],
      server: { body: `{"clientSecret":"pdp secret value","webhookSecret":"${webhookSecret}"}`, keys: [hexKey, 3] },
      url: 'https://admin:pw-123456@api.example.fr/v1',
    });
    const result = await createRouter(handlersThrowing(err)).invoke('settings.get', undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = JSON.stringify(result.error);
    for (const secret of [aesKey, hexKey, webhookSecret, 'hunter2-long', 'pdp secret value', 'pw-123456']) expect(text).not.toContain(secret);
    expect(result.error.details).toMatchObject({
      status: 500,
      requestId: 'req-42',
      fields: [{ field: 'auth.password', message: 'password=[redacted] was refused' }],
      server: { keys: ['[redacted]', 3] },
      url: 'https://[redacted]@api.example.fr/v1',
    });
    expect(result.error.message).toBe('refused key [redacted]');
    // The thrown error itself is left as it was (the handler's own object is not rewritten).
    expect(JSON.stringify(err.details)).toContain(hexKey);
  });

  it('an AppError without details still has none', async () => {
    const result = await createRouter(handlersThrowing(new AppError('NOT_FOUND', 'gone'))).invoke('settings.get', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });
});
