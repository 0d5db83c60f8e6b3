import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How the main connection checkpoints when the worker cannot run (the SQLite default is 1,000 pages). */
export const FOREGROUND_AUTOCHECKPOINT_PAGES = 10_000;
const INTERVAL_MS = 100;
const MIN_WAL_BYTES = 4 * 1024 * 1024;

/**
 * The worker's whole program. Inline (eval) so the Vite build of main has no second entry to ship; it loads
 * the same better-sqlite3 the main thread uses, from the path resolved there.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.modulePath);
const files = workerData.files.map((file) => {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return { file, db };
});
const walSize = (file) => { try { return statSync(file + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  for (const { file, db } of files) {
    if (walSize(file) < workerData.minWalBytes) continue;
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage({ failed: String(err && err.code || 'error') }); }
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  for (const { db } of files) db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export interface BackgroundCheckpoints {
  /** Resolves true once the worker checkpoints (the main connection no longer does), false if it cannot. */
  ready: Promise<boolean>;
  stop(): void;
}

/**
 * Moves WAL checkpoints off the main thread. A checkpoint copies the WAL back into the database file and
 * syncs it; run by the committing thread it cost a third of every sync page. A second connection in a
 * worker checkpoints PASSIVE-ly (never blocking the writer) whenever the WAL passes a few MiB; the main
 * connection stops checkpointing only once the worker is ready, and takes it back if the worker fails.
 * `files` are the database files of the connection (the cache and the attached state): the connection's
 * autocheckpoint setting covers all of them, so the worker checkpoints each.
 */
export function startBackgroundCheckpoints(sqlite: Database.Database, files: readonly string[], log: (line: string) => void = () => {}): BackgroundCheckpoints {
  const foreground = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${FOREGROUND_AUTOCHECKPOINT_PAGES}`);
  };
  let worker: Worker;
  try {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files, modulePath, intervalMs: INTERVAL_MS, minWalBytes: MIN_WAL_BYTES } });
  } catch (err) {
    log(`background checkpoints unavailable: ${String(err)}`);
    return { ready: Promise.resolve(false), stop: () => {} };
  }
  let settle: (ready: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  // An app that is closing must not wait for the checkpointer; the database is consistent either way.
  worker.unref();
  let stopped = false;
  worker.on('message', (message: { ready?: boolean; failed?: string }) => {
    if (message.ready && !stopped && sqlite.open) {
      sqlite.pragma('wal_autocheckpoint = 0');
      settle(true);
    }
    if (message.failed) log(`background checkpoint failed: ${message.failed}`);
  });
  worker.on('error', (err) => {
    log(`background checkpoints stopped: ${err.message}`);
    foreground();
    settle(false);
  });
  worker.on('exit', () => {
    if (!stopped) foreground();
    settle(false);
  });
  return {
    ready,
    stop() {
      if (stopped) return;
      stopped = true;
      foreground();
      settle(false);
      worker.postMessage('stop');
    },
  };
}
