import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../../../main/core/cache/database';
import type { CacheDb, OpenOptions } from '../../../../../main/core/cache/database';

/** A real SQLite file in a fresh temp folder; `cleanup` closes it and removes the folder. */
export function tempDb(options: OpenOptions = {}): { db: CacheDb; file: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-cache-'));
  const file = join(dir, 'cache.sqlite');
  const db = openDatabase(file, options);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
