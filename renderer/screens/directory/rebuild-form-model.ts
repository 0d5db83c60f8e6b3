import { rebuildFiltersSchema } from '../../../shared/schemas/directory';
import type { RebuildFilters } from '../../../shared/schemas/directory';

export interface RebuildFormValues {
  page: string;
  size: string;
  /** `datetime-local` values, in the user's time zone. */
  startDate: string;
  endDate: string;
  role: string;
  status: '' | 'Active' | 'Inactive' | 'Suspended';
  name: string;
  incremental: boolean;
}

export const EMPTY_REBUILD_FORM: RebuildFormValues = { page: '', size: '', startDate: '', endDate: '', role: '', status: '', name: '', incremental: false };

const whole = (v: string) => (v.trim() === '' ? undefined : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** A local date-time as RFC 3339 in UTC; an unreadable one is passed on as typed so the schema names it. */
function rfc3339(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const date = new Date(local);
  return Number.isFinite(date.getTime()) ? date.toISOString().replace(/\.000Z$/, 'Z') : local;
}

/** The filters the form says, unchecked (undefined fields are not sent). */
export function filtersFrom(values: RebuildFormValues): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    page: whole(values.page),
    size: whole(values.size),
    startDate: values.incremental ? undefined : rfc3339(values.startDate),
    endDate: rfc3339(values.endDate),
    role: values.role.trim() || undefined,
    status: values.status || undefined,
    name: values.name.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

/** The same zod schema main checks with: field → message key. */
export function checkRebuildForm(values: RebuildFormValues): { ok: true; filters: RebuildFilters } | { ok: false; errors: Record<string, string> } {
  const result = rebuildFiltersSchema.safeParse(filtersFrom(values));
  if (result.success) return { ok: true, filters: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}

/** `filters.endDate` (contract) or `startDate` (main) → the form's field. */
export function formField(path: string): string {
  return path.replace(/^filters\./, '');
}

/** A short line for the history: `status=Active · name=Banco`. */
export function describeFilters(filters: Record<string, string | number>): string {
  return Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(' · ');
}
