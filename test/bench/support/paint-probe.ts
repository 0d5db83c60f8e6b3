// In-page timing of "user action → new rows painted": a listener notes performance.now() when the action's
// event (keydown, click, change) reaches the page, a MutationObserver waits for the rows of the list to differ
// from what they were when armed, and the time is read after the next frame (requestAnimationFrame, then a task).
import type { Page } from 'playwright-core';

// Plain page script (a string, so the TypeScript loader's helpers are not pulled into the page).
// The rows are the list's tbody, or its empty state when there is no table.
const ARM = `(event, timeout) => {
  const region = document.querySelector('.list-region');
  if (!region) throw new Error('no .list-region on the page');
  const rows = () => (region.querySelector('tbody') ?? region).innerHTML;
  const before = rows();
  let started = null;
  window.__paintProbe = new Promise((resolve, reject) => {
    document.addEventListener(event, () => { started ??= performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (started === null || rows() === before) return;
      observer.disconnect();
      clearTimeout(timer);
      const at = started;
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - at)));
    });
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the rows did not change within ' + timeout + ' ms of the ' + event));
    }, timeout);
  });
}`;

/** Arms the probe; do the action next, then await `paintedAfter`. */
export async function armPaintProbe(page: Page, trigger: 'keydown' | 'click' | 'change', timeoutMs = 10_000): Promise<void> {
  await page.evaluate(`(${ARM})(${JSON.stringify(trigger)}, ${timeoutMs})`);
}

/** Milliseconds from the armed event to the changed rows being painted. */
export async function paintedAfter(page: Page): Promise<number> {
  return (await page.evaluate('window.__paintProbe')) as number;
}
