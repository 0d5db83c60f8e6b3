// Retries against the FactPulse sandbox with injected faults: which calls are retried, how often, how long.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../../main/core/http';
import type { HttpClientOptions } from '../../../../../main/core/http';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';

let sandbox: FactPulseSandbox;

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 3 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.length = 0;
});

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl: sandbox.url,
    authorize: async () => ({ 'x-api-key': sandbox.credentials.apiKey }),
    backoffBaseMs: 2,
    maxRetries: 3,
    timeoutMs: 2_000,
    ...extra,
  });
}

const list = { method: 'GET', path: '/api/v1/clients' } as const;
const create = { method: 'POST', path: '/api/v1/clients', body: { name: 'Retry test' } } as const;

describe('retries: only idempotent calls, only 429/502/503/504, exactly maxRetries + 1 attempts', () => {
  it.each([429, 502, 503, 504])('retries a GET answered %i until maxRetries, then returns that status', async (status) => {
    sandbox.faults.set({ status });
    const res = await client().request(list);
    expect(res.status).toBe(status);
    expect(res.attempts).toBe(4);
    expect(sandbox.requests).toHaveLength(4);
  });

  it.each([500, 400, 401, 404])('does not retry a GET answered %i', async (status) => {
    sandbox.faults.set({ status });
    const res = await client().request(list);
    expect(res.status).toBe(status);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('recovers when the fault clears: two 503s then the real answer', async () => {
    sandbox.faults.set({ status: 503, times: 2 });
    const res = await client().request(list);
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
    expect((res.data as { total: number }).total).toBe(3);
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it.each([429, 502, 503, 504])('never sends a non-idempotent POST twice, even on %i', async (status) => {
    sandbox.faults.set({ status, retryAfterSeconds: 0 });
    const res = await client().request(create);
    expect(res.status).toBe(status);
    expect(res.attempts).toBe(1);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('retries a POST the caller marks idempotent', async () => {
    sandbox.faults.set({ status: 502, times: 1 });
    const res = await client().request({ ...create, idempotent: true });
    expect(res.status).toBe(201);
    expect(sandbox.requests.map((r) => r.status)).toEqual([502, 201]);
  });

  it('maxRetries 0 means one attempt', async () => {
    sandbox.faults.set({ status: 503 });
    const res = await client({ maxRetries: 0 }).request(list);
    expect(res.attempts).toBe(1);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('retries a reset connection for a GET (maxRetries + 1 attempts) but not for a POST', async () => {
    sandbox.faults.set({ reset: true });
    await expect(client({ maxRetries: 2 }).request(list)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(sandbox.requests).toHaveLength(3);
    sandbox.requests.length = 0;
    await expect(client({ maxRetries: 2 }).request(create)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('a POST whose answer is lost after the server applied it is not replayed (no duplicate client)', async () => {
    const before = sandbox.state.order.length;
    sandbox.faults.set({ dropAfterApply: true, times: 1 });
    await expect(client().request(create)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(sandbox.state.order.length).toBe(before + 1);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('applies a fault only to matching paths', async () => {
    sandbox.faults.set({ status: 503, pathPattern: /^POST / });
    const res = await client().request(list);
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(1);
  });
});

describe('Retry-After (seconds) from the server', () => {
  it('waits the announced seconds before retrying', async () => {
    sandbox.faults.set({ status: 429, retryAfterSeconds: 1, times: 1 });
    const started = performance.now();
    const res = await client({ retryAfterCapMs: 5_000 }).request(list);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it('caps a long Retry-After', async () => {
    sandbox.faults.set({ status: 503, retryAfterSeconds: 3_600, times: 2 });
    const started = performance.now();
    const res = await client({ retryAfterCapMs: 40 }).request(list);
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('gives up instead of waiting past the overall budget', async () => {
    sandbox.faults.set({ status: 503, retryAfterSeconds: 2 });
    const started = performance.now();
    const res = await client({ retryAfterCapMs: 10_000, overallTimeoutMs: 1_000, timeoutMs: 200 }).request(list);
    expect(res.status).toBe(503);
    expect(res.attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
