import { describe, expect, it } from 'vitest';
import { MAX_PICKED_CLIENTS } from '../../../../../shared/schemas/client-jobs';
import {
  NO_SELECTION,
  isSelected,
  pageState,
  rowKey,
  selectAllMatching,
  selectRange,
  selectedCount,
  selectionRequest,
  toggleRow,
  togglePage,
} from '../../../../../renderer/screens/clients/selection-model';

const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => rowKey({ connectionId: 'c1', remoteId: `r${from + i}` }));
const p1 = page(1, 10);
const p2 = page(11, 20);

describe('row selection', () => {
  it('a click toggles one row; the selection holds rows of several pages', () => {
    let s = toggleRow(NO_SELECTION, p1[2]!);
    s = toggleRow(s, p2[0]!);
    expect(selectedCount(s)).toBe(2);
    expect(isSelected(s, p1[2]!)).toBe(true);
    s = toggleRow(s, p1[2]!);
    expect(isSelected(s, p1[2]!)).toBe(false);
    expect(selectedCount(s)).toBe(1);
  });

  it('shift-click selects the range from the anchor, both directions, and a second range extends from the last click', () => {
    let s = toggleRow(NO_SELECTION, p1[2]!);
    s = selectRange(s, p1, p1[5]!);
    expect(p1.map((k) => isSelected(s, k))).toEqual([false, false, true, true, true, true, false, false, false, false]);
    s = selectRange(s, p1, p1[0]!);
    expect(selectedCount(s)).toBe(6);
    expect(pageState(s, p1)).toBe('some');
  });

  it('shift-click on a ticked row unticks the range; without an anchor on the page it is a plain click', () => {
    let s = togglePage(NO_SELECTION, p1);
    expect(pageState(s, p1)).toBe('all');
    s = toggleRow(s, p1[1]!); // unticks r2, anchor r2
    s = selectRange(s, p1, p1[4]!); // r5 is ticked: the range r2..r5 becomes unticked
    expect(p1.slice(0, 6).map((k) => isSelected(s, k))).toEqual([true, false, false, false, false, true]);
    const other = selectRange(s, p2, p2[3]!); // anchor r5 is not on page 2
    expect(p2.filter((k) => isSelected(other, k))).toEqual([p2[3]]);
  });

  it('the header box ticks the page, and unticks it when all is ticked', () => {
    let s = toggleRow(NO_SELECTION, p1[0]!);
    s = togglePage(s, p1);
    expect(pageState(s, p1)).toBe('all');
    s = togglePage(s, p1);
    expect(pageState(s, p1)).toBe('none');
    expect(selectedCount(s)).toBe(0);
  });

  it('select all matching counts the whole filter; unticked rows become exceptions sent with the filter', () => {
    let s = selectAllMatching(5000);
    expect(selectedCount(s)).toBe(5000);
    expect(isSelected(s, p2[9]!)).toBe(true); // a row of a page never shown
    s = toggleRow(s, p1[0]!);
    s = toggleRow(s, p1[1]!);
    s = selectRange(s, p1, p1[3]!); // r2 was unticked: r2..r4 are unticked
    expect(selectedCount(s)).toBe(4996);
    expect(pageState(s, p1)).toBe('some');
    s = toggleRow(s, p1[0]!); // ticked again: no longer an exception
    expect(selectedCount(s)).toBe(4997);
    const filter = { connectionIds: ['c1'], query: 'boulangerie', status: ['active' as const] };
    expect(selectionRequest(s, filter)).toEqual({
      kind: 'matching',
      filter,
      except: ['r2', 'r3', 'r4'].map((remoteId) => ({ connectionId: 'c1', remoteId })),
    });
  });

  it('picked rows are sent as references; a selection beyond what can be sent one by one is refused', () => {
    const s = toggleRow(toggleRow(NO_SELECTION, p1[0]!), p2[1]!);
    expect(selectionRequest(s, {})).toEqual({ kind: 'picked', clients: [{ connectionId: 'c1', remoteId: 'r1' }, { connectionId: 'c1', remoteId: 'r12' }] });
    const many = page(1, MAX_PICKED_CLIENTS);
    const full = togglePage(NO_SELECTION, many);
    expect(selectedCount(full)).toBe(MAX_PICKED_CLIENTS);
    const refused = togglePage(full, page(MAX_PICKED_CLIENTS + 1, MAX_PICKED_CLIENTS + 5));
    expect(selectedCount(refused)).toBe(MAX_PICKED_CLIENTS);
    expect(refused.overLimit).toBe(true);
    expect(toggleRow(refused, many[0]!).overLimit).toBe(false);
  });
});
