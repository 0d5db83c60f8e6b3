export interface Throttled {
  (): void;
  /** Drops a call waiting for its turn. */
  cancel(): void;
}

/**
 * Runs `run` at once, then at most once per `ms` (asked again after each run when a function): calls in
 * between are folded into one that runs when the time is up, so the last call is never lost.
 */
export function throttle(ms: number | (() => number), run: () => void, now: () => number = Date.now): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = now();
    run();
  };
  const throttled = () => {
    if (timer) return;
    const wait = last + (typeof ms === 'number' ? ms : ms()) - now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
