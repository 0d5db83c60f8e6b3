// After a realistic session through the router (demo workspace, connection test, clients, PDP with a client
// secret, webhook secret, password login, a refused API key; the sites registry's bearer token, the tokenization
// platform's Basic credentials and a refused password), no secret used may appear in any file of the data dir.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import type { Core } from '../../main/core/create-core';
import { createMemoryKeychain } from '../../main/core/vault';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let dataDir: string;
const secrets = new Map<string, string>();
const outcomes: Record<string, Envelope> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clientdesk-scan-'));
  const core: Core = await createCore({ dataDir, keychain: createMemoryKeychain(), resumeDemo: false });
  const call = async (channel: string, input?: unknown): Promise<Envelope> => {
    const result = (await core.router.invoke(channel, input)) as Envelope;
    outcomes[channel] = result;
    return result;
  };
  const value = <T,>(e: Envelope): T => {
    if (!e.ok) throw new Error(`call failed: ${e.error.code} ${e.error.message}`);
    return e.value as T;
  };
  try {
    const demo = value<{ id: string }>(await call('demo.start'));
    const sandbox = core.context.demo.sandboxFor(demo.id);
    if (!sandbox) throw new Error('demo sandbox not running');
    secrets.set('sandbox API key', sandbox.credentials.apiKey);
    secrets.set('sandbox password', sandbox.credentials.password);

    value(await call('connections.test', { id: demo.id }));
    const page = value<{ rows: Array<{ remoteId: string }> }>(await call('clients.page', { connectionId: demo.id, page: 1, pageSize: 20 }));
    const created = value<{ remoteId: string }>(
      await call('clients.create', { connectionId: demo.id, fields: { name: 'Scan SARL', identifier: '12345678901234', description: null } }),
    );
    const clientSecret = `pdp-client-secret-${randomUUID()}`;
    secrets.set('PDP client secret', clientSecret);
    value(
      await call('factpulse.pdp.update', {
        connectionId: demo.id,
        remoteId: created.remoteId,
        fields: { flowServiceUrl: 'https://pdp.example.fr/flows', tokenUrl: 'https://pdp.example.fr/token', oauthClientId: 'scan', clientSecret, encryptionMode: 'fernet' },
      }),
    );
    const hook = value<{ webhookSecret: string }>(await call('factpulse.webhook.generate', { connectionId: demo.id, remoteId: page.rows[0]?.remoteId, saveToKeychain: true }));
    secrets.set('webhook secret', hook.webhookSecret);

    // Password auth on the same sandbox: JWTs are issued and used.
    const pw = value<{ id: string }>(
      await call('connections.add', {
        label: 'Password login',
        provider: 'factpulse',
        baseUrl: sandbox.url,
        auth: { method: 'password', username: sandbox.credentials.username, password: sandbox.credentials.password },
      }),
    );
    value(await call('clients.page', { connectionId: pw.id, page: 1, pageSize: 5 }));
    secrets.set('a token the sandbox issued', sandbox.issueToken());

    // The other demo systems: a bearer token (sites registry), HTTP Basic (tokenization) and its header.
    const all = value<Array<{ id: string; provider: string }>>(await call('connections.list'));
    const sitesConn = all.find((c) => c.provider === 'sites')!;
    const tokConn = all.find((c) => c.provider === 'tokenization')!;
    const registry = core.context.demo.serverFor(sitesConn.id) as unknown as { credentials: { token: string } };
    const platform = core.context.demo.serverFor(tokConn.id) as unknown as { credentials: { username: string; password: string } };
    secrets.set('sites bearer token', registry.credentials.token);
    secrets.set('tokenization password', platform.credentials.password);
    secrets.set('tokenization Basic header', Buffer.from(`${platform.credentials.username}:${platform.credentials.password}`).toString('base64'));
    value(await call('sync.now', { connectionId: sitesConn.id }));
    value(await call('sync.now', { connectionId: tokConn.id }));
    value(await call('clients.create', { connectionId: sitesConn.id, fields: { name: 'Scan Entrepôt', identifier: '424242' } }));
    const wrongTokPassword = `tok_wrong_${randomUUID()}`;
    secrets.set('wrong tokenization password', wrongTokPassword);
    value(await call('connections.update', { id: tokConn.id, auth: { method: 'basic', username: platform.credentials.username, password: wrongTokPassword } }));
    outcomes['tokenization test'] = await call('connections.test', { id: tokConn.id });

    // A refused API key: the failure is logged and reported, the key must not be.
    const wrongKey = `fp_wrong_${randomUUID()}`;
    secrets.set('wrong API key', wrongKey);
    value(await call('connections.update', { id: demo.id, auth: { method: 'apiKey', apiKey: wrongKey } }));
    await call('connections.test', { id: demo.id });
    await call('clients.page', { connectionId: demo.id, page: 1, pageSize: 5 });
  } finally {
    await core.close();
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets scan of the data dir', () => {
  it('the session really happened: calls succeeded, the wrong key was refused', () => {
    expect(outcomes['factpulse.pdp.update']?.ok).toBe(true);
    expect(outcomes['factpulse.webhook.generate']?.ok).toBe(true);
    expect(outcomes['connections.test']).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(outcomes['clients.page']).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(outcomes['tokenization test']).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('wrote the settings file, the database and a log', () => {
    const names = filesUnder(dataDir).map((f) => relative(dataDir, f));
    expect(names).toContain('settings.json');
    expect(names).toEqual(expect.arrayContaining(['cache.sqlite', 'state.sqlite']));
    expect(names.some((n) => n.startsWith('logs'))).toBe(true);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toContain('Password login');
  });

  it('no file contains any secret used, nor any JWT', () => {
    expect(secrets.size).toBe(10);
    const leaks: string[] = [];
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      const text = bytes.toString('latin1');
      for (const [what, secret] of secrets) {
        if (bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf16le'))) leaks.push(`${what} in ${relative(dataDir, file)}`);
      }
      if (JWT.test(text)) leaks.push(`a JWT in ${relative(dataDir, file)}`);
    }
    // Only names of what leaked where, never the values.
    expect(leaks).toEqual([]);
  });

  it('no error message that crossed the bridge carries a secret', () => {
    const messages = JSON.stringify(outcomes);
    for (const [what, secret] of secrets) {
      if (what === 'webhook secret') continue; // shown once to the user on purpose (factpulse.webhook.generate result)
      expect(messages.includes(secret), what).toBe(false);
    }
  });
});
