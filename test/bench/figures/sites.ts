// A whole-list provider at scale: the sites registry's GET /clients/all with 100k clients in one answer,
// synced into an empty cache through the app's sync service (the answer parsed as a stream and committed in
// batches). The RSS growth of this process shows that the text, the objects and the rows are never all held.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../main/core/cache/database';
import { createEventBus } from '../../../main/core/ipc/event-bus';
import { createSitesProvider } from '../../../main/core/providers/sites';
import { createSyncService } from '../../../main/core/sync/sync-service';
import { round, seconds, trackPeakRss } from '../support/figures';
import type { Figures } from '../support/figures';

const CLIENTS = 100_000;
const MB = 1024 * 1024;
const hostScript = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'sites-host.ts');

function startHost(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', hostScript, String(CLIENTS), '7'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const close = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sites sandbox exited (${code}) before listening`)));
    child.stdout?.once('data', (chunk: Buffer) => resolve({ url: (JSON.parse(chunk.toString().split('\n')[0] ?? '{}') as { url: string }).url, close }));
  });
}

export async function measure(): Promise<Figures> {
  const host = await startHost();
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-bench-sites-'));
  const db = openDatabase(join(dir, 'cache.sqlite'), { backgroundCheckpoints: true });
  try {
    await db.checkpointsReady;
    const provider = createSitesProvider({ connectionId: 'bench-sites', baseUrl: host.url, auth: { method: 'none' }, secrets: { get: async () => null }, timeoutMs: 120_000 });
    const sync = createSyncService({ db, events: createEventBus(), log: () => {}, online: (_id, call) => call(provider), wholeList: () => true });
    global.gc?.();
    const tracker = trackPeakRss();
    const started = performance.now();
    let result;
    let rss = { before: 0, peak: 0 };
    try {
      result = await sync.syncNow('bench-sites');
    } finally {
      rss = tracker.stop();
    }
    const took = seconds(started);
    if (result.state !== 'done' || result.rows !== CLIENTS) throw new Error(`the sites sync ended ${result.state} with ${result.rows} rows`);
    await sync.close();
    return {
      'sync.sites100k_s': { value: round(took), unit: 's', note: `GET /clients/all, 100k clients in one streamed answer, ${result.pagesDone} batches committed` },
      'sync.sites100k_rss_growth_mb': { value: round((rss.peak - rss.before) / MB, 1), unit: 'MB', note: `peak RSS - RSS before (${round(rss.before / MB, 0)} MB before)` },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await host.close();
  }
}
