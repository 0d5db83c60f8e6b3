import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../../../main/core/cache/database';
import { writeDb } from '../../../../../main/core/cache/handles';
import { createClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import { declaredSortIndexes } from '../../../../../main/core/cache/clients/sort-indexes';
import { createEventBus } from '../../../../../main/core/ipc/event-bus';
import { createSyncService } from '../../../../../main/core/sync/sync-service';
import { createState, seedClients } from '../../../../../main/core/sandbox/factpulse/state';
import { generateClients } from '../../../../fixtures/cache/generate-clients';
import { KILL_TEST_CLIENTS, KILL_TEST_CONNECTION, KILL_TEST_SEED } from '../../../../fixtures/cache/kill-test';

const dir = mkdtempSync(join(tmpdir(), 'clientdesk-kill9-'));
const file = join(dir, 'cache.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KILL_AFTER_PAGES = 150;
const STALE = 100;

/** A cache from an earlier complete sync: 100 clients the server no longer lists (removal candidates). */
function seedPreviousSync(): void {
  const db = openDatabase(file);
  const stale = generateClients(KILL_TEST_CONNECTION, STALE, 5).map((r) => ({ ...r, remoteId: `stale-${r.remoteId}` }));
  createClientWrites(writeDb(db)).upsertPage(KILL_TEST_CONNECTION, stale, 1, new Date().toISOString());
  db.close();
}

function runChildAndKill(): Promise<{ lastPagesSeen: number; signal: NodeJS.Signals | null; ms: number }> {
  const root = resolve('.');
  // One process: the tsx CLI would fork a second node, and SIGKILL on the CLI would leave the sync running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fixtures/cache/sync-child.ts'), file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = Date.now();
  let lastPagesSeen = 0;
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'finished') return fail(new Error('the sync finished before it could be killed'));
        const p = JSON.parse(line) as { pagesDone: number };
        lastPagesSeen = Math.max(lastPagesSeen, p.pagesDone);
        if (lastPagesSeen >= KILL_AFTER_PAGES && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return fail(new Error(`child exited without being killed: ${stderr}`));
      done({ lastPagesSeen, signal, ms: Date.now() - started });
    });
  });
}

describe('kill -9 during a sync of 100k clients', () => {
  it('leaves an intact database with every committed page and nothing removed', async () => {
    seedPreviousSync();
    const killed = await runChildAndKill();
    expect(killed.signal).toBe('SIGKILL');

    const sqlite = new Database(file);
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const pages = sqlite.prepare('SELECT page, rows FROM sync_walk_pages WHERE connection_id = ? ORDER BY page').all(KILL_TEST_CONNECTION) as Array<{ page: number; rows: number }>;
    const present = new Set((sqlite.prepare('SELECT remote_id FROM clients WHERE connection_id = ?').all(KILL_TEST_CONNECTION) as Array<{ remote_id: string }>).map((r) => r.remote_id));
    const removed = (sqlite.prepare('SELECT count(*) AS n FROM clients WHERE removed_at IS NOT NULL').get() as { n: number }).n;
    const ftsRows = (sqlite.prepare(`SELECT count(*) AS n FROM clients_fts WHERE clients_fts MATCH '"c"* OR "a"* OR "b"* OR "d"* OR "e"* OR "f"* OR "0"* OR "1"* OR "2"* OR "3"* OR "4"* OR "5"* OR "6"* OR "7"* OR "8"* OR "9"*'`).get() as { n: number }).n;
    const allRows = (sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
    const indexNames = new Set((sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).all() as Array<{ name: string }>).map((r) => r.name));
    const sortIndexesAtKill = declaredSortIndexes().filter((i) => indexNames.has(i.name)).length;
    const ftsCheck = (() => {
      try {
        sqlite.prepare(`INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)`).run();
        return 'ok';
      } catch (err) {
        return String(err);
      }
    })();
    sqlite.close();

    // The first sync wrote without its sort indexes; the next start of the sync service puts them back.
    const reopened = openDatabase(file);
    const restoreStarted = Date.now();
    await createSyncService({ db: reopened, events: createEventBus(), log: () => {}, online: () => Promise.reject(new Error('offline')) }).close();
    const restoreMs = Date.now() - restoreStarted;
    const restored = reopened.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))`).get(JSON.stringify(declaredSortIndexes().map((i) => i.name))) as { n: number };
    const integrityAfter = reopened.sqlite.pragma('integrity_check', { simple: true });
    reopened.close();

    // The same seed gives the same server list: each committed page's rows are known exactly.
    const state = createState();
    seedClients(state, KILL_TEST_CLIENTS, KILL_TEST_SEED);
    const missing = pages.flatMap(({ page }) => state.order.slice((page - 1) * 100, page * 100)).filter((uid) => !present.has(uid));

    console.info(
      `kill -9 after ${killed.ms} ms: progress said ${killed.lastPagesSeen} pages; committed pages on disk ${pages.length} ` +
        `(${pages.reduce((n, p) => n + p.rows, 0)} rows); client rows ${present.size} (incl. ${STALE} from the earlier sync); ` +
        `missing from committed pages ${missing.length}; removed ${removed}; integrity_check ${String(integrity)}; fts ${ftsCheck} (${ftsRows} indexed of ${allRows} rows); ` +
        `sort indexes at the kill ${sortIndexesAtKill} of ${declaredSortIndexes().length}, after restart ${restored.n} (${restoreMs} ms)`,
    );
    expect(integrity).toBe('ok');
    expect(sortIndexesAtKill).toBe(0);
    expect(restored.n).toBe(declaredSortIndexes().length);
    expect(integrityAfter).toBe('ok');
    expect(ftsCheck).toBe('ok');
    expect(pages.length).toBeGreaterThanOrEqual(KILL_AFTER_PAGES);
    expect(pages.length).toBeLessThan(KILL_TEST_CLIENTS / 100);
    expect(missing).toEqual([]);
    expect(removed).toBe(0);
    expect(ftsRows).toBe(allRows);
    expect(present.size).toBeGreaterThanOrEqual(pages.length * 100 + STALE);
  }, 120_000);
});
