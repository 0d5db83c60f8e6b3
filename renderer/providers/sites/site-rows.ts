export interface SiteRow {
  siteId: string;
  name: string;
  equipment: number;
}

/** `record.extra.sitesList` as the provider maps it; null when the record carries no list (e.g. from a list sync). */
export function siteRowsOf(extra: Record<string, unknown>): SiteRow[] | null {
  const list = extra.sitesList;
  if (!Array.isArray(list)) return null;
  return list.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const o = item as Record<string, unknown>;
    const equipment = typeof o.equipment === 'number' && Number.isFinite(o.equipment) ? o.equipment : 0;
    return [{ siteId: typeof o.siteId === 'string' ? o.siteId : '', name: typeof o.name === 'string' ? o.name : '', equipment }];
  });
}
