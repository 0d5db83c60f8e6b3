import type { ClientRecord } from '../../../shared/domain';

export interface FetchedPage {
  page: number;
  records: ClientRecord[];
}

export interface GroupCommit {
  /** Queues a fetched page; resolves at once unless `maxPending` pages are queued (then once they are committed). */
  add(page: FetchedPage): Promise<void>;
  /** Resolves once every queued page is committed; rejects with the first commit failure. */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Commits the pages in ONE transaction, each page whole; throws to fail the walk. */
  commit(pages: FetchedPage[]): void;
  /** Pages that may wait for a commit before fetching waits too. */
  maxPending: number;
  /** Pages one transaction takes at most (asked before each commit); the rest wait for the next turn of the loop. */
  maxBatch: number | (() => number);
}

/**
 * Lets the walk go on fetching while the database commits. A commit runs on the next turn of the event
 * loop (setImmediate) after a page arrives and takes the pages queued by then, up to `maxBatch`, so the
 * responses that came in during one commit share the next: a walk whose commits keep up commits each page
 * as it comes, one that outpaces them pays for fewer, larger transactions (a commit of two pages rewrites
 * mostly the same sort-index and FTS pages as a commit of one). Waiting longer to batch more was slower:
 * the larger commits held back the responses that would have sent the next requests.
 */
export function createGroupCommit(options: GroupCommitOptions): GroupCommit {
  const queued: FetchedPage[] = [];
  let scheduled = false;
  let failure: { error: unknown } | null = null;
  let waiters: Array<{ resolve(): void; reject(err: unknown): void }> = [];

  function flush(): void {
    scheduled = false;
    const batch = queued.splice(0, typeof options.maxBatch === 'number' ? options.maxBatch : options.maxBatch());
    if (!failure && batch.length) {
      try {
        options.commit(batch);
      } catch (error) {
        failure = { error };
      }
    }
    if (queued.length && !failure) {
      // The pages past this batch: committed on the next turn, after the I/O that waits (IPC, responses).
      scheduled = true;
      setImmediate(flush);
      return;
    }
    const done = waiters;
    waiters = [];
    for (const waiter of done) {
      if (failure) waiter.reject(failure.error);
      else waiter.resolve();
    }
  }

  /** Resolves after the commit that takes what is queued now. */
  function committed(): Promise<void> {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  return {
    add(page) {
      if (failure) return Promise.reject(failure.error);
      queued.push(page);
      const done = committed();
      // Unless fetching must wait, nobody awaits this commit: its failure surfaces at the next add or drain.
      if (queued.length < options.maxPending) {
        done.catch(() => {});
        return Promise.resolve();
      }
      return done;
    },
    drain() {
      if (failure) return Promise.reject(failure.error);
      return queued.length ? committed() : Promise.resolve();
    },
  };
}
