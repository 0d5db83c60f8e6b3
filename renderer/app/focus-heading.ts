/** The id the skip link points at: the current screen's heading. */
export const HEADING_ID = 'main-heading';

/**
 * The current screen's title: the first visible h1 in the main area (a screen still loading may leave the
 * previous one hidden), made focusable by script only (tabIndex -1) and the skip link's target.
 */
function screenHeading(): HTMLElement | null {
  const heading = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) => h.getClientRects().length > 0) ?? null;
  if (!heading) return null;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  if (!heading.id) {
    document.getElementById(HEADING_ID)?.removeAttribute('id');
    heading.id = HEADING_ID;
  }
  return heading;
}

/** Moves focus to the screen's heading (after a navigation, a save, or from the skip link); false when there is none yet. */
export function focusHeading(): boolean {
  const heading = screenHeading();
  heading?.focus();
  return heading !== null && document.activeElement === heading;
}

/**
 * Once the screen shows its heading, makes it the skip link's target and, after a navigation (`focus`),
 * moves focus to it — unless the user has put focus somewhere else meanwhile. Returns the function that
 * stops waiting.
 */
export function whenHeadingShown(focus: boolean, waitMs = 5000): () => void {
  const done = () => (focus ? focusHeading() : screenHeading() !== null);
  if (done()) return () => {};
  const focusedAtStart = document.activeElement;
  const main = document.querySelector('main') ?? document.body;
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    const untouched = !focus || active === focusedAtStart || active === document.body || active === null || !active.isConnected;
    if (!untouched || done()) stop();
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  return stop;
}
