import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { timingSafeEqual } from 'node:crypto';
import type { FaultSwitch } from './faults';

/** One request as a sandbox's routes see it. */
export interface SandboxCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  raw: string;
}

/** A JSON answer; `chunks` streams a large body instead of stringifying it at once; no body and no chunks = empty body. */
export interface SandboxAnswer {
  status: number;
  body?: unknown;
  chunks?: () => Iterable<string>;
  headers?: Record<string, string>;
}

export interface SandboxServerOptions {
  host?: string;
  port?: number;
  faults: FaultSwitch;
  handle(call: SandboxCall): SandboxAnswer | Promise<SandboxAnswer>;
  /** Called once per request with the status it got (0 = connection reset). */
  record(call: SandboxCall, status: number): void;
  /** The sandbox's error shape, for injected failures and internal errors. */
  errorBody(status: number, message: string): unknown;
}

/** What every sandbox's start function takes besides its credentials. */
export interface SandboxBaseOptions {
  host?: string;
  port?: number;
  clients?: number;
  seed?: number;
}

/** One request as a sandbox remembers it for the tests: which kind of credential, never its value. */
export interface SandboxRecordedRequest<Auth extends string> {
  method: string;
  path: string;
  status: number;
  auth: Auth;
  at: number;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: SandboxAnswer): Promise<void> | void {
  if (answer.chunks) {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    return pipeline(Readable.from(answer.chunks(), { objectMode: false }), res);
  }
  if (answer.body === undefined) {
    res.writeHead(answer.status, { 'content-length': '0', ...(answer.headers ?? {}) });
    res.end();
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
  res.end(JSON.stringify(answer.body));
}

function answerText(answer: SandboxAnswer): string {
  if (answer.chunks) return [...answer.chunks()].join('');
  return answer.body === undefined ? '' : JSON.stringify(answer.body);
}

/** An HTTP server on 127.0.0.1 (by default) that applies the fault switch around a sandbox's routes. */
export async function startSandboxServer(opts: SandboxServerOptions): Promise<SandboxServer> {
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const fault = opts.faults.take(method, url.pathname);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const call: SandboxCall = { method, path: url.pathname, query: url.searchParams, headers, raw };
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.reset) {
      opts.record(call, 0);
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      opts.record(call, fault.status);
      const extra: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      await send(res, { status: fault.status, body: opts.errorBody(fault.status, `Simulated failure (${fault.status}).`), headers: extra });
      return;
    }
    const answer = await opts.handle(call);
    opts.record(call, answer.status);
    if (fault?.dropAfterApply) {
      req.socket.destroy();
      return;
    }
    if (fault?.truncate) {
      const text = answerText(answer);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    await send(res, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) void send(res, { status: 500, body: opts.errorBody(500, 'Internal error.') });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
