// A local directory (Raidiam Connect, Open Finance) speaking the seed's one operation, `POST /clients`
// ("rebuild the registered clients data"), over HTTPS with mutual TLS (providers.md §4).
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { randomBytes, randomUUID } from 'node:crypto';
import { createFaultSwitch } from '../common/faults';
import type { SandboxFaults } from '../common/faults';
import { sameSecret } from '../common/server';
import { createSandboxCertificates, writeClientFiles } from './certificates';
import type { SandboxCertificateMint } from './certificates';
import type { IssuedCertificate } from './authority';
import { matchClients, seedRegistry } from './registry';
import type { RegistryClient } from './registry';
import { checkFapiHeaders, INTERACTION_ID, parseRebuildQuery } from './requests';

export type { IssuedCertificate } from './authority';
export type { RegistryClient } from './registry';

/**
 * Faults the tests and the demo inject. `status` answers 429, 500, 502, 504… with no body, like the real API;
 * `times` counts requests, or connections for `slowHandshakeMs`.
 */
export interface DirectoryFaults extends Pick<SandboxFaults, 'status' | 'retryAfterSeconds' | 'latencyMs' | 'pathPattern' | 'times'> {
  /** Hold each new connection this long before the TLS handshake may proceed. */
  slowHandshakeMs?: number;
  /** Echo another interaction id than the one received. */
  wrongInteractionId?: boolean;
}

export interface DirectoryFaultSwitch {
  set(f: DirectoryFaults): void;
  clear(): void;
  readonly current: DirectoryFaults | null;
}

export interface DirectoryRecordedRequest {
  method: string;
  path: string;
  status: number;
  /** The query as received (filters are not secret). */
  query: Record<string, string>;
  /** Which headers were present, never the token. */
  headers: { authorization: boolean; interactionId: boolean; authDate: boolean; customerIp: boolean; customerUserAgent: boolean };
  /** The interaction id the request carried, and the one the answer carried. */
  interactionId: string | null;
  echoedInteractionId: string;
  /** Common name of the client certificate presented. */
  clientCertificate: string | null;
  /** Clients matching the filters, and those on the requested page (201 only). */
  matched: number | null;
  rebuilt: number | null;
  at: number;
}

export interface DirectorySandboxOptions {
  host?: string;
  port?: number;
  token?: string;
  /** Where to write ca.pem, client.pem and client-key.pem. */
  certsDir?: string;
  seed?: number;
  clients?: number;
  /** Names the server certificate covers (default localhost and 127.0.0.1). */
  serverNames?: string[];
  /** One line per request (method, path, status, matched count, interaction id); never a secret. */
  log?: (line: string) => void;
}

export interface DirectorySandbox {
  url: string;
  port: number;
  token: string;
  /** The CA that signs the server and the accepted client certificates. */
  caPem: string;
  client: IssuedCertificate;
  files: { ca: string; cert: string; key: string } | null;
  registry: RegistryClient[];
  mint: SandboxCertificateMint;
  faults: DirectoryFaultSwitch;
  requests: DirectoryRecordedRequest[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  errors?: string[];
  matched?: number;
  rebuilt?: number;
  headers?: Record<string, string>;
}

export async function startDirectorySandbox(opts: DirectorySandboxOptions = {}): Promise<DirectorySandbox> {
  const token = opts.token ?? `dir_sandbox_${randomBytes(18).toString('base64url')}`;
  const certs = await createSandboxCertificates(opts.serverNames ?? ['localhost', '127.0.0.1']);
  const files = opts.certsDir ? await writeClientFiles(opts.certsDir, certs) : null;
  const registry = seedRegistry(opts.clients ?? 200, opts.seed ?? 42);
  const requests: DirectoryRecordedRequest[] = [];
  const log = opts.log ?? (() => {});
  const faults = createFaultSwitch();
  const sockets = new Set<Socket>();

  /** The fault for this request or connection, counted against `times` only when it is of that kind. */
  function takeFault(applies: (f: DirectoryFaults) => boolean, method: string, path: string): DirectoryFaults | null {
    const current = faults.current as DirectoryFaults | null;
    return current && applies(current) ? (faults.take(method, path) as DirectoryFaults | null) : null;
  }

  function answer(req: IncomingMessage, url: URL, headers: Record<string, string | undefined>, fault: DirectoryFaults | null): Reply {
    if (fault?.status) return { status: fault.status, ...(fault.retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(fault.retryAfterSeconds) } } : {}) };
    const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
    if (!bearer || !sameSecret(bearer, token)) return { status: 401 };
    if (url.pathname !== '/clients') return { status: 404, errors: [`No such resource: ${req.method} ${url.pathname.slice(0, 100)}.`] };
    if (req.method !== 'POST') return { status: 405, errors: [`${req.method} is not allowed on /clients; use POST.`], headers: { allow: 'POST' } };
    const parsed = parseRebuildQuery(url.searchParams);
    const errors = [...checkFapiHeaders(headers), ...('errors' in parsed ? parsed.errors : [])];
    if (errors.length || !('query' in parsed)) return { status: 400, errors };
    const { page, size } = parsed.query;
    const matched = matchClients(registry, parsed.query);
    return { status: 201, matched: matched.length, rebuilt: matched.slice(page * size, (page + 1) * size).length };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://sandbox');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    for await (const _chunk of req) {
      // The operation takes no body; drain whatever came.
    }
    const fault = takeFault((f) => Boolean(f.status || f.wrongInteractionId || f.latencyMs), req.method ?? 'GET', url.pathname);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    const sent = headers['x-fapi-interaction-id'];
    const valid = sent !== undefined && INTERACTION_ID.test(sent) ? sent : null;
    const echoed = fault?.wrongInteractionId || !valid ? randomUUID() : valid;
    const reply = answer(req, url, headers, fault);
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      status: reply.status,
      query: Object.fromEntries(url.searchParams),
      headers: {
        authorization: headers.authorization !== undefined,
        interactionId: sent !== undefined,
        authDate: headers['x-fapi-auth-date'] !== undefined,
        customerIp: headers['x-fapi-customer-ip-address'] !== undefined,
        customerUserAgent: headers['x-customer-user-agent'] !== undefined,
      },
      interactionId: sent ?? null,
      echoedInteractionId: echoed,
      clientCertificate: typeof peer?.subject?.CN === 'string' ? peer.subject.CN : null,
      matched: reply.matched ?? null,
      rebuilt: reply.rebuilt ?? null,
      at: Date.now(),
    });
    const matched = reply.matched !== undefined ? ` (${reply.matched} of ${registry.length} clients match, ${reply.rebuilt} on this page)` : '';
    log(`${req.method} ${url.pathname}${url.search} → ${reply.status}${matched} x-fapi-interaction-id ${echoed}`);
    const body = reply.errors ? JSON.stringify({ errors: reply.errors }) : '';
    res.writeHead(reply.status, {
      'x-fapi-interaction-id': echoed,
      ...(body ? { 'content-type': 'application/json' } : {}),
      'content-length': String(Buffer.byteLength(body)),
      ...(reply.headers ?? {}),
    });
    res.end(body);
  }

  const https = createHttpsServer(
    { key: certs.server.keyPem, cert: certs.server.certPem, ca: certs.ca.certPem, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-length': '0' }).end();
      });
    },
  );
  https.on('tlsClientError', () => {
    // A refused client certificate: OpenSSL and Node already ended the connection.
  });
  // TCP is accepted here and handed to the TLS server, after a pause when the slow-handshake fault is on.
  const tcp = createTcpServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const delay = takeFault((f) => Boolean(f.slowHandshakeMs), 'CONNECT', '')?.slowHandshakeMs ?? 0;
    const handOver = () => {
      if (!socket.destroyed) https.emit('connection', socket);
    };
    if (delay > 0) setTimeout(handOver, delay);
    else handOver();
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (tcp.address() as AddressInfo).port;

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    token,
    caPem: certs.ca.certPem,
    client: certs.client,
    files,
    registry,
    mint: certs.mint,
    faults: faults as DirectoryFaultSwitch,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        https.close();
        tcp.close(() => resolve());
      }),
  };
}
