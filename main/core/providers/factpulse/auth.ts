import { AppError } from '../../../../shared/errors';
import type { HttpClient } from '../../http';
import { registerSecret } from '../../http/redact';

export interface SecretSource {
  get(slot: 'apiKey' | 'password'): Promise<string | null>;
}

export type FactPulseAuthConfig =
  | { method: 'apiKey' }
  | { method: 'password'; username: string; clientUid: string | null };

/**
 * Credentials for each request. API key: X-API-Key. Password: a JWT from POST /api/token/, renewed with
 * the refresh token, and on refusal by logging in again with the stored password, once.
 */
export function createFactPulseAuth(config: FactPulseAuthConfig, secrets: SecretSource, http: () => HttpClient) {
  let access: string | null = null;
  let refresh: string | null = null;
  let pendingLogin: Promise<void> | null = null;

  async function secret(slot: 'apiKey' | 'password'): Promise<string> {
    const value = await secrets.get(slot);
    if (!value) {
      throw new AppError('AUTH_REQUIRED', `No ${slot === 'apiKey' ? 'API key' : 'password'} is stored for this connection.`, {
        fields: [{ field: `auth.${slot}`, message: 'Missing from the keychain; enter it again.' }],
      });
    }
    return value;
  }

  function remember(tokens: { access?: unknown; refresh?: unknown }): void {
    if (typeof tokens.access !== 'string') throw new AppError('BAD_RESPONSE', 'FactPulse did not return an access token.');
    access = tokens.access;
    registerSecret(access);
    if (typeof tokens.refresh === 'string') {
      refresh = tokens.refresh;
      registerSecret(refresh);
    }
  }

  async function login(): Promise<void> {
    if (config.method !== 'password') return;
    const body: Record<string, string> = { username: config.username, password: await secret('password') };
    if (config.clientUid) body.client_uid = config.clientUid;
    const res = await http().request({ method: 'POST', path: '/api/token/', body, auth: false, idempotent: true });
    if (res.status === 401 || res.status === 400) {
      throw new AppError('AUTH_REQUIRED', 'FactPulse refused the username or password.', {
        status: res.status,
        fields: [{ field: 'auth.password', message: 'Refused by FactPulse.' }],
      });
    }
    if (res.status !== 200) throw new AppError('SERVER', `Login failed (HTTP ${res.status}).`, { status: res.status });
    remember(res.data as Record<string, unknown>);
  }

  async function tryRefresh(): Promise<boolean> {
    if (!refresh) return false;
    const res = await http().request({ method: 'POST', path: '/api/token/refresh/', body: { refresh }, auth: false, idempotent: true });
    if (res.status !== 200) {
      refresh = null;
      return false;
    }
    remember(res.data as Record<string, unknown>);
    return true;
  }

  function once(task: () => Promise<void>): Promise<void> {
    pendingLogin ??= task().finally(() => {
      pendingLogin = null;
    });
    return pendingLogin;
  }

  return {
    /** Headers for one attempt. */
    async headers(): Promise<Record<string, string>> {
      if (config.method === 'apiKey') return { 'x-api-key': await secret('apiKey') };
      if (!access) await once(login);
      return { authorization: `Bearer ${access}` };
    },
    /** After a 401 on a bearer call: refresh, else log in again. False when there is nothing more to try. */
    async renew(): Promise<boolean> {
      if (config.method === 'apiKey') return false;
      access = null;
      await once(async () => {
        if (!(await tryRefresh())) await login();
      });
      return true;
    },
    dispose(): void {
      access = null;
      refresh = null;
    },
  };
}
