import { AppError } from '../../../../shared/errors';
import type { FieldError } from '../../../../shared/errors';
import { redact } from '../../http/redact';
import type { HttpResponse } from '../../http';

/** Wire field → the form field the app shows it next to. */
const FIELD_NAMES: Record<string, string> = { siret: 'identifier', name: 'name', description: 'description' };

function detailText(data: unknown): string | null {
  if (data && typeof data === 'object' && 'detail' in data) {
    const d = (data as { detail: unknown }).detail;
    if (typeof d === 'string') return d;
  }
  return null;
}

/** FastAPI/Pydantic 422: {"detail":[{"loc":["body","siret"],"msg":"…"}]} → field errors. */
export function fieldErrorsFrom(data: unknown): FieldError[] {
  const list = (data as { detail?: unknown })?.detail;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const loc = Array.isArray((item as { loc?: unknown }).loc) ? ((item as { loc: unknown[] }).loc) : [];
    const path = loc.filter((p, i) => !(i === 0 && (p === 'body' || p === 'query' || p === 'path'))).map(String);
    const first = path[0];
    if (first && FIELD_NAMES[first]) path[0] = FIELD_NAMES[first];
    const msg = String((item as { msg?: unknown }).msg ?? 'Invalid value');
    return [{ field: path.join('.') || '(input)', message: redact(msg) }];
  });
}

/** What the caller knows about its credentials, to explain refusals. */
export interface ErrorContext {
  /** The client uid a client-scoped JWT is limited to. */
  scopedTo?: string | null;
}

/** Maps a non-2xx FactPulse answer to the shared error set. */
export function errorFromResponse(res: HttpResponse, context: ErrorContext = {}): AppError {
  const text = detailText(res.data);
  const base = { status: res.status, requestId: res.requestId };
  const say = (fallback: string) => redact(text ?? fallback);
  switch (true) {
    case res.status === 422: {
      const fields = fieldErrorsFrom(res.data);
      const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return new AppError('VALIDATION', `FactPulse refused the data (${summary || 'invalid request'}).`, { ...base, fields });
    }
    case res.status === 400:
      return new AppError('VALIDATION', say('FactPulse refused the request as invalid.'), base);
    case res.status === 401:
      return new AppError('AUTH_REQUIRED', say('FactPulse did not accept the credentials.'), base);
    case res.status === 403:
      if (context.scopedTo) {
        return new AppError(
          'FORBIDDEN',
          `Access denied: this token is limited to client ${context.scopedTo}, so it cannot list or create clients or touch any other client.`,
          { ...base, scopedTo: context.scopedTo },
        );
      }
      return new AppError('FORBIDDEN', say('These credentials may not access this client.'), base);
    case res.status === 404:
      return new AppError('NOT_FOUND', say('Not found on FactPulse.'), base);
    case res.status === 409:
      return new AppError('CONFLICT', say('The record changed on the server.'), base);
    case res.status === 429: {
      const retry = Number(res.headers.get('retry-after'));
      return new AppError('RATE_LIMITED', 'FactPulse is rate-limiting requests; try again shortly.', {
        ...base,
        ...(Number.isFinite(retry) ? { retryAfterSeconds: retry } : {}),
      });
    }
    case res.status >= 500:
      return new AppError('SERVER', `FactPulse had an internal error (HTTP ${res.status}).`, base);
    default:
      return new AppError('BAD_RESPONSE', `Unexpected answer from FactPulse (HTTP ${res.status}).`, base);
  }
}
