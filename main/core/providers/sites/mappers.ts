import type { ClientRecord, ClientStatus } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';

export interface SiteRow {
  siteId: string;
  name: string;
  equipment: number;
}

/** The registry's free-form status word (French or English) → the common status. */
export function statusFrom(word: unknown): ClientStatus {
  if (typeof word !== 'string') return 'unknown';
  const w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  if (/^(in|de|des)activ|^inactive|^disabled|^ferme|^closed|^supprim|^deleted/.test(w)) return 'inactive';
  if (/^suspend/.test(w)) return 'suspended';
  if (/^activ|^enabled|^ouvert|^open|^ok$/.test(w)) return 'active';
  return 'unknown';
}

/** `sites` / `equipements` are a count in the schema and a list in the prose: accept both. */
export function countOf(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.trunc(value));
  if (Array.isArray(value)) return value.length;
  return 0;
}

function siteRows(value: unknown): SiteRow[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((s) => {
    if (!s || typeof s !== 'object') return [];
    const o = s as Record<string, unknown>;
    return [{ siteId: String(o.site_id ?? ''), name: typeof o.nom === 'string' ? o.nom : '', equipment: countOf(o.equipements) }];
  });
}

/** A registry client (list item, register/update answer or `/infos`) → ClientRecord. */
export function toClientRecord(connectionId: string, wire: unknown): ClientRecord {
  if (!wire || typeof wire !== 'object' || typeof (wire as { client_id?: unknown }).client_id !== 'string') {
    throw new AppError('BAD_RESPONSE', 'The registry sent a client without a client_id.');
  }
  const w = wire as Record<string, unknown>;
  const sites = siteRows(w.sites);
  const equipment = sites && w.equipements === undefined ? sites.reduce((n, s) => n + s.equipment, 0) : countOf(w.equipements);
  const timestamp = typeof w.timestamp === 'string' ? w.timestamp : null;
  // Keys in sorted order: the cache's canonical JSON of the extras is then plain JSON.stringify.
  const extra: Record<string, unknown> = {
    equipements: equipment,
    ...(typeof w.status === 'string' ? { serverStatus: w.status } : {}),
    sites: countOf(w.sites),
    ...(sites ? { sitesList: sites } : {}),
  };
  return {
    connectionId,
    remoteId: w.client_id as string,
    name: typeof w.nom === 'string' ? w.nom : '',
    identifier: typeof w.code === 'number' || typeof w.code === 'string' ? String(w.code) : null,
    description: null,
    // `/infos` carries no status: the caller keeps the cached one.
    status: w.status === undefined ? 'unknown' : statusFrom(w.status),
    createdAt: timestamp,
    updatedAt: null,
    extra,
  };
}

/** The integer code the registry requires, from the form's text. */
export function codeFrom(identifier: string | null | undefined): number {
  const text = (identifier ?? '').trim();
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new AppError('VALIDATION', 'The code must be a whole number.', { fields: [{ field: 'identifier', message: 'validation.integer' }] });
  }
  return Number(text);
}
