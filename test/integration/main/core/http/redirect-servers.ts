// Real servers on 127.0.0.1 for the redirect tests: an "other origin" that records everything it receives,
// a front that answers 3xx for chosen requests (and forwards the rest to an upstream such as the FactPulse
// sandbox), and a self-signed certificate for https fronts.
import { generateKeyPair } from 'node:crypto';
import { createServer as createHttpServer, request as upstreamRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { Agent, fetch as undiciFetch } from 'undici';

export interface TlsPair {
  key: string;
  cert: string;
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, tls?: TlsPair): Promise<Listening> {
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The origin a redirect points to: answers 200 to anything (as a thief would) and keeps every request it got. */
export async function startRecordingServer(tls?: TlsPair): Promise<Listening & { received: Received[] }> {
  const received: Received[] = [];
  const server = await listen((req, res) => {
    void readBody(req).then((body) => {
      received.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: [], total: 0, access: 'stolen', success: true }));
    });
  }, tls);
  return { ...server, received };
}

export type RedirectRule = (method: string, path: string) => { status: number; location: string } | null;

/**
 * The configured server as the client sees it: answers 3xx where `rule` says so, and forwards every other
 * request to `upstream` unchanged (or answers 404 when there is none). `hits` lists every request it got.
 */
export async function startRedirectingFront(opts: { rule: RedirectRule; upstream?: string; tls?: TlsPair }): Promise<
  Listening & { hits: Array<{ method: string; path: string; redirected: boolean }>; setRule(rule: RedirectRule): void }
> {
  let rule = opts.rule;
  const hits: Array<{ method: string; path: string; redirected: boolean }> = [];
  const upstream = opts.upstream ? new URL(opts.upstream) : null;
  const server = await listen((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const redirect = rule(method, path.split('?')[0] ?? path);
    hits.push({ method, path, redirected: Boolean(redirect) });
    if (redirect || !upstream) {
      req.resume();
      res.writeHead(redirect?.status ?? 404, { 'content-type': 'application/json', ...(redirect ? { location: redirect.location } : {}) });
      res.end(JSON.stringify({ detail: redirect ? 'Moved.' : 'Not found.' }));
      return;
    }
    const forward = upstreamRequest(
      { host: upstream.hostname, port: upstream.port, method, path, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  }, opts.tls);
  return { ...server, hits, setRule: (r) => (rule = r) };
}

/** A self-signed certificate for 127.0.0.1 (RSA 2048, node-forge), valid for a day. */
export async function selfSignedTls(): Promise<TlsPair> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: '127.0.0.1' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(cert) };
}

/** A fetch (undici's own) that trusts `ca` besides nothing else; the client under test still chooses redirect handling. */
export function fetchTrusting(ca: string): typeof fetch {
  const dispatcher = new Agent({ connect: { ca } });
  return ((input: string, init: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}
