/**
 * The current screen's title: the first visible h1 in the main area (a screen still loading may leave the
 * previous one hidden), made focusable by script only (tabIndex -1).
 */
function screenHeading(): HTMLElement | null {
  const heading = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) => h.getClientRects().length > 0) ?? null;
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/** Moves focus to the screen's heading (after a navigation, a save, or from the skip link); false when there is none yet. */
export function focusHeading(): boolean {
  const heading = screenHeading();
  heading?.focus();
  return heading !== null && document.activeElement === heading;
}

/**
 * After a navigation: focus the new heading now, or as soon as the screen shows it — unless the user has
 * put focus somewhere else meanwhile. Returns the function that stops waiting.
 */
export function focusHeadingWhenShown(waitMs = 5000): () => void {
  if (focusHeading()) return () => {};
  const focusedAtStart = document.activeElement;
  const main = document.querySelector('main') ?? document.body;
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    const untouched = active === focusedAtStart || active === document.body || active === null || !active.isConnected;
    if (!untouched || focusHeading()) stop();
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  return stop;
}
