import type { ClientRecord } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { ClientInput } from '../types';

type Wire = Record<string, unknown>;

function ref(value: unknown): { id: number | null; name: string | null } {
  if (!value || typeof value !== 'object') return { id: null, name: null };
  const o = value as Wire;
  return { id: typeof o.id === 'number' ? o.id : null, name: typeof o.name === 'string' ? o.name : null };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const label = (r: { id: number | null; name: string | null }): string | null => r.name ?? (r.id === null ? null : String(r.id));

/** A list item or a full client → ClientRecord (extras in sorted key order, as the cache's canonical JSON wants). */
export function toClientRecord(connectionId: string, wire: unknown): ClientRecord {
  if (!wire || typeof wire !== 'object' || (typeof (wire as Wire).id !== 'number' && typeof (wire as Wire).id !== 'string')) {
    throw new AppError('BAD_RESPONSE', 'The tokenization platform sent a client without an id.');
  }
  const w = wire as Wire;
  const partner = ref(w.partner);
  const direct = ref(w.directPartner);
  const contact = (w.contact && typeof w.contact === 'object' ? w.contact : {}) as Wire;
  const first = text(contact.firstName);
  const last = text(contact.lastName);
  const extra: Record<string, unknown> = {
    billingId: text(w.billingId),
    contactEmail: text(contact.email),
    contactFirstName: first,
    contactId: typeof contact.id === 'number' ? contact.id : null,
    contactLastName: last,
    contactName: first || last ? [first, last].filter(Boolean).join(' ') : null,
    directPartnerId: direct.id,
    directPartnerName: direct.name,
    location: w.location === undefined || w.location === null ? null : String(w.location),
    partner: label(direct),
    rootPartner: label(partner),
    rootPartnerId: partner.id,
  };
  return {
    connectionId,
    remoteId: String(w.id),
    name: typeof w.name === 'string' ? w.name : '',
    identifier: text(w.mid),
    description: null,
    status: w.isActive === true ? 'active' : w.isActive === false ? 'inactive' : 'unknown',
    createdAt: text(w.created),
    updatedAt: text(w.modified),
    ...(typeof w.version === 'number' ? { version: w.version } : {}),
    extra,
  };
}

/** The form's fields → the create/PATCH body (only what was given; nested objects only when one of their fields was). */
export function toWireClient(input: ClientInput, opts: { creating: boolean; isActive?: boolean }): Wire {
  const body: Wire = {};
  const extra = input.extra ?? {};
  if (input.name !== undefined) body.name = input.name;
  if (opts.isActive !== undefined) body.isActive = opts.isActive;
  const partnerId = extra.directPartnerId;
  const partnerName = extra.directPartnerName;
  if (partnerId !== undefined || partnerName !== undefined) {
    const directPartner: Wire = {};
    if (partnerId !== undefined && partnerId !== null && partnerId !== '') directPartner.id = Number(partnerId);
    if (typeof partnerName === 'string' && partnerName.trim() !== '') directPartner.name = partnerName.trim();
    body.directPartner = directPartner;
  }
  if (opts.creating && !body.directPartner) body.directPartner = {};
  if (opts.creating && Object.keys(body.directPartner as Wire).length === 0) {
    throw new AppError('VALIDATION', 'Give the direct partner by id or by name (or both).', {
      fields: [
        { field: 'extra.directPartnerId', message: 'validation.partnerRequired' },
        { field: 'extra.directPartnerName', message: 'validation.partnerRequired' },
      ],
    });
  }
  const contactKeys = [['contactFirstName', 'firstName'], ['contactLastName', 'lastName'], ['contactEmail', 'email']] as const;
  if (contactKeys.some(([k]) => extra[k] !== undefined)) {
    const contact: Wire = {};
    for (const [from, to] of contactKeys) if (typeof extra[from] === 'string') contact[to] = extra[from];
    body.contact = contact;
  }
  return body;
}
