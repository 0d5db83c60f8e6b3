import type { ClientRecord } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { FetchedPage } from './group-commit';
import type { WalkProgress } from './walk';

export interface WholeListOptions {
  signal: AbortSignal;
  /** Reads the provider's whole list, handing over each batch as it is parsed (one online call). */
  stream(each: (records: ClientRecord[]) => void, signal: AbortSignal): Promise<void>;
  /** Commits the batches in one transaction; returns the rows written. */
  commitPages(pages: FetchedPage[]): number;
  onPage?(progress: WalkProgress): void;
}

/**
 * A provider that answers its whole list at once: each parsed batch is committed as the next page while the
 * rest of the answer is still arriving, so the list never exists whole in memory. Nothing to resume: an
 * interrupted read starts over, and only a complete one lets the sync conclude that unseen rows are gone.
 */
export async function walkWholeList(opts: WholeListOptions): Promise<WalkProgress> {
  const progress: WalkProgress = { pagesDone: 0, pagesTotal: null, rows: 0, rowsWritten: 0 };
  await opts.stream((records) => {
    if (opts.signal.aborted) throw opts.signal.reason instanceof AppError ? opts.signal.reason : new AppError('CANCELLED', 'The sync was stopped.');
    const page = progress.pagesDone + 1;
    progress.rowsWritten += opts.commitPages([{ page, records }]);
    progress.rows += records.length;
    progress.pagesDone = page;
    opts.onPage?.({ ...progress });
  }, opts.signal);
  progress.pagesTotal = progress.pagesDone;
  return progress;
}
