import { AppError } from '../../../shared/errors';

/** Fetch is always called with redirect: 'manual'; any 3xx (or an opaque redirect) ends the request here. */
export function isRedirect(res: Response): boolean {
  return (res.status >= 300 && res.status < 400) || res.type === 'opaqueredirect';
}

/**
 * The error for a redirect that was not followed. It names where the server pointed (scheme and host only:
 * never the path, query or user:password@ of the Location), so the user can fix the base URL.
 */
export function redirectError(res: Response, requestUrl: string): AppError {
  const from = new URL(requestUrl);
  let target: URL | null = null;
  try {
    const location = res.headers.get('location');
    target = location ? new URL(location, from) : null;
  } catch {
    target = null;
  }
  const status = res.status || 'redirect';
  const details = { status: res.status, ...(target ? { redirectHost: target.host, redirectScheme: target.protocol.replace(/:$/, '') } : {}) };
  let where: string;
  if (!target) where = 'an address it did not give in a readable form';
  else if (!target.host) where = `a ${target.protocol} address`;
  else if (target.origin === from.origin) where = `another address on the same server (${target.host})`;
  else if (from.protocol === 'https:' && target.protocol === 'http:') where = `plain http://${target.host} (unencrypted)`;
  else where = `${target.protocol === from.protocol ? '' : `${target.protocol}//`}${target.host}`;
  return new AppError(
    'REDIRECT',
    `The server answered HTTP ${status}, redirecting to ${where}. Clientdesk never follows redirects, so nothing was sent there; check the connection's base URL.`,
    details,
  );
}
