/**
 * The list is per partner, the walk is over one numbered sequence: partners' lists are laid end to end in
 * the order configured, so every page but the last is full and the total is the sum the server states.
 */
export interface PartnerSpan {
  partner: string;
  total: number;
}

export interface PartnerSlice {
  partner: string;
  skip: number;
  take: number;
}

/** The partner slices that make up global page `page` (1-based) of `pageSize` rows. */
export function slicesFor(spans: readonly PartnerSpan[], page: number, pageSize: number): PartnerSlice[] {
  let from = (page - 1) * pageSize;
  let wanted = pageSize;
  const slices: PartnerSlice[] = [];
  for (const span of spans) {
    if (wanted === 0) break;
    if (from >= span.total) {
      from -= span.total;
      continue;
    }
    const take = Math.min(wanted, span.total - from);
    slices.push({ partner: span.partner, skip: from, take });
    wanted -= take;
    from = 0;
  }
  return slices;
}
