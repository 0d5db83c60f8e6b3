import { useCallback, useEffect, useRef, useState } from 'react';
import { NO_SELECTION, pageState, selectAllMatching, selectRange, selectedCount, toggleRow, togglePage } from './selection-model';
import type { RowKey, RowSelection } from './selection-model';

/**
 * The Clients list's selection: kept across pages and sorts, dropped when the search, filters or scope change
 * (`resetKey`), and by Escape outside a dialog. The callbacks never change, so the rows' memo holds.
 */
export function useRowSelection(pageKeys: readonly RowKey[], resetKey: string) {
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const [selectedFor, setSelectedFor] = useState(resetKey);
  if (selectedFor !== resetKey) {
    setSelectedFor(resetKey);
    setSelection(NO_SELECTION);
  }
  const keys = useRef(pageKeys);
  useEffect(() => {
    keys.current = pageKeys;
  });
  const count = selectedCount(selection);

  const onRow = useCallback((key: RowKey, extend: boolean) => setSelection((s) => (extend ? selectRange(s, keys.current, key) : toggleRow(s, key))), []);
  const onPage = useCallback(() => setSelection((s) => togglePage(s, keys.current)), []);
  const selectAll = useCallback((total: number) => setSelection(selectAllMatching(total)), []);
  const clear = useCallback(() => setSelection(NO_SELECTION), []);

  useEffect(() => {
    if (count === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      setSelection(NO_SELECTION);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count]);

  return { selection, count, pageState: pageState(selection, pageKeys), toggleRow: onRow, togglePage: onPage, selectAll, clear };
}
