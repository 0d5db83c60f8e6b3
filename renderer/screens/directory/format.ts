import type { AppErrorShape } from '../../../shared/errors';

/** A date (and time) in the user's language, in their time zone. */
export function formatDate(iso: string | null, language: string, withTime = true): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

/** The form field a refusal names, and its message key (with the date a validity refusal carries). */
export function certificateRefusal(error: AppErrorShape): { field: string; key: string; date: string | null } | null {
  const reason = error.details?.reason;
  if (error.code !== 'VALIDATION' || typeof reason !== 'string') return null;
  const field = error.details?.fields?.[0]?.field ?? 'certificate';
  const date = reason === 'expired' ? error.details?.notAfter : reason === 'not-yet-valid' ? error.details?.notBefore : null;
  return { field, key: `providers.directory.certificate.reasons.${reason}`, date: typeof date === 'string' ? date : null };
}
