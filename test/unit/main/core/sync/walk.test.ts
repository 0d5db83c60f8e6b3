import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../shared/domain';
import { AppError } from '../../../../../shared/errors';
import { walkPages } from '../../../../../main/core/sync/walk';
import type { WalkOptions } from '../../../../../main/core/sync/walk';
import { generateClients } from '../../../../fixtures/cache/generate-clients';

const PAGE_SIZE = 10;
const ALL = generateClients('w', 95);

/** A list endpoint over ALL whose answers all arrive on the next timer tick, as parallel responses do. */
function listing(fail?: { page: number }): Pick<WalkOptions, 'fetchPage'> & { requested: number[] } {
  const requested: number[] = [];
  return {
    requested,
    fetchPage: (page) =>
      new Promise((resolve, reject) => {
        requested.push(page);
        setTimeout(() => {
          if (fail?.page === page) reject(new AppError('SERVER', 'FactPulse answered 500.'));
          else resolve({ records: ALL.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: ALL.length, page, pageSize: PAGE_SIZE });
        }, 1);
      }),
  };
}

function committing() {
  const batches: number[][] = [];
  const rows: ClientRecord[] = [];
  return {
    batches,
    rows,
    commitPages: (pages: Array<{ page: number; records: ClientRecord[] }>) => {
      batches.push(pages.map((p) => p.page));
      for (const p of pages) rows.push(...p.records);
      return pages.reduce((n, p) => n + p.records.length, 0);
    },
  };
}

describe('walkPages', () => {
  it('commits every page once, sharing transactions between pages that arrive together', async () => {
    const list = listing();
    const db = committing();
    const seen: number[] = [];
    const done = await walkPages({
      pageSize: PAGE_SIZE, concurrency: 4, signal: new AbortController().signal, donePages: new Set(),
      ...list, commitPages: db.commitPages, onPage: (p) => seen.push(p.pagesDone),
    });
    expect(done).toEqual({ pagesDone: 10, pagesTotal: 10, rows: 95, rowsWritten: 95 });
    expect(db.batches.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(db.batches.length).toBeLessThan(10);
    expect(db.batches.some((b) => b.length > 1)).toBe(true);
    expect(db.rows.map((r) => r.remoteId)).toHaveLength(new Set(db.rows.map((r) => r.remoteId)).size);
    expect(seen.at(-1)).toBe(10);
  });

  it('skips the pages a resumed walk committed before (page 1 is read again for the total)', async () => {
    const list = listing();
    const db = committing();
    const done = await walkPages({
      pageSize: PAGE_SIZE, concurrency: 2, signal: new AbortController().signal, donePages: new Set([1, 2, 3, 4]),
      ...list, commitPages: db.commitPages,
    });
    expect(list.requested.sort((a, b) => a - b)).toEqual([1, 5, 6, 7, 8, 9, 10]);
    expect(done.pagesDone).toBe(10);
  });

  it('a failed fetch still commits the pages fetched before it, then fails the walk', async () => {
    const list = listing({ page: 6 });
    const db = committing();
    const walk = walkPages({
      pageSize: PAGE_SIZE, concurrency: 1, signal: new AbortController().signal, donePages: new Set(),
      ...list, commitPages: db.commitPages,
    });
    await expect(walk).rejects.toMatchObject({ code: 'SERVER' });
    expect(db.batches.flat()).toEqual([1, 2, 3, 4, 5]);
  });

  it('a failed commit stops the walk with that error', async () => {
    const list = listing();
    const walk = walkPages({
      pageSize: PAGE_SIZE, concurrency: 3, signal: new AbortController().signal, donePages: new Set(), ...list,
      commitPages: () => {
        throw new AppError('INTERNAL', 'database is locked');
      },
    });
    await expect(walk).rejects.toThrow('database is locked');
    expect(list.requested.length).toBeLessThan(10);
  });
});
