import { createFactPulseProvider } from '../../../../../main/core/providers/factpulse';
import type { Provider } from '../../../../../main/core/providers/types';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';

/** A FactPulse provider talking HTTP to a sandbox with its API key (no keychain, no connection store). */
export function sandboxProvider(sandbox: FactPulseSandbox, connectionId = 'conn-1', extra: { maxRetries?: number; concurrency?: number } = {}): Provider {
  return createFactPulseProvider({
    connectionId,
    baseUrl: sandbox.url,
    auth: { method: 'apiKey' },
    secrets: { get: async () => sandbox.credentials.apiKey },
    maxRetries: extra.maxRetries ?? 0,
    backoffBaseMs: 1,
    timeoutMs: 10_000,
    concurrency: extra.concurrency ?? 8,
  });
}
