import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

const COMPANIONS = ['-wal', '-shm', '-journal'];

/** `2026-12-01T20-31-00`: a date a file name can hold on every platform. */
function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replaceAll(':', '-');
}

/**
 * Renames a damaged file to `<name>.damaged-<date><ext>` beside it (`cache.damaged-2026-12-01T20-31-00.sqlite`),
 * with its SQLite companions (-wal, -shm). Nothing is deleted. The companions go first: a WAL left behind
 * under the old name would be replayed into the fresh file created there.
 */
export function moveAside(file: string, now: Date = new Date()): string {
  const ext = extname(file);
  const base = basename(file, ext);
  let target = '';
  for (let n = 1; !target || existsSync(target); n++) {
    target = join(dirname(file), `${base}.damaged-${stamp(now)}${n > 1 ? `-${n}` : ''}${ext}`);
  }
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  if (existsSync(file)) renameSync(file, target);
  return target;
}

/** Renames a database file with its companions (no clash expected: the caller checked the target is free). */
export function renameDatabase(from: string, to: string): void {
  for (const suffix of COMPANIONS) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
  renameSync(from, to);
}
