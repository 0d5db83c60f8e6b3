// Each failure a real socket can produce maps to one clear error code.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, retryAfterMs } from '../../../../../main/core/http';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { closedPort, json, startScriptedServer } from './scripted-server';
import type { ScriptedServer } from './scripted-server';

let sandbox: FactPulseSandbox;
const servers: ScriptedServer[] = [];

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 3 });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  sandbox.faults.clear();
  sandbox.requests.length = 0;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function scripted(handler: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const server = await startScriptedServer(handler);
  servers.push(server);
  return server;
}

const sandboxClient = (extra: { maxRetries?: number; timeoutMs?: number } = {}) =>
  createHttpClient({
    baseUrl: sandbox.url,
    authorize: async () => ({ 'x-api-key': sandbox.credentials.apiKey }),
    backoffBaseMs: 1,
    maxRetries: 0,
    ...extra,
  });
const list = { method: 'GET', path: '/api/v1/clients' } as const;

describe('failure mapping', () => {
  it('a server slower than the timeout → TIMEOUT, each attempt timed out and counted', async () => {
    sandbox.faults.set({ latencyMs: 400 });
    await expect(sandboxClient({ timeoutMs: 100, maxRetries: 1 }).request(list)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await new Promise((r) => setTimeout(r, 500));
    expect(sandbox.requests).toHaveLength(2);
  });

  it('a refused connection → OFFLINE', async () => {
    const port = await closedPort();
    const http = createHttpClient({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2, backoffBaseMs: 1 });
    const err = await http.request(list).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OFFLINE' });
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    expect((err as { details?: { requestId?: string } }).details?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unknown host → OFFLINE naming the DNS failure', async () => {
    const http = createHttpClient({ baseUrl: 'http://clientdesk-test.invalid', maxRetries: 0, timeoutMs: 5_000 });
    const err = await http.request(list).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OFFLINE' });
    expect((err as Error).message).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('a reset connection → NETWORK', async () => {
    sandbox.faults.set({ reset: true });
    await expect(sandboxClient().request(list)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('a truncated JSON body → BAD_RESPONSE, not retried', async () => {
    sandbox.faults.set({ truncate: true });
    const err = await sandboxClient({ maxRetries: 3 }).request(list).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', details: { status: 200 } });
    expect((err as Error).message).toMatch(/not valid JSON/);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('an HTML page where JSON was expected → BAD_RESPONSE; an empty body → null data', async () => {
    const server = await scripted((req, res) => {
      if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Captive portal</body></html>');
    });
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
    await expect(http.request({ method: 'GET', path: '/page' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    const empty = await http.request({ method: 'GET', path: '/empty' });
    expect(empty).toMatchObject({ status: 204, data: null });
  });

  it('a caller abort → CANCELLED, also during a retry wait', async () => {
    sandbox.faults.set({ status: 503, retryAfterSeconds: 5 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await expect(sandboxClient({ maxRetries: 3 }).request({ ...list, signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('waits until the date before retrying', async () => {
    const server = await scripted((_req, res, hit) => {
      if (hit === 1) json(res, 503, { detail: 'busy' }, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() });
      else json(res, 200, { ok: true });
    });
    const started = performance.now();
    const res = await createHttpClient({ baseUrl: server.url, backoffBaseMs: 1 }).request({ method: 'GET', path: '/x' });
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    // HTTP dates have one-second resolution: at least ~1 s of the 2 s remains.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('caps a far-away date', async () => {
    const server = await scripted((_req, res, hit) => {
      if (hit === 1) json(res, 429, { detail: 'slow down' }, { 'retry-after': new Date(Date.now() + 86_400_000).toUTCString() });
      else json(res, 200, { ok: true });
    });
    const started = performance.now();
    const res = await createHttpClient({ baseUrl: server.url, retryAfterCapMs: 50 }).request({ method: 'GET', path: '/x' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('retryAfterMs parses seconds, dates, past dates and garbage', () => {
    expect(retryAfterMs('3', 10_000)).toBe(3_000);
    expect(retryAfterMs('120', 10_000)).toBe(10_000);
    expect(retryAfterMs(new Date(Date.now() - 60_000).toUTCString(), 10_000)).toBe(0);
    const inFive = retryAfterMs(new Date(Date.now() + 5_000).toUTCString(), 60_000);
    expect(inFive).toBeGreaterThan(3_000);
    expect(inFive).toBeLessThanOrEqual(5_000);
    expect(retryAfterMs('soon', 10_000)).toBeNull();
    expect(retryAfterMs(null, 10_000)).toBeNull();
  });
});

describe('concurrency limit per client', () => {
  it('never has more than N requests in flight, on the client and on the wire', async () => {
    const server = await scripted(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 30));
      json(res, 200, { ok: true });
    });
    const http = createHttpClient({ baseUrl: server.url, concurrency: 3 });
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => http.request({ method: 'GET', path: `/item/${i}` })));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(server.hits).toHaveLength(12);
    expect(http.limiter.peak).toBe(3);
    expect(server.peakInFlight).toBeLessThanOrEqual(3);
    expect(http.limiter.active).toBe(0);
  });

  it('sends auth headers, a request id and JSON, and keeps the base path', async () => {
    const server = await scripted((_req, res) => json(res, 200, { ok: true }));
    const http = createHttpClient({ baseUrl: `${server.url}/prefix/`, authorize: async () => ({ 'x-api-key': 'k-123456' }) });
    await http.request({ method: 'POST', path: '/api/v1/clients', query: { page: 2, skip: undefined }, body: { a: 1 }, idempotent: true });
    const hit = server.hits[0];
    expect(hit?.path).toBe('/prefix/api/v1/clients?page=2');
    expect(hit?.headers['x-api-key']).toBe('k-123456');
    expect(hit?.headers['content-type']).toBe('application/json');
    expect(hit?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
