// Validation of a rebuild request as the directory sandbox checks it: FAPI headers, then query filters.
// Every problem found goes into one `{errors: [...]}` list, like the real API's 400.
import { isIP } from 'node:net';
import { CLIENT_STATUSES } from './registry';
import type { ClientStatus, RegistryFilters } from './registry';

export const INTERACTION_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,99}$/;
const AUTH_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC)$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const KNOWN_PARAMS = new Set(['page', 'size', 'startDate', 'endDate', 'role', 'status', 'name']);
export const MAX_PAGE_SIZE = 1000;

export interface RebuildQuery extends RegistryFilters {
  page: number;
  size: number;
}

/** The problems with the FAPI headers (empty when they are fine). */
export function checkFapiHeaders(headers: Record<string, string | undefined>): string[] {
  const errors: string[] = [];
  const id = headers['x-fapi-interaction-id'];
  if (id !== undefined && !INTERACTION_ID.test(id)) {
    errors.push('x-fapi-interaction-id must be 1 to 100 letters, digits or hyphens, starting with a letter or digit (an RFC 4122 UUID).');
  }
  const authDate = headers['x-fapi-auth-date'];
  if (authDate !== undefined) {
    const m = AUTH_DATE.exec(authDate);
    const date = m ? new Date(Date.UTC(Number(m[4]), MONTHS.indexOf(m[3] as string), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]))) : null;
    if (!m || !date || date.getUTCDate() !== Number(m[2]) || Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) {
      errors.push('x-fapi-auth-date must be an RFC 7231 date such as "Sun, 10 Sep 2017 19:43:31 UTC".');
    } else if (DAYS[date.getUTCDay()] !== m[1]) {
      errors.push(`x-fapi-auth-date says ${m[1]} but ${m[2]} ${m[3]} ${m[4]} is a ${DAYS[date.getUTCDay()]}.`);
    } else if (date.getTime() > Date.now() + 5 * 60_000) {
      errors.push('x-fapi-auth-date is in the future.');
    }
  }
  const ip = headers['x-fapi-customer-ip-address'];
  if (ip !== undefined && isIP(ip) === 0) errors.push('x-fapi-customer-ip-address must be an IPv4 or IPv6 address.');
  return errors;
}

function rfc3339(name: string, value: string, errors: string[]): Date | undefined {
  const m = RFC3339.exec(value);
  const date = m ? new Date(value) : null;
  const sameDay = m && date && !Number.isNaN(date.getTime()) && Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  if (!m || !sameDay || Number(m[2]) < 1 || Number(m[3]) < 1 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) {
    errors.push(`${name} must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z (got "${value.slice(0, 40)}").`);
    return undefined;
  }
  return date as Date;
}

function wholeNumber(name: string, value: string | null, fallback: number, min: number, max: number, errors: string[]): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max} (got "${value.slice(0, 20)}").`);
    return fallback;
  }
  return n;
}

function text(name: string, value: string | null, errors: string[]): string | undefined {
  if (value === null) return undefined;
  if (value.trim() === '' || value.length > 200) errors.push(`${name} must be 1 to 200 characters.`);
  return value;
}

/** The rebuild's filters, or the list of what is wrong with them. Pages count from 0. */
export function parseRebuildQuery(query: URLSearchParams): { query: RebuildQuery } | { errors: string[] } {
  const errors: string[] = [];
  for (const key of new Set(query.keys())) {
    if (!KNOWN_PARAMS.has(key)) errors.push(`Unknown query parameter "${key.slice(0, 40)}".`);
    else if (query.getAll(key).length > 1) errors.push(`${key} is given more than once.`);
  }
  const startText = query.get('startDate');
  const endText = query.get('endDate');
  const startDate = startText === null ? undefined : rfc3339('startDate', startText, errors);
  const endDate = endText === null ? undefined : rfc3339('endDate', endText, errors);
  if (startDate && endDate && endDate.getTime() < startDate.getTime()) errors.push('endDate must not be before startDate.');
  const status = query.get('status');
  if (status !== null && !(CLIENT_STATUSES as readonly string[]).includes(status)) {
    errors.push(`status must be one of ${CLIENT_STATUSES.join(', ')} (got "${status.slice(0, 40)}").`);
  }
  const parsed: RebuildQuery = {
    page: wholeNumber('page', query.get('page'), 0, 0, 1_000_000, errors),
    size: wholeNumber('size', query.get('size'), 100, 1, MAX_PAGE_SIZE, errors),
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
    ...(status !== null ? { status: status as ClientStatus } : {}),
  };
  const role = text('role', query.get('role'), errors);
  const name = text('name', query.get('name'), errors);
  if (role !== undefined) parsed.role = role;
  if (name !== undefined) parsed.name = name;
  return errors.length ? { errors } : { query: parsed };
}
