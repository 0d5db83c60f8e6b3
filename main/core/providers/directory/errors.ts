import { AppError } from '../../../../shared/errors';
import type { ErrorCode } from '../../../../shared/errors';
import { redact } from '../../http/redact';
import type { HttpResponse } from '../../http';

/** The directory's own `{"errors": ["…"]}` list (400, 404), redacted, at most 20 entries. */
export function errorList(data: unknown): string[] {
  const list = (data as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is string => typeof e === 'string').slice(0, 20).map((e) => redact(e.slice(0, 500)));
}

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['VALIDATION', 'The directory refused the request'],
  401: ['AUTH_REQUIRED', 'The directory did not accept the bearer token (HTTP 401): enter it again in the connection settings.'],
  403: ['FORBIDDEN', 'The directory does not allow this token or certificate to rebuild the registry (HTTP 403).'],
  404: ['NOT_FOUND', 'The directory found nothing to rebuild at this address'],
  406: ['BAD_RESPONSE', 'The directory cannot answer in a format Clientdesk accepts (HTTP 406 Not Acceptable).'],
  429: ['RATE_LIMITED', 'The directory is throttling requests (HTTP 429): maximum capacity reached.'],
  500: ['SERVER', 'The directory had an internal error (HTTP 500).'],
  502: ['SERVER', 'The directory’s gateway got a bad answer upstream (HTTP 502).'],
  504: ['SERVER', 'The directory timed out upstream (HTTP 504): insufficient capacity, more is being brought online; try again later.'],
};

/** A non-201 answer as an error carrying the interaction id, the status and the directory's own error list. */
export function directoryError(res: HttpResponse, interactionId: string, attempts: number): AppError {
  const errors = errorList(res.data);
  const [code, text] = BY_STATUS[res.status] ?? ['BAD_RESPONSE', `Unexpected answer from the directory (HTTP ${res.status}).`];
  const message = errors.length ? `${text}: ${errors.join('; ')}` : text.endsWith('.') ? text : `${text} (HTTP ${res.status}).`;
  const retry = Number(res.headers.get('retry-after'));
  return new AppError(code, message, {
    status: res.status,
    interactionId,
    attempts,
    errors,
    ...(res.status === 429 && Number.isFinite(retry) ? { retryAfterSeconds: retry } : {}),
  });
}

/** The answer did not carry our interaction id back: both ids, so support can find either. */
export function mismatchError(status: number, sent: string, received: string, attempts: number): AppError {
  return new AppError(
    'BAD_RESPONSE',
    `The directory answered HTTP ${status} but with interaction id ${received} instead of ours, ${sent}: the answer may not be to this request.`,
    { status, interactionId: sent, receivedInteractionId: received, reason: 'interaction-id-mismatch', attempts },
  );
}
