import { AppError } from '../../../shared/errors';
import type { ClientPage } from '../providers/types';
import { createGroupCommit } from './group-commit';
import type { FetchedPage } from './group-commit';

export interface WalkOptions {
  pageSize: number;
  /** Pages in flight at once. */
  concurrency: number;
  signal: AbortSignal;
  /** Pages committed earlier by this walk (resume): not fetched again. */
  donePages: ReadonlySet<number>;
  fetchPage(page: number, signal: AbortSignal): Promise<ClientPage>;
  /** Commits the pages in one transaction, each page whole; returns the rows written. */
  commitPages(pages: FetchedPage[]): number;
  onTotal?(total: number | null): void;
  /** Pages one transaction may take when they pile up (default 2; asked before each commit). */
  maxBatch?(): number;
  onPage?(progress: WalkProgress): void;
}

export interface WalkProgress {
  pagesDone: number;
  pagesTotal: number | null;
  rows: number;
  rowsWritten: number;
}

/**
 * Walks every page with up to `concurrency` requests in flight. Page 1 comes first (it tells the
 * total); then the remaining pages are shared by the workers. Without a total, workers keep taking the
 * next page until one comes back short. Fetching does not wait for the database: fetched pages go to a
 * group commit (pages that arrive together share a transaction) and progress is reported as they are
 * committed. The first failure aborts the others and is rethrown, once the pages already fetched are
 * committed (a cancelled walk's commit refuses them).
 */
export async function walkPages(opts: WalkOptions): Promise<WalkProgress> {
  const progress: WalkProgress = { pagesDone: opts.donePages.size, pagesTotal: null, rows: 0, rowsWritten: 0 };
  const inner = new AbortController();
  const abort = () => inner.abort(opts.signal.reason);
  opts.signal.addEventListener('abort', abort, { once: true });
  let lastPage = Number.POSITIVE_INFINITY;

  const commits = createGroupCommit({
    maxPending: Math.max(2, opts.concurrency * 2),
    // Two pages a transaction by default: most of what batching saves, while a commit into a 100k cache
    // holds the event loop ~15 ms (p50; six pages took ~45 ms, and a sync's IPC calls wait behind it).
    maxBatch: () => opts.maxBatch?.() ?? 2,
    commit(pages) {
      progress.rowsWritten += opts.commitPages(pages);
      for (const { page, records } of pages) {
        progress.rows += records.length;
        if (!opts.donePages.has(page)) progress.pagesDone++;
      }
      opts.onPage?.({ ...progress });
    },
  });

  async function runPage(page: number): Promise<void> {
    if (inner.signal.aborted) throw cancelled(inner.signal);
    const result = await opts.fetchPage(page, inner.signal);
    if (inner.signal.aborted) throw cancelled(inner.signal);
    if (result.records.length < opts.pageSize) lastPage = Math.min(lastPage, page);
    if (page > lastPage && result.records.length === 0) return;
    await commits.add({ page, records: result.records });
  }

  try {
    const first = await opts.fetchPage(1, inner.signal);
    const total = first.total;
    progress.pagesTotal = total === null ? null : Math.max(1, Math.ceil(total / opts.pageSize));
    opts.onTotal?.(total);
    if (first.records.length < opts.pageSize) lastPage = 1;
    await commits.add({ page: 1, records: first.records });

    let next = 2;
    const known = progress.pagesTotal;
    const take = (): number | null => {
      while (next <= (known ?? lastPage) && next <= lastPage) {
        const page = next++;
        if (!opts.donePages.has(page)) return page;
      }
      return null;
    };
    async function worker(): Promise<void> {
      for (let page = take(); page !== null; page = take()) await runPage(page);
    }
    let firstError: unknown = null;
    const workers = Array.from({ length: Math.max(1, opts.concurrency) }, () =>
      worker().catch((err: unknown) => {
        firstError ??= err;
        inner.abort(err);
      }),
    );
    await Promise.all(workers);
    await commits.drain().catch((err: unknown) => {
      firstError ??= err;
    });
    if (firstError !== null) throw opts.signal.aborted ? cancelled(opts.signal) : firstError;
    return progress;
  } finally {
    opts.signal.removeEventListener('abort', abort);
  }
}

function cancelled(signal: AbortSignal): unknown {
  return signal.reason instanceof AppError ? signal.reason : new AppError('CANCELLED', 'The sync was stopped.');
}
