// An HTTPS agent that presents a client certificate (mutual TLS) and always verifies the server's.
// Its connector tells apart what undici alone reports as a bare "connect timeout" or "other side closed":
// a TLS handshake that stalls after TCP connected, and a server that hangs up right after the handshake
// (TLS 1.3 servers check the client certificate only then, often without sending an alert).
import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { CLOSED_AFTER_HANDSHAKE_CODE, HANDSHAKE_TIMEOUT_CODE, tlsFailure } from './tls-errors';

export { mapTlsError } from './tls-errors';

export interface MtlsOptions {
  /** Client certificate (PEM, chain after it); omit to connect without one. */
  certPem?: string;
  /** Its unencrypted private key (PEM), held in memory only. */
  keyPem?: string;
  /** Trust anchors for a private directory; they replace the system's. Omit to trust the system's. */
  caPem?: string;
  /** Budget for TCP connect + TLS handshake (default 10 s). */
  handshakeTimeoutMs?: number;
}

export interface MtlsTransport {
  readonly dispatcher: Agent;
  /** undici's fetch through this agent; fits createHttpClient's `fetch` option. Never follows redirects. */
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

const ALERT = /^ERR_SSL_.*ALERT/;

function watchSocket(socket: TLSSocket, hasClientCert: boolean): () => boolean {
  let tcpConnected = false;
  let secure = false;
  let alert: Error | null = null;
  socket.once('connect', () => (tcpConnected = true));
  socket.once('secureConnect', () => (secure = true));
  socket.on('error', (err: Error & { code?: string }) => {
    if (ALERT.test(err.code ?? '')) alert = err;
  });
  // Registered before undici's own listener, so the request fails with our reason instead of "other side closed".
  socket.once('end', () => {
    if (!secure || socket.bytesRead > 0) return;
    const reason = hasClientCert
      ? 'The server closed the connection right after the TLS handshake without answering: it most likely refused our client certificate (signed by an authority it does not trust, expired or revoked).'
      : 'The server closed the connection right after the TLS handshake without answering: it most likely requires a client certificate.';
    socket.destroy(alert ?? tlsFailure(CLOSED_AFTER_HANDSHAKE_CODE, reason));
  });
  return () => tcpConnected;
}

export function createMtlsTransport(opts: MtlsOptions = {}): MtlsTransport {
  if (Boolean(opts.certPem) !== Boolean(opts.keyPem)) throw new Error('A client certificate needs its private key, and the other way round.');
  const timeoutMs = opts.handshakeTimeoutMs ?? 10_000;
  const connectTls = buildConnector({
    ...(opts.certPem ? { cert: opts.certPem, key: opts.keyPem } : {}),
    ...(opts.caPem ? { ca: opts.caPem } : {}),
    rejectUnauthorized: true,
    timeout: timeoutMs,
  });
  const connect: buildConnector.connector = (options, callback) => {
    let tcpConnected = () => false;
    const socket = (connectTls as (...a: Parameters<buildConnector.connector>) => TLSSocket | undefined)(options, (err, sock) => {
      if ((err as { code?: string } | null)?.code === 'UND_ERR_CONNECT_TIMEOUT' && tcpConnected()) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        callback(tlsFailure(HANDSHAKE_TIMEOUT_CODE, `The server accepted the connection but the TLS handshake did not finish within ${seconds} s.`), null);
        return;
      }
      (callback as (e: Error | null, s: typeof sock) => void)(err, sock);
    });
    if (socket && options.protocol === 'https:') tcpConnected = watchSocket(socket, Boolean(opts.certPem));
  };
  const dispatcher = new Agent({ connect });
  const boundFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), redirect: init?.redirect ?? 'manual', dispatcher })) as unknown as typeof fetch;
  return { dispatcher, fetch: boundFetch, close: () => dispatcher.close() };
}
