// Where the tokenization provider tests run. Default: a fresh sandbox on 127.0.0.1 (random port).
// TOKENIZATION_TEST_URL, _USERNAME, _PASSWORD and _PARTNER point the suite at another server;
// sandbox-only tests (faults, server state, partner trees) are then skipped with a printed reason.
import { createTokenizationProvider } from '../../../../../main/core/providers/tokenization';
import type { Provider } from '../../../../../main/core/providers/types';
import { startTokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import type { TokenizationSandbox, TokenizationSandboxOptions } from '../../../../../main/core/sandbox/tokenization';

export const EXTERNAL_URL = process.env.TOKENIZATION_TEST_URL ?? '';
export const EXTERNAL = Boolean(EXTERNAL_URL && process.env.TOKENIZATION_TEST_USERNAME);

export interface TokenizationTarget {
  url: string;
  username: string;
  password: string;
  partner: string;
  sandbox: TokenizationSandbox | null;
  close(): Promise<void>;
}

export async function startTokenizationTarget(opts: TokenizationSandboxOptions = {}): Promise<TokenizationTarget> {
  if (EXTERNAL) {
    return {
      url: EXTERNAL_URL,
      username: process.env.TOKENIZATION_TEST_USERNAME ?? '',
      password: process.env.TOKENIZATION_TEST_PASSWORD ?? '',
      partner: process.env.TOKENIZATION_TEST_PARTNER ?? '',
      sandbox: null,
      close: async () => {},
    };
  }
  const sandbox = await startTokenizationSandbox({ clients: 60, ...opts });
  return { url: sandbox.url, ...sandbox.credentials, partner: sandbox.rootPartner.name, sandbox, close: () => sandbox.close() };
}

export function tokenizationSandboxOnly(what: string): boolean {
  if (EXTERNAL) console.info(`tokenization tests: skipping "${what}" — needs the built-in sandbox (TOKENIZATION_TEST_URL is set).`);
  return EXTERNAL;
}

export function tokenizationProviderFor(target: TokenizationTarget, partners: string[] = [target.partner], password = target.password): Provider {
  return createTokenizationProvider({
    connectionId: 'conn-tok',
    baseUrl: target.url,
    auth: { method: 'basic', username: target.username },
    partners,
    secrets: { get: async (slot) => (slot === 'password' ? password : null) },
    backoffBaseMs: 1,
    maxRetries: 1,
    timeoutMs: 5_000,
  });
}
