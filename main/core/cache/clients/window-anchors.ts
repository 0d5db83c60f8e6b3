/** A row known to sit at `offset` of a list, by its sort values (the id last). */
export interface Anchor {
  offset: number;
  values: Array<string | number>;
}

/** How to read a window: from an end of the list, or seeking an anchor and stepping from it. */
export type WindowRoute =
  | { from: 'start' }
  | { from: 'end' }
  /** Seek the anchor, then step forward `offset - anchor.offset` rows. */
  | { from: 'anchor-forward'; anchor: Anchor }
  /** Seek the anchor reading backwards, then step back to the window's last row. */
  | { from: 'anchor-backward'; anchor: Anchor };

const MAX_LISTS = 32;
const MAX_ANCHORS = 512;
/**
 * A window farther than this from every remembered row is reached in strides this long, each one remembered:
 * the first jump deep into a list walks about as far as before, and any later one near the way is short.
 */
export const STRIDE = 1_000;

/** Rows a route steps over before the window [offset, offset + limit) of a list of `total` rows. */
export function stepsOf(route: WindowRoute, offset: number, limit: number, total: number): number {
  if (route.from === 'start') return offset;
  if (route.from === 'end') return Math.max(0, total - offset - limit);
  if (route.from === 'anchor-forward') return offset - route.anchor.offset;
  return route.anchor.offset - (offset + limit - 1);
}

/** The offset STRIDE rows from a route's origin toward its window. */
function strideAlong(route: WindowRoute, total: number): number {
  if (route.from === 'start') return STRIDE;
  if (route.from === 'end') return total - 1 - STRIDE;
  return route.anchor.offset + (route.from === 'anchor-forward' ? STRIDE : -STRIDE);
}

/**
 * Remembers where rows sit in the lists windows were read from, until the database changes. The Clients
 * screen asks for windows by offset, and an OFFSET walks the sort index row by row: half a 100k list for a
 * window in the middle. From a remembered row, a window near it is one index seek and a few steps, so
 * scrolling, and asking for the same window again, no longer walks the list. `changed` is the database's
 * change token (count-memo.ts).
 */
export function createWindowAnchors(changed: () => string) {
  const lists = new Map<string, Anchor[]>();
  let version = '';

  function anchorsOf(list: string): Anchor[] | undefined {
    const now = changed();
    if (now !== version) {
      lists.clear();
      version = now;
    }
    return lists.get(list);
  }

  /**
   * The cheapest way to the window [offset, offset + limit) of `list`, counted in rows stepped over.
   * `total` is only asked when the window does not start the list.
   */
  function route(list: string, offset: number, limit: number, total: () => number): WindowRoute {
    if (offset === 0) return { from: 'start' };
    let best: WindowRoute = { from: 'start' };
    let cost = offset;
    const fromEnd = total() - offset - limit;
    if (fromEnd < cost) {
      best = { from: 'end' };
      cost = Math.max(0, fromEnd);
    }
    const last = offset + limit - 1;
    for (const anchor of anchorsOf(list) ?? []) {
      if (anchor.offset <= offset && offset - anchor.offset < cost) {
        best = { from: 'anchor-forward', anchor };
        cost = offset - anchor.offset;
      } else if (anchor.offset >= last && anchor.offset - last < cost) {
        best = { from: 'anchor-backward', anchor };
        cost = anchor.offset - last;
      }
    }
    return best;
  }

  /** Remembers the rows at `offset` and `offset + rows - 1` of `list` (a window just read). */
  function remember(list: string, offset: number, first: Anchor['values'], last: Anchor['values'], rows: number): void {
    let anchors = anchorsOf(list);
    if (!anchors) {
      if (lists.size >= MAX_LISTS) lists.delete(lists.keys().next().value as string);
      anchors = [];
      lists.set(list, anchors);
    }
    for (const anchor of [{ offset, values: first }, { offset: offset + rows - 1, values: last }]) {
      if (anchors.some((a) => a.offset === anchor.offset)) continue;
      if (anchors.length >= MAX_ANCHORS) anchors.shift();
      anchors.push(anchor);
    }
  }

  /**
   * route(), for a window that may be far from every remembered row: on the way there, reads the row at each
   * STRIDE with `rowAt` (its sort values, or null) and remembers it, so jumping to page 3,000 of 100k and then
   * near it walks the list once.
   */
  function approach(list: string, offset: number, limit: number, total: () => number, rowAt: (at: number, route: WindowRoute) => Anchor['values'] | null): WindowRoute {
    for (let guard = 0; ; guard++) {
      const best = route(list, offset, limit, total);
      if (best.from === 'start' && offset <= STRIDE) return best;
      const rows = total();
      if (stepsOf(best, offset, limit, rows) <= STRIDE || guard > rows / STRIDE) return best;
      const at = strideAlong(best, rows);
      const values = rowAt(at, route(list, at, 1, total));
      if (!values) return best;
      remember(list, at, values, values, 1);
    }
  }

  return { route, remember, approach };
}
