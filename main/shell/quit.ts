import type { Core } from '../core/create-core';

/** Long enough for a bulk rotation to park its journal and SQLite to checkpoint; short enough that quitting never hangs. */
export const CORE_CLOSE_TIMEOUT_MS = 5_000;

interface QuitEvent {
  preventDefault(): void;
}

/**
 * The `will-quit` listener: holds the quit until the core has closed (or the timeout passed), takes a copied
 * secret off the clipboard, then quits for real (the second `will-quit` goes through).
 */
export function closeCoreBeforeQuit(app: { quit(): void }, core: () => Core | null, timeoutMs = CORE_CLOSE_TIMEOUT_MS) {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return function closeCoreThenQuit(event: QuitEvent): void {
    const current = core();
    if (state === 'closed' || !current) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void closeWithin(current, timeoutMs)
      .then(() => current.context.secretClipboard.clearIfUnchanged())
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  };
}

async function closeWithin(core: Core, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const closed = core.close().then(
    () => 'closed' as const,
    (err: unknown) => {
      core.context.log(`core close failed at quit: ${err instanceof Error ? err.message : String(err)}`);
      return 'closed' as const;
    },
  );
  const outcome = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') core.context.log(`core did not close within ${timeoutMs} ms; quitting anyway`);
}
