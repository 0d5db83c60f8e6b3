/** One measured figure, as written to test/bench/results.json. */
export type Unit = 'ms' | 's' | 'MB' | 'KB' | 'x' | 'rows';
export interface Figure {
  value: number;
  unit: Unit;
  /** What the figure was measured under (shown in the table, not written to the JSON). */
  note?: string;
}
export type Figures = Record<string, Figure>;

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nearest-rank percentile of already collected samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function seconds(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}

/** "min–max" of a few runs, for a figure's note. */
export function spread(samples: readonly number[], digits = 2): string {
  return `${round(Math.min(...samples), digits)}–${round(Math.max(...samples), digits)}`;
}

/** Samples this process's RSS every 20 ms until `stop()`, which answers the RSS before and the peak. */
export function trackPeakRss(): { stop(): { before: number; peak: number } } {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop: () => {
      clearInterval(sampler);
      return { before, peak: Math.max(peak, process.memoryUsage.rss()) };
    },
  };
}
