// Where the directory provider tests run. Default: a fresh directory sandbox on 127.0.0.1 over HTTPS with mutual
// TLS (its own throwaway CA and client certificate). With DIRECTORY_TEST_URL, DIRECTORY_TEST_TOKEN and
// DIRECTORY_TEST_CERTS (a folder holding ca.pem, client.pem and client-key.pem) the suite targets that server;
// sandbox-only tests (faults, minted bad certificates, recorded requests) are then skipped with a printed reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDirectoryProvider } from '../../../../../main/core/providers/directory';
import type { DirectoryProvider, DirectoryRuntime } from '../../../../../main/core/providers/directory';
import type { DirectoryExchange } from '../../../../../main/core/providers/directory/runtime';
import { SLOTS } from '../../../../../main/core/vault/slots';
import { startDirectorySandbox } from '../../../../../main/core/sandbox/directory';
import type { DirectorySandbox } from '../../../../../main/core/sandbox/directory';

export const EXTERNAL_URL = process.env.DIRECTORY_TEST_URL ?? '';
export const EXTERNAL = Boolean(EXTERNAL_URL);

export interface DirectoryTarget {
  url: string;
  token: string;
  caPem: string;
  client: { certPem: string; keyPem: string };
  sandbox: DirectorySandbox | null;
  close(): Promise<void>;
}

export async function startDirectoryTarget(): Promise<DirectoryTarget> {
  if (EXTERNAL) {
    const dir = process.env.DIRECTORY_TEST_CERTS ?? '';
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return {
      url: EXTERNAL_URL,
      token: process.env.DIRECTORY_TEST_TOKEN ?? '',
      caPem: read('ca.pem'),
      client: { certPem: read('client.pem'), keyPem: read('client-key.pem') },
      sandbox: null,
      close: async () => {},
    };
  }
  const sandbox = await startDirectorySandbox({ token: 'directory-test-token-0123456789abcdef' });
  return { url: sandbox.url, token: sandbox.token, caPem: sandbox.caPem, client: sandbox.client, sandbox, close: () => sandbox.close() };
}

export function directorySandboxOnly(what: string): boolean {
  if (EXTERNAL) console.info(`directory tests: skipping "${what}" — needs the built-in sandbox (DIRECTORY_TEST_URL is set).`);
  return EXTERNAL;
}

export interface ProviderSetup {
  /** Client certificate presented (null: none). */
  client?: { certPem: string; keyPem: string } | null;
  /** Trust anchors (null: the system's). */
  caPem?: string | null;
  token?: string;
  baseUrl?: string;
  settings?: Record<string, unknown>;
  authenticatedAt?: string | null;
  passphrase?: string;
  handshakeTimeoutMs?: number;
  maxAttempts?: number;
}

/** A provider wired as the app wires it (keychain slots, state, audit hook), with every exchange recorded. */
export function directoryProviderFor(target: DirectoryTarget, setup: ProviderSetup = {}): { provider: DirectoryProvider; exchanges: DirectoryExchange[]; logs: string[] } {
  const client = setup.client === undefined ? target.client : setup.client;
  const secrets: Record<string, string | null> = {
    token: setup.token ?? target.token,
    [SLOTS.mtlsPrivateKey]: client?.keyPem ?? null,
    [SLOTS.mtlsPassphrase]: setup.passphrase ?? null,
  };
  const exchanges: DirectoryExchange[] = [];
  const logs: string[] = [];
  const runtime: DirectoryRuntime = {
    credentials: () => ({
      certificatePem: client?.certPem ?? null,
      caPem: setup.caPem === undefined ? target.caPem : setup.caPem,
      authenticatedAt: setup.authenticatedAt === undefined ? '2026-03-01T08:15:30.000Z' : setup.authenticatedAt,
    }),
    onExchange: (e) => exchanges.push(e),
    log: (line) => logs.push(line),
  };
  const provider = createDirectoryProvider({
    connectionId: 'conn-directory',
    baseUrl: setup.baseUrl ?? target.url,
    auth: { method: 'bearer' },
    settings: setup.settings ?? {},
    secrets: { get: async (slot) => secrets[slot] ?? null },
    runtime,
    timeoutMs: 5_000,
    backoffBaseMs: 20,
    retryAfterCapMs: 1_500,
    ...(setup.handshakeTimeoutMs ? { handshakeTimeoutMs: setup.handshakeTimeoutMs } : {}),
    ...(setup.maxAttempts ? { maxAttempts: setup.maxAttempts } : {}),
  });
  return { provider, exchanges, logs };
}
