/** Budgets from issues 4 and 5. A figure without a target is informative only. */
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
  'cache.write100k_s': { op: '<=', value: 2 },
  'sync.10k_s': { op: '<=', value: 3 },
  'sync.speedup_x': { op: '>=', value: 3 },
  'resync.rows_written': { op: '=', value: 0 },
  'sync.rss_growth_mb': { op: '<=', value: 150 },
  'rotation.bulk1000_s': { op: '<=', value: 10 },
};

export function meets(target: Target, value: number): boolean {
  if (target.op === '<=') return value <= target.value;
  if (target.op === '>=') return value >= target.value;
  return value === target.value;
}
