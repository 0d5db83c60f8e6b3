// Where the sites provider tests run. Default: a fresh sandbox on 127.0.0.1 (random port), with a bearer token.
// With SITES_TEST_URL (and SITES_TEST_TOKEN when the server wants one) the suite targets that server instead;
// sandbox-only tests (faults, server state, other auth schemes) are then skipped with a printed reason.
import { createSitesProvider } from '../../../../../main/core/providers/sites';
import type { StoredAuth } from '../../../../../main/core/providers/common/static-auth';
import type { Provider } from '../../../../../main/core/providers/types';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import type { SitesSandbox, SitesSandboxOptions } from '../../../../../main/core/sandbox/sites';

export const EXTERNAL_URL = process.env.SITES_TEST_URL ?? '';
export const EXTERNAL = Boolean(EXTERNAL_URL);

export interface SitesTarget {
  url: string;
  token: string | null;
  sandbox: SitesSandbox | null;
  close(): Promise<void>;
}

export async function startSitesTarget(opts: SitesSandboxOptions = {}): Promise<SitesTarget> {
  if (EXTERNAL) return { url: EXTERNAL_URL, token: process.env.SITES_TEST_TOKEN ?? null, sandbox: null, close: async () => {} };
  const sandbox = await startSitesSandbox({ clients: 40, token: 'sites-test-token', ...opts });
  return { url: sandbox.url, token: sandbox.credentials.token, sandbox, close: () => sandbox.close() };
}

export function sitesSandboxOnly(what: string): boolean {
  if (EXTERNAL) console.info(`sites tests: skipping "${what}" — needs the built-in sandbox (SITES_TEST_URL is set).`);
  return EXTERNAL;
}

export function sitesProviderFor(
  target: { url: string; token: string | null },
  auth?: StoredAuth,
  secrets: Record<string, string> = {},
  timeoutMs = 5_000,
): Provider {
  const effective: StoredAuth = auth ?? (target.token ? { method: 'bearer' } : { method: 'none' });
  const values: Record<string, string | null> = { token: target.token, ...secrets };
  return createSitesProvider({
    connectionId: 'conn-sites',
    baseUrl: target.url,
    auth: effective,
    secrets: { get: async (slot) => values[slot] ?? null },
    backoffBaseMs: 1,
    maxRetries: 1,
    timeoutMs,
  });
}

/** A code no seeded client uses. */
export function freshCode(): string {
  return String(900_000 + Math.floor(Math.random() * 90_000));
}
