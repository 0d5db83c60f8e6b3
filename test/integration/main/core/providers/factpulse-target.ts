// Where the FactPulse provider tests run. Default: a fresh sandbox on 127.0.0.1 (random port).
// With FACTPULSE_TEST_URL and FACTPULSE_TEST_API_KEY set, the suite targets that server instead
// (FACTPULSE_TEST_USERNAME / FACTPULSE_TEST_PASSWORD enable the password-auth tests there);
// sandbox-only tests (faults, token lifetimes, server state) are then skipped with a printed reason.
import { createFactPulseProvider } from '../../../../../main/core/providers/factpulse';
import type { FactPulseOptions } from '../../../../../main/core/providers/factpulse';
import type { FactPulseAuthConfig } from '../../../../../main/core/providers/factpulse/auth';
import type { Provider } from '../../../../../main/core/providers/types';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox, FactPulseSandboxOptions } from '../../../../../main/core/sandbox/factpulse';

export const EXTERNAL_URL = process.env.FACTPULSE_TEST_URL ?? '';
export const EXTERNAL = Boolean(EXTERNAL_URL && process.env.FACTPULSE_TEST_API_KEY);

export interface Target {
  url: string;
  apiKey: string;
  username: string | null;
  password: string | null;
  /** null when targeting an external server. */
  sandbox: FactPulseSandbox | null;
  close(): Promise<void>;
}

export async function startTarget(opts: FactPulseSandboxOptions = {}): Promise<Target> {
  if (EXTERNAL) {
    return {
      url: EXTERNAL_URL,
      apiKey: process.env.FACTPULSE_TEST_API_KEY ?? '',
      username: process.env.FACTPULSE_TEST_USERNAME ?? null,
      password: process.env.FACTPULSE_TEST_PASSWORD ?? null,
      sandbox: null,
      close: async () => {},
    };
  }
  const sandbox = await startFactPulseSandbox({ clients: 30, ...opts });
  return { url: sandbox.url, ...sandbox.credentials, sandbox, close: () => sandbox.close() };
}

/** Logs why a test group is skipped; returns the skip condition for it.skipIf / describe.skipIf. */
export function sandboxOnly(what: string): boolean {
  if (EXTERNAL) console.info(`factpulse tests: skipping "${what}" — needs the built-in sandbox (FACTPULSE_TEST_URL is set).`);
  return EXTERNAL;
}

export function needsPassword(what: string): boolean {
  const missing = EXTERNAL && !(process.env.FACTPULSE_TEST_USERNAME && process.env.FACTPULSE_TEST_PASSWORD);
  if (missing) console.info(`factpulse tests: skipping "${what}" — set FACTPULSE_TEST_USERNAME and FACTPULSE_TEST_PASSWORD.`);
  return missing;
}

export function providerFor(
  target: Target,
  auth: FactPulseAuthConfig = { method: 'apiKey' },
  overrides: { apiKey?: string; password?: string } & Partial<Pick<FactPulseOptions, 'concurrency' | 'maxRetries' | 'timeoutMs'>> = {},
): Provider {
  const { apiKey, password, ...rest } = overrides;
  return createFactPulseProvider({
    connectionId: 'conn-test',
    baseUrl: target.url,
    auth,
    secrets: {
      get: async (slot) => (slot === 'apiKey' ? (apiKey ?? target.apiKey) : (password ?? target.password)),
    },
    backoffBaseMs: 1,
    maxRetries: 1,
    timeoutMs: 5_000,
    ...rest,
  });
}

export function passwordAuth(target: Target, clientUid: string | null = null): FactPulseAuthConfig {
  return { method: 'password', username: target.username ?? '', clientUid };
}

/** A fresh valid SIRET-shaped identifier. */
export function siret(): string {
  return String(Math.floor(Math.random() * 9e13) + 1e13);
}
