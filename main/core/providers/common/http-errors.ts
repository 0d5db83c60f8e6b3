import { AppError } from '../../../../shared/errors';
import type { FieldError } from '../../../../shared/errors';
import { redact } from '../../http/redact';
import type { HttpResponse } from '../../http';

export interface ErrorVocabulary {
  /** The system's name in messages ("the registry"). */
  system: string;
  /** Wire field → form field (e.g. `nom` → `name`). */
  fieldNames?: Record<string, string>;
}

/** The server's own words: FastAPI `detail` strings, `{errors:[…]}`, or `{message}`. */
export function serverText(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { detail?: unknown; message?: unknown; errors?: unknown };
  if (typeof d.detail === 'string') return d.detail;
  if (typeof d.message === 'string') return d.message;
  if (Array.isArray(d.errors) && d.errors.every((e) => typeof e === 'string')) return d.errors.join('; ');
  return null;
}

/** FastAPI/Pydantic 422 `{"detail":[{"loc":["body","code"],"msg":"…"}]}` → form field errors. */
export function fastApiFieldErrors(data: unknown, fieldNames: Record<string, string> = {}): FieldError[] {
  const list = (data as { detail?: unknown })?.detail;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const loc = Array.isArray((item as { loc?: unknown }).loc) ? (item as { loc: unknown[] }).loc : [];
    const path = loc.filter((p, i) => !(i === 0 && (p === 'body' || p === 'query' || p === 'path'))).map(String);
    const first = path[0];
    if (first && fieldNames[first]) path[0] = fieldNames[first];
    const msg = String((item as { msg?: unknown }).msg ?? 'Invalid value');
    return [{ field: path.join('.') || '(input)', message: redact(msg) }];
  });
}

/** Maps a non-2xx answer to the shared error set, in the system's own words where it gave some. */
export function errorFromStatus(res: HttpResponse, vocab: ErrorVocabulary): AppError {
  const base = { status: res.status, requestId: res.requestId };
  const text = serverText(res.data);
  const say = (fallback: string) => redact(text ?? fallback);
  if (res.status === 422) {
    const fields = fastApiFieldErrors(res.data, vocab.fieldNames);
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new AppError('VALIDATION', `${capitalize(vocab.system)} refused the data (${summary || 'invalid request'}).`, { ...base, fields });
  }
  if (res.status === 400) return new AppError('VALIDATION', say(`${capitalize(vocab.system)} refused the request as invalid.`), base);
  if (res.status === 401) return new AppError('AUTH_REQUIRED', say(`${capitalize(vocab.system)} did not accept the credentials.`), base);
  if (res.status === 403) return new AppError('FORBIDDEN', say('These credentials may not do this.'), base);
  if (res.status === 404) return new AppError('NOT_FOUND', say(`Not found on ${vocab.system}.`), base);
  if (res.status === 409) return new AppError('CONFLICT', say('The record changed on the server.'), base);
  if (res.status === 429) {
    const retry = Number(res.headers.get('retry-after'));
    return new AppError('RATE_LIMITED', `${capitalize(vocab.system)} is rate-limiting requests; try again shortly.`, {
      ...base,
      ...(Number.isFinite(retry) ? { retryAfterSeconds: retry } : {}),
    });
  }
  if (res.status >= 500) return new AppError('SERVER', `${capitalize(vocab.system)} had an internal error (HTTP ${res.status}).`, base);
  return new AppError('BAD_RESPONSE', `Unexpected answer from ${vocab.system} (HTTP ${res.status}).`, base);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
