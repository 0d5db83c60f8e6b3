// Response bodies are capped: a huge answer is refused after the limit, without being downloaded or held in memory.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, describeBytes } from '../../../../../main/core/http';
import { json, startScriptedServer } from './scripted-server';
import type { Handler, ScriptedServer } from './scripted-server';

const MiB = 1024 * 1024;
const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function scripted(handler: Handler): Promise<ScriptedServer> {
  const server = await startScriptedServer(handler);
  servers.push(server);
  return server;
}

/** Writes `total` bytes of a JSON-looking body with backpressure; resolves with how many were written before the client went away. */
async function sendBytes(res: ServerResponse, total: number, announce: boolean): Promise<number> {
  res.writeHead(200, { 'content-type': 'application/json', ...(announce ? { 'content-length': String(total) } : {}) });
  const block = Buffer.alloc(64 * 1024, 0x20);
  block[0] = 0x5b; // '['
  let sent = 0;
  while (sent < total && !res.destroyed) {
    const ok = res.write(block.subarray(0, Math.min(block.length, total - sent)));
    sent += Math.min(block.length, total - sent);
    if (!ok) await new Promise<void>((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  }
  res.end();
  return sent;
}

/** A server answering every request with `total` bytes; `written` resolves once the handler stopped writing. */
async function hugeServer(total: number, announce = false): Promise<{ server: ScriptedServer; written: Promise<number> }> {
  let done!: (n: number) => void;
  const written = new Promise<number>((resolve) => (done = resolve));
  const server = await scripted(async (_req, res) => done(await sendBytes(res, total, announce)));
  return { server, written };
}

/** Runs `task` while sampling this process's RSS; returns the task's outcome and the peak growth in MiB. */
async function withRssPeak<T>(task: () => Promise<T>): Promise<{ outcome: T; growthMiB: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const outcome = await task();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { outcome, growthMiB: (peak - before) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

const get = { method: 'GET', path: '/api/v1/clients' } as const;

describe('response size cap (buffered requests)', () => {
  it('a 100 MB body → TOO_LARGE at the 8 MiB default, not retried, read only in part, RSS stays small', async () => {
    const { server, written } = await hugeServer(100 * MiB);
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 3, backoffBaseMs: 1 });
    const { outcome: err, growthMiB } = await withRssPeak(() => http.request(get).catch((e: unknown) => e));
    const sent = await written;
    console.log(`100 MB body: ${(err as { code?: string }).code} "${(err as Error).message}" — server wrote ${(sent / MiB).toFixed(1)} MiB of 100 before the client closed; RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(err).toMatchObject({ code: 'TOO_LARGE', details: { status: 200, limitBytes: 8 * MiB } });
    expect((err as Error).message).toContain('larger than the 8 MiB limit');
    expect(server.hits).toHaveLength(1);
    expect(sent).toBeLessThan(50 * MiB);
    expect(growthMiB).toBeLessThan(64);
  });

  it('a body announced larger than the limit (Content-Length) is refused before reading it', async () => {
    const { server, written } = await hugeServer(100 * MiB, true);
    const err = await createHttpClient({ baseUrl: server.url, maxRetries: 0 }).request(get).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TOO_LARGE', details: { declaredBytes: 100 * MiB, limitBytes: 8 * MiB } });
    expect((err as Error).message).toContain('it announced 100 MiB');
    expect(await written).toBeLessThan(50 * MiB);
  });

  it('the limit is set per client and per request; a body at the limit is read', async () => {
    const body = JSON.stringify({ results: ['x'.repeat(2000)] });
    const server = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length to check up front
      res.end(body);
    });
    const size = Buffer.byteLength(body);
    const small = createHttpClient({ baseUrl: server.url, maxBodyBytes: 1024, maxRetries: 0 });
    await expect(small.request(get)).rejects.toMatchObject({ code: 'TOO_LARGE', details: { limitBytes: 1024 } });
    await expect(small.request({ ...get, maxBodyBytes: size })).resolves.toMatchObject({ status: 200, data: { results: ['x'.repeat(2000)] } });
    await expect(small.request({ ...get, maxBodyBytes: size - 1 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(createHttpClient({ baseUrl: server.url }).request({ ...get, maxBodyBytes: 100 })).rejects.toMatchObject({ code: 'TOO_LARGE', details: { limitBytes: 100 } });
  });

  it('error answers are capped as well', async () => {
    const server = await scripted((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('e'.repeat(4096));
    });
    await expect(createHttpClient({ baseUrl: server.url, maxBodyBytes: 1000, maxRetries: 0 }).request(get)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      details: { status: 500 },
    });
  });

  it('describeBytes says sizes in words', () => {
    expect(describeBytes(8 * MiB)).toBe('8 MiB');
    expect(describeBytes(512 * MiB)).toBe('512 MiB');
    expect(describeBytes(1536)).toBe('1.5 KiB');
    expect(describeBytes(100)).toBe('100 bytes');
    expect(describeBytes(2 * 1024 * MiB)).toBe('2 GiB');
  });
});

describe('stream(): a whole list read as a stream', () => {
  it('a 20 MiB answer that request() refuses streams through whole, chunk by chunk', async () => {
    const { server } = await hugeServer(20 * MiB);
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const res = await http.stream(get);
    expect(res).toMatchObject({ status: 200, data: null, attempts: 1 });
    let bytes = 0;
    for await (const chunk of res.body!) bytes += chunk.byteLength;
    expect(bytes).toBe(20 * MiB);
  });

  it('streaming 100 MB keeps RSS small', async () => {
    const { server } = await hugeServer(100 * MiB);
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
    const { outcome: bytes, growthMiB } = await withRssPeak(async () => {
      const res = await http.stream(get);
      let n = 0;
      for await (const chunk of res.body!) n += chunk.byteLength;
      return n;
    });
    console.log(`stream(): read ${(bytes / MiB).toFixed(0)} MiB; RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(bytes).toBe(100 * MiB);
    expect(growthMiB).toBeLessThan(64);
  });

  it('a stream has its own cap (per client and per request): past it, reading fails with TOO_LARGE and the server stops', async () => {
    const { server, written } = await hugeServer(100 * MiB);
    const http = createHttpClient({ baseUrl: server.url, maxRetries: 0, maxStreamBytes: 4 * MiB });
    const res = await http.stream(get);
    let bytes = 0;
    const err = await (async () => {
      for await (const chunk of res.body!) bytes += chunk.byteLength;
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TOO_LARGE', details: { limitBytes: 4 * MiB } });
    expect(bytes).toBeLessThanOrEqual(4 * MiB);
    expect(await written).toBeLessThan(50 * MiB);

    const { server: other } = await hugeServer(3 * MiB);
    const res2 = await createHttpClient({ baseUrl: other.url, maxRetries: 0 }).stream({ ...get, maxBodyBytes: MiB });
    const err2 = await (async () => {
      for await (const chunk of res2.body!) void chunk;
    })().catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'TOO_LARGE', details: { limitBytes: MiB } });
  });

  it('a non-2xx answer is not streamed: its body is read and parsed into data', async () => {
    const server = await scripted((_req, res) => json(res, 404, { detail: 'Not found.' }));
    const res = await createHttpClient({ baseUrl: server.url }).stream(get);
    expect(res).toMatchObject({ status: 404, body: null, data: { detail: 'Not found.' } });
  });
});
