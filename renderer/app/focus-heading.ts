/** The current screen's title: the first h1 in the main area, made focusable by script only (tabIndex -1). */
function screenHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading && heading.tabIndex !== -1) heading.tabIndex = -1;
  return heading;
}

/** Moves focus to the screen's heading (after a navigation, a save, or from the skip link). */
export function focusHeading(): boolean {
  const heading = screenHeading();
  heading?.focus();
  return heading !== null;
}

/**
 * After a navigation: focus the new heading now, or as soon as the screen shows it — unless the user has
 * put focus somewhere else meanwhile. Returns the function that stops waiting.
 */
export function focusHeadingWhenShown(waitMs = 3000): () => void {
  if (focusHeading()) return () => {};
  const focusedAtStart = document.activeElement;
  const main = document.querySelector('main') ?? document.body;
  const observer = new MutationObserver(() => {
    const active = document.activeElement;
    const untouched = active === focusedAtStart || active === document.body || active === null || !active.isConnected;
    if (untouched && focusHeading()) stop();
    else if (!untouched) stop();
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
