/** At most `max` tasks at once; the rest wait in arrival order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly peak: number;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];

  async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    peak = Math.max(peak, active);
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  }

  return {
    run,
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
  };
}
