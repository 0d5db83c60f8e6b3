import type { ClientFilter, ClientSelection } from '../../../shared/schemas/client-jobs';
import { MAX_PICKED_CLIENTS } from '../../../shared/schemas/client-jobs';

/** A row of the Clients list: `<connectionId>\0<remoteId>`. */
export type RowKey = string;

export const rowKey = (r: { connectionId: string; remoteId: string }): RowKey => `${r.connectionId}\u0000${r.remoteId}`;
function refOf(key: RowKey): { connectionId: string; remoteId: string } {
  const at = key.indexOf('\u0000');
  return { connectionId: key.slice(0, at), remoteId: key.slice(at + 1) };
}

/**
 * The rows ticked in the Clients list. `picked`: these rows, across pages. `matching`: every client the
 * current filter matches (`total` of them when chosen), except the rows unticked since.
 */
export interface RowSelection {
  mode: 'picked' | 'matching';
  /** picked: the ticked rows; matching: the unticked ones. */
  keys: ReadonlySet<RowKey>;
  total: number;
  /** The row a shift-click extends from. */
  anchor: RowKey | null;
  /** The last tick was refused: one by one, at most MAX_PICKED_CLIENTS rows can be ticked. */
  overLimit?: boolean;
}

export const NO_SELECTION: RowSelection = { mode: 'picked', keys: new Set(), total: 0, anchor: null };

export function isSelected(s: RowSelection, key: RowKey): boolean {
  return s.mode === 'picked' ? s.keys.has(key) : !s.keys.has(key);
}

export function selectedCount(s: RowSelection): number {
  return s.mode === 'picked' ? s.keys.size : Math.max(0, s.total - s.keys.size);
}

/** Sets the given rows ticked or not, whatever the mode. */
function setRows(s: RowSelection, keys: readonly RowKey[], value: boolean): RowSelection {
  const next = new Set(s.keys);
  // picked keeps the ticked rows, matching the unticked ones.
  const keep = s.mode === 'picked' ? value : !value;
  for (const key of keys) {
    if (keep) next.add(key);
    else next.delete(key);
  }
  if (next.size > MAX_PICKED_CLIENTS) return { ...s, overLimit: true };
  return { ...s, keys: next, overLimit: false };
}

/** A click on a row's box: flips it and makes it the anchor of the next shift-click. */
export function toggleRow(s: RowSelection, key: RowKey): RowSelection {
  return { ...setRows(s, [key], !isSelected(s, key)), anchor: key };
}

/**
 * A shift-click: every row of the page from the anchor to this one takes the state this row's click gives it.
 * Without an anchor on this page it is a plain click.
 */
export function selectRange(s: RowSelection, pageKeys: readonly RowKey[], key: RowKey): RowSelection {
  const from = s.anchor === null ? -1 : pageKeys.indexOf(s.anchor);
  const to = pageKeys.indexOf(key);
  if (from < 0 || to < 0) return toggleRow(s, key);
  const value = !isSelected(s, key);
  const range = pageKeys.slice(Math.min(from, to), Math.max(from, to) + 1);
  return { ...setRows(s, range, value), anchor: key };
}

export type PageState = 'none' | 'some' | 'all';

export function pageState(s: RowSelection, pageKeys: readonly RowKey[]): PageState {
  const n = pageKeys.filter((k) => isSelected(s, k)).length;
  return n === 0 ? 'none' : n === pageKeys.length ? 'all' : 'some';
}

/** The header box: ticks the whole page, or unticks it when it is all ticked already. */
export function togglePage(s: RowSelection, pageKeys: readonly RowKey[]): RowSelection {
  return { ...setRows(s, pageKeys, pageState(s, pageKeys) !== 'all'), anchor: null };
}

/** Every client the filter matches (`total` now), across pages. */
export function selectAllMatching(total: number): RowSelection {
  return { mode: 'matching', keys: new Set(), total, anchor: null };
}

/** What main is asked to change: the ticked rows, or the filter with the rows unticked since. */
export function selectionRequest(s: RowSelection, filter: ClientFilter): ClientSelection {
  const refs = [...s.keys].map(refOf);
  return s.mode === 'picked' ? { kind: 'picked', clients: refs } : { kind: 'matching', filter, except: refs };
}
