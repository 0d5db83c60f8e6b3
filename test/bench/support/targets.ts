/**
 * Budgets. Times on the shared bench machines swing by a third with the host, so a time is a target only as
 * a ratio to something measured in the same run; absolute times are printed as information. A figure
 * without a target is informative only.
 */
export interface Target {
  op: '<=' | '>=' | '=';
  value: number;
}

export const TARGETS: Record<string, Target> = {
  'search.fts.p95_ms': { op: '<=', value: 5 },
  'search.speedup_x': { op: '>=', value: 20 },
  'window.start.p95_ms': { op: '<=', value: 5 },
  'window.middle.p95_ms': { op: '<=', value: 5 },
  'window.end.p95_ms': { op: '<=', value: 5 },
  'cache.write100k_x_raw': { op: '<=', value: 2.5 },
  'sync.speedup_x': { op: '>=', value: 3 },
  'resync.rows_written': { op: '=', value: 0 },
  'sync.100k_x_floor': { op: '<=', value: 1.5 },
  'sync.scaling_100k_10k_x': { op: '<=', value: 11 },
  'resync.100k_1pct_x_floor': { op: '<=', value: 1.5 },
  'resync.100k_1pct_rows_written': { op: '=', value: 1000 },
  'sync.rss_growth_mb': { op: '<=', value: 150 },
  'sync.sites100k_rss_growth_mb': { op: '<=', value: 150 },
  'rotation.bulk1000_s': { op: '<=', value: 10 },
  // Renderer figures, as a user feels them: absolute, since the harness page is what the user waits on.
  'ui.search_100k.p95_ms': { op: '<=', value: 100 },
  'ui.page_100k.p95_ms': { op: '<=', value: 100 },
  'ui.page500_100k.p95_ms': { op: '<=', value: 200 },
  'ui.bundle_gzip_kb': { op: '<=', value: 350 },
};

export function meets(target: Target, value: number): boolean {
  if (target.op === '<=') return value <= target.value;
  if (target.op === '>=') return value >= target.value;
  return value === target.value;
}
