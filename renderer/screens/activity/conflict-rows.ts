import type { OutboxItem } from '../../../shared/schemas/cache';

type Version = Record<string, unknown> | null;

/** The record fields a change touches, and for each: cached base, the queued change, the server's version. */
export function conflictRows(item: OutboxItem): Array<{ field: string; base: unknown; mine: unknown; theirs: unknown }> {
  const base: Version = item.base;
  const theirs: Version = item.theirs;
  const fields = (item.mine.fields ?? {}) as Record<string, unknown>;
  const rows: Array<{ field: string; base: unknown; mine: unknown; theirs: unknown }> = [];
  if (item.action === 'update') {
    for (const [field, value] of Object.entries(fields)) rows.push({ field, base: base?.[field], mine: value, theirs: theirs?.[field] });
  } else if (item.action === 'activate' || item.action === 'deactivate') {
    rows.push({ field: 'status', base: base?.status, mine: item.action === 'activate' ? 'active' : 'inactive', theirs: theirs?.status });
  } else {
    for (const [field, value] of Object.entries({ ...fields, clientSecret: item.mine.clientSecret })) rows.push({ field, base: undefined, mine: value, theirs: undefined });
  }
  const touched = new Set(rows.map((r) => r.field));
  for (const field of ['name', 'identifier', 'description', 'status']) {
    if (!touched.has(field) && base?.[field] !== theirs?.[field]) rows.push({ field, base: base?.[field], mine: undefined, theirs: theirs?.[field] });
  }
  rows.push({ field: 'updatedAt', base: base?.updatedAt, mine: undefined, theirs: theirs?.updatedAt });
  return rows;
}
