import type { ClientRecord } from '../../../shared/domain';

/**
 * A detail answer may carry less than the list did (the sites registry's `/infos` has no status): what it
 * does not say keeps the cached value, and extras from both are kept.
 */
export function mergeDetail(cached: ClientRecord | null, fresh: ClientRecord): ClientRecord {
  if (!cached) return fresh;
  return {
    ...fresh,
    status: fresh.status === 'unknown' ? cached.status : fresh.status,
    createdAt: fresh.createdAt ?? cached.createdAt,
    updatedAt: fresh.updatedAt ?? cached.updatedAt,
    extra: { ...cached.extra, ...fresh.extra },
  };
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/**
 * Did the server change what both answers say? Name, identifier, description, a known status and the scalar
 * extras present in both: a list row and a detail answer of the same record compare equal.
 */
export function sameRecord(base: ClientRecord, server: ClientRecord): boolean {
  if (base.name !== server.name || base.identifier !== server.identifier || base.description !== server.description) return false;
  if (base.status !== 'unknown' && server.status !== 'unknown' && base.status !== server.status) return false;
  for (const [key, value] of Object.entries(base.extra)) {
    if (!(key in server.extra) || !isScalar(value) || !isScalar(server.extra[key])) continue;
    if (value !== server.extra[key]) return false;
  }
  return true;
}
