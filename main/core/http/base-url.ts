import { AppError } from '../../../shared/errors';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, { fields: [{ field: 'baseUrl', message }] });
}

/** Normalizes a connection's base URL: https anywhere, plain http only to this machine (never when httpsOnly). */
export function validateBaseUrl(input: string, opts: { httpsOnly?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid('Not a valid URL (example: https://factpulse.fr).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('Only http:// and https:// URLs are supported.');
  if (url.protocol === 'http:' && opts.httpsOnly) throw invalid('This system is only reached over https://.');
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw invalid('Plain http:// is only allowed for localhost; use https://.');
  }
  if (url.username || url.password) throw invalid('Do not put credentials in the URL; use the authentication fields.');
  if (url.search || url.hash) throw invalid('The base URL cannot contain a query string or fragment.');
  return url.toString().replace(/\/+$/, '');
}
