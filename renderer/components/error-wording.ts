import { ERROR_CODES, ERROR_MESSAGES, KEY_NOT_KEPT_MESSAGE } from '../../shared/errors';
import type { AppErrorShape, ErrorCode } from '../../shared/errors';
import type { ConnectionStatus } from '../../shared/schemas/connections';

/** An error known only by its stored code and message (sync state, outbox rows): unknown codes read as INTERNAL. */
export function storedError(code: string, message = ''): AppErrorShape {
  return { code: (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL', message };
}

/** Main's messages that have their own wording in every language (matched on main's English text). */
const KNOWN: Array<[RegExp, string]> = [
  [/^Wrong passphrase for this backup/, 'errors.known.wrongPassphrase'],
  [/^The server cannot be reached: the change is saved/, 'errors.known.queuedOffline'],
  [/^FactPulse refused the current key/, 'errors.known.keyRefused'],
  [/^FactPulse accepts neither the pending nor the current key/, 'errors.known.noKeyEither'],
  [/redirected the request elsewhere/, 'errors.known.redirected'],
];

/** Technical tokens such as "(ECONNREFUSED)" or "(AUTH_REQUIRED: …)" belong in the details, not in the sentence. */
const TECHNICAL = /\s*\((?:E[A-Z]{3,}|[A-Z][A-Z_]{3,})(?::[^)]*)?\)/g;

/**
 * The sentence a person reads for an error, in their language: a known message in its own words; in English,
 * main's specific message without technical tokens; otherwise what the code means.
 */
export function errorSentence(error: AppErrorShape, language: string, t: (key: string) => string): string {
  const lang = language === 'fr' ? 'fr' : 'en';
  if (error.code === 'KEYCHAIN_UNAVAILABLE' && error.details?.keychain === 'memory-only') return KEY_NOT_KEPT_MESSAGE[lang];
  const known = KNOWN.find(([pattern]) => pattern.test(error.message));
  if (known) return t(known[1]);
  const generic = ERROR_MESSAGES[error.code]?.[lang] ?? ERROR_MESSAGES.INTERNAL[lang];
  if (lang !== 'en') return generic;
  const specific = error.message.replace(TECHNICAL, '').trim();
  return specific || generic;
}

/** Why a connection is not online, as an error to word (main sends its state and English message, not the code). */
export function connectionStatusError(status: Pick<ConnectionStatus, 'state' | 'message'>): AppErrorShape | null {
  if (status.state === 'online' || !status.message) return null;
  return { code: status.state === 'auth-error' ? 'AUTH_REQUIRED' : 'OFFLINE', message: status.message };
}
