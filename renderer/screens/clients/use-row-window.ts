import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Pages longer than this render only the rows in and near the viewport. */
export const WINDOWED_FROM = 100;
const OVERSCAN = 15;
const FIRST_GUESS_PX = 41;

export interface RowWindow {
  windowed: boolean;
  start: number;
  end: number;
  /** Heights of the space standing for the rows not rendered above and below. */
  before: number;
  after: number;
}

/**
 * The rows of a long page that are on screen (plus a margin): a 500-row page builds and lays out a few dozen
 * rows instead of 500, and follows the scroll (of the window or any scrolling ancestor) frame by frame.
 */
export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow {
  const windowed = count > WINDOWED_FROM;
  const [view, setView] = useState({ first: 0, last: Math.min(count, 40), rowHeight: FIRST_GUESS_PX });

  useLayoutEffect(() => {
    if (!windowed) return;
    const update = () => {
      const tbody = body.current;
      if (!tbody) return;
      const rendered = [...tbody.querySelectorAll<HTMLElement>('tr[data-client]')];
      const measured = rendered.reduce((h, r) => h + r.offsetHeight, 0) / Math.max(1, rendered.length);
      const rowHeight = measured >= 20 ? measured : FIRST_GUESS_PX;
      const top = tbody.getBoundingClientRect().top;
      const first = Math.max(0, Math.min(count - 1, Math.floor(-top / rowHeight) - OVERSCAN));
      const last = Math.min(count, Math.max(first + 1, Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN));
      setView((v) => (v.first === first && v.last === last && Math.abs(v.rowHeight - rowHeight) < 0.5 ? v : { first, last, rowHeight }));
    };
    update();
    let frame = 0;
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [count, windowed, body]);

  if (!windowed) return { windowed, start: 0, end: count, before: 0, after: 0 };
  const start = Math.min(view.first, count);
  const end = Math.min(Math.max(view.last, start), count);
  return { windowed, start, end, before: start * view.rowHeight, after: (count - end) * view.rowHeight };
}
