import type { ReadDb } from '../handles';

/**
 * A token that moves whenever the database may have changed: `data_version` moves when another connection
 * commits and `total_changes()` when this one writes, so what is remembered under a token is never stale.
 */
export function createChangeWatch(db: ReadDb): () => string {
  const dataVersion = db.read<{ data_version: number }, []>('PRAGMA data_version');
  const ownChanges = db.read<{ n: number }, []>('SELECT total_changes() AS n');
  return () => `${dataVersion.get()?.data_version ?? 0}:${ownChanges.get()?.n ?? 0}`;
}

/**
 * Remembers counts until the database changes. Scrolling asks for the same total with every window, and
 * counting 100k rows costs more than reading the window.
 */
export function createCountMemo(db: ReadDb, maxEntries = 64, current = createChangeWatch(db)) {
  const counts = new Map<string, number>();
  let version = '';

  return function countOnce(key: string, count: () => number): number {
    const now = current();
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
