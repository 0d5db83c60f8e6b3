import type { TokenizationContact, TokenizationState } from './state';
import { findPartner, foldName } from './state';

/** What a create or a PATCH may set, once checked. */
export interface ClientChanges {
  name?: string;
  isActive?: boolean;
  directPartnerId?: number;
  contact?: Partial<Omit<TokenizationContact, 'id'>> & { id?: number };
  mid?: string | null;
  billingId?: string | null;
  location?: number | null;
}

export type Checked = { ok: true; changes: ClientChanges } | { ok: false; status: 400 | 409; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const nonBlank = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function checkDirectPartner(state: TokenizationState, value: unknown, problems: string[]): number | undefined {
  if (!isObject(value)) {
    problems.push('directPartner must be an object with the partner\'s id and/or name.');
    return undefined;
  }
  const { id, name } = value;
  if (id !== undefined && !Number.isSafeInteger(id)) problems.push('directPartner.id must be an integer.');
  if (name !== undefined && !nonBlank(name)) problems.push('directPartner.name must be a non-empty string.');
  if (id === undefined && name === undefined) problems.push('directPartner needs its id or its name (or both).');
  if (problems.length) return undefined;
  const byId = id === undefined ? undefined : findPartner(state, id as number);
  const byName = name === undefined ? undefined : findPartner(state, name as string);
  if (id !== undefined && !byId) problems.push(`directPartner.id ${String(id)} is not a partner of this account.`);
  else if (name !== undefined && !byName) problems.push(`directPartner.name "${String(name)}" is not a partner of this account.`);
  else if (byId && byName && byId.id !== byName.id) problems.push('directPartner.id and directPartner.name designate different partners.');
  return (byId ?? byName)?.id;
}

function checkContact(value: unknown, partial: boolean, problems: string[]): ClientChanges['contact'] {
  if (!isObject(value)) {
    problems.push('contact must be an object with firstName, lastName and email.');
    return undefined;
  }
  const contact: NonNullable<ClientChanges['contact']> = {};
  if (value.id !== undefined) {
    if (Number.isSafeInteger(value.id)) contact.id = value.id as number;
    else problems.push('contact.id must be an integer.');
  }
  for (const field of ['firstName', 'lastName', 'email'] as const) {
    const v = value[field];
    if (v === undefined && partial) continue;
    if (!nonBlank(v)) problems.push(`contact.${field} is required.`);
    else if (field === 'email' && !EMAIL.test(v.trim())) problems.push(`contact.email "${v}" is not a valid e-mail address.`);
    else contact[field] = v.trim();
  }
  return contact;
}

function optionalText(body: Record<string, unknown>, field: 'mid' | 'billingId', problems: string[]): string | null | undefined {
  const v = body[field];
  if (v === undefined || v === null) return v;
  if (typeof v === 'string') return v;
  problems.push(`${field} must be a string or null.`);
  return undefined;
}

/**
 * Checks a create (partial = false: name, directPartner and contact required) or a PATCH body. Every problem is
 * named in the one message; a name another client has is a 409.
 */
export function checkClientBody(state: TokenizationState, body: unknown, partial: boolean, selfId?: number): Checked {
  if (!isObject(body)) return { ok: false, status: 400, message: 'The request body must be a JSON object.' };
  const problems: string[] = [];
  const changes: ClientChanges = {};
  if (body.name !== undefined || !partial) {
    if (!nonBlank(body.name)) problems.push('name is required and cannot be empty.');
    else if (body.name.trim().length > 255) problems.push('name must be at most 255 characters.');
    else changes.name = body.name.trim();
  }
  if (body.isActive !== undefined) {
    if (typeof body.isActive === 'boolean') changes.isActive = body.isActive;
    else problems.push('isActive must be true or false.');
  }
  if (body.directPartner !== undefined || !partial) changes.directPartnerId = checkDirectPartner(state, body.directPartner, problems);
  if (body.contact !== undefined || !partial) changes.contact = checkContact(body.contact, partial, problems);
  for (const field of ['mid', 'billingId'] as const) {
    const v = optionalText(body, field, problems);
    if (v !== undefined) changes[field] = v;
  }
  if (body.location !== undefined) {
    if (body.location === null || Number.isSafeInteger(body.location)) changes.location = body.location as number | null;
    else problems.push('location must be an integer or null.');
  }
  if (problems.length) return { ok: false, status: 400, message: problems.join(' ') };
  const holder = changes.name === undefined ? undefined : state.names.get(foldName(changes.name));
  if (holder !== undefined && holder !== selfId) return { ok: false, status: 409, message: `A client named "${changes.name}" already exists.` };
  return { ok: true, changes };
}
