import type { ReadDb } from '../handles';

/**
 * Remembers counts until the database changes. Scrolling asks for the same total with every window, and
 * counting 100k rows costs more than reading the window; `data_version` moves when another connection
 * commits and `total_changes()` when this one writes, so a remembered count is never stale.
 */
export function createCountMemo(db: ReadDb, maxEntries = 64) {
  const dataVersion = db.read<{ data_version: number }, []>('PRAGMA data_version');
  const ownChanges = db.read<{ n: number }, []>('SELECT total_changes() AS n');
  const counts = new Map<string, number>();
  let version = '';

  return function countOnce(key: string, count: () => number): number {
    const now = `${dataVersion.get()?.data_version ?? 0}:${ownChanges.get()?.n ?? 0}`;
    if (now !== version) {
      counts.clear();
      version = now;
    }
    let n = counts.get(key);
    if (n === undefined) {
      if (counts.size >= maxEntries) counts.delete(counts.keys().next().value as string);
      n = count();
      counts.set(key, n);
    }
    return n;
  };
}
