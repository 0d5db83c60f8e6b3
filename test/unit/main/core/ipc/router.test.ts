import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../main/core/ipc/router';
import type { HandlerMap } from '../../../../../main/core/ipc/router';
import { CHANNEL_NAMES } from '../../../../../shared/ipc';
import { AppError } from '../../../../../shared/errors';

/** Handlers that must never run: validation has to stop bad input first. */
function refusingHandlers(): HandlerMap {
  const entries = CHANNEL_NAMES.map((name) => [
    name,
    () => {
      throw new Error(`handler ${name} ran on invalid input`);
    },
  ]);
  return Object.fromEntries(entries) as unknown as HandlerMap;
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

describe('router input validation, on every channel', () => {
  const router = createRouter(refusingHandlers());

  it.each(CHANNEL_NAMES)('%s: wrong type, missing fields and a 10 MB string are VALIDATION', async (channel) => {
    for (const bad of [42, { unexpected: true, id: 7 }, { id: TEN_MB, connectionId: TEN_MB, label: TEN_MB }, TEN_MB]) {
      const result = await router.invoke(channel, bad);
      expect(result.ok, `${channel} accepted ${typeof bad === 'string' ? 'a 10 MB string' : JSON.stringify(bad).slice(0, 60)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
  });

  it('refuses an unknown channel', async () => {
    const result = await router.invoke('fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reports field paths for form errors', async () => {
    const result = await router.invoke('connections.add', { label: '', provider: 'factpulse', baseUrl: '', auth: { method: 'apiKey' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.error.details?.fields?.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['label', 'baseUrl']));
  });
});

describe('router error mapping', () => {
  const handlers = {
    ...refusingHandlers(),
    'settings.get': () => {
      throw new AppError('NOT_FOUND', 'nothing here', { status: 404 });
    },
    'app.info': () => {
      throw new Error('database exploded at /home/me/secret-path with apiKey=sk_live_123456');
    },
  } as HandlerMap;
  const lines: string[] = [];
  const router = createRouter(handlers, { log: (l) => lines.push(l), isTrustedSender: (url) => url === 'app://clientdesk/index.html' });

  it('passes AppError codes through', async () => {
    const result = await router.invoke('settings.get', undefined, { senderUrl: 'app://clientdesk/index.html' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'nothing here', details: { status: 404 } } });
  });

  it('turns unknown errors into INTERNAL without leaking their text or a stack', async () => {
    const result = await router.invoke('app.info', undefined, { senderUrl: 'app://clientdesk/index.html' });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).toContain('INTERNAL');
    expect(text).not.toContain('exploded');
    expect(text).not.toContain('at ');
    expect(lines.join('\n')).not.toContain('sk_live_123456');
  });

  it('refuses callers that are not the app page', async () => {
    for (const senderUrl of [undefined, 'https://evil.example/', 'file:///etc/passwd']) {
      const result = await router.invoke('settings.get', undefined, { senderUrl });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('router output', () => {
  it('strips fields the contract does not declare, so nothing extra crosses the bridge', async () => {
    const handlers = {
      ...refusingHandlers(),
      'settings.get': () => ({ language: 'fr', theme: 'dark', syncIntervalMinutes: 0, keyMaxAgeDays: 90, apiKey: 'leak' }),
    } as unknown as HandlerMap;
    const result = await createRouter(handlers).invoke('settings.get', undefined);
    expect(result).toEqual({ ok: true, value: { language: 'fr', theme: 'dark', syncIntervalMinutes: 0, keyMaxAgeDays: 90 } });
  });
});
