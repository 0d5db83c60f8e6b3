import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../../../main/core/sync/group-commit';
import type { FetchedPage } from '../../../../../main/core/sync/group-commit';

const page = (n: number): FetchedPage => ({ page: n, records: [] });
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('commits pages that arrive together in one transaction, and a later page in the next', async () => {
    const batches: number[][] = [];
    const commits = createGroupCommit({ maxPending: 10, maxBatch: 10, commit: (pages) => void batches.push(pages.map((p) => p.page)) });
    await commits.add(page(1));
    await commits.add(page(2));
    await commits.add(page(3));
    expect(batches).toEqual([]); // nothing is committed before the event loop turns
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    await commits.add(page(4));
    await commits.drain();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('lets fetching go on until maxPending pages wait, then holds it until they are committed', async () => {
    const batches: number[][] = [];
    const commits = createGroupCommit({ maxPending: 2, maxBatch: 10, commit: (pages) => void batches.push(pages.map((p) => p.page)) });
    let released = false;
    await commits.add(page(1));
    const second = commits.add(page(2)).then(() => {
      released = true;
    });
    await Promise.resolve();
    expect(released).toBe(false);
    await second;
    expect(batches).toEqual([[1, 2]]);
  });

  it('a failed commit fails the next add and the drain, and commits nothing after it', async () => {
    const batches: number[][] = [];
    let fail = true;
    const commits = createGroupCommit({
      maxPending: 10,
      maxBatch: 10,
      commit: (pages) => {
        if (fail) throw new Error('disk full');
        batches.push(pages.map((p) => p.page));
      },
    });
    await commits.add(page(1));
    await turn();
    fail = false;
    await expect(commits.add(page(2))).rejects.toThrow('disk full');
    await expect(commits.drain()).rejects.toThrow('disk full');
    expect(batches).toEqual([]);
  });

  it('takes at most maxBatch pages a transaction, the rest on the following turns', async () => {
    const batches: number[][] = [];
    const commits = createGroupCommit({ maxPending: 10, maxBatch: 2, commit: (pages) => void batches.push(pages.map((p) => p.page)) });
    for (let n = 1; n <= 5; n++) await commits.add(page(n));
    await turn();
    expect(batches).toEqual([[1, 2]]);
    await commits.drain();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('drain resolves at once when nothing waits', async () => {
    const commits = createGroupCommit({ maxPending: 2, maxBatch: 2, commit: () => {} });
    await expect(commits.drain()).resolves.toBeUndefined();
  });
  it('asks maxBatch before each commit, so a walk can allow larger transactions once it knows it may', async () => {
    const batches: number[][] = [];
    let allowed = 2;
    const commits = createGroupCommit({ maxPending: 20, maxBatch: () => allowed, commit: (pages) => void batches.push(pages.map((p) => p.page)) });
    for (let n = 1; n <= 3; n++) await commits.add(page(n));
    await turn();
    allowed = 8;
    for (let n = 4; n <= 12; n++) await commits.add(page(n));
    await commits.drain();
    expect(batches).toEqual([[1, 2], [3, 4, 5, 6, 7, 8, 9, 10], [11, 12]]);
  });
});
