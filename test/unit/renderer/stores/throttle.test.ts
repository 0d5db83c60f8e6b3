import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../../renderer/stores/throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then folds the calls of each period into one at its end, and can drop a waiting call', () => {
    const run = vi.fn();
    const refresh = throttle(1_000, run, () => Date.now());
    refresh();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(150);
      refresh();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);
    refresh();
    refresh.cancel();
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(2);
    refresh();
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('asks a period given as a function again after each run', () => {
    const run = vi.fn();
    let period = 1_000;
    const refresh = throttle(() => period, run, () => Date.now());
    refresh();
    period = 4_000;
    refresh();
    vi.advanceTimersByTime(3_999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
