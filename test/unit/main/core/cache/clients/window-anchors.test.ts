import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import type { ClientStatus } from '../../../../../../shared/domain';
import { createWindowAnchors, STRIDE, stepsOf } from '../../../../../../main/core/cache/clients/window-anchors';
import type { WindowRoute } from '../../../../../../main/core/cache/clients/window-anchors';
import { mulberry32 } from '../../../../../../main/core/sandbox/factpulse/state';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { SEEDED_AT as NOW, seededClients } from './seeded-clients';
import type { SeededClients } from './seeded-clients';

describe('choosing where a window starts reading', () => {
  const total = () => 1_000;
  const values = ['k', 1];

  it('steps from the nearest remembered row, forward or backward, or from the nearer end', () => {
    let token = 'a';
    const anchors = createWindowAnchors(() => token);
    expect(anchors.route('L', 0, 50, total)).toEqual({ from: 'start' });
    expect(anchors.route('L', 300, 50, total)).toEqual({ from: 'start' });
    expect(anchors.route('L', 700, 50, total)).toEqual({ from: 'end' });
    anchors.remember('L', 500, values, values, 50);
    expect(anchors.route('L', 500, 50, total)).toEqual({ from: 'anchor-forward', anchor: { offset: 500, values } });
    expect(anchors.route('L', 560, 50, total)).toEqual({ from: 'anchor-forward', anchor: { offset: 549, values } });
    expect(anchors.route('L', 400, 50, total)).toEqual({ from: 'anchor-backward', anchor: { offset: 500, values } });
    expect(anchors.route('L', 10, 50, total)).toEqual({ from: 'start' });
    expect(anchors.route('L', 450, 50, total)).toEqual({ from: 'anchor-backward', anchor: { offset: 500, values } });
    expect(anchors.route('other list', 450, 50, total)).toEqual({ from: 'start' });
    token = 'b';
    expect(anchors.route('L', 450, 50, total)).toEqual({ from: 'start' });
  });
});

describe('jumping deep into a list', () => {
  it('remembers a row every stride on the way, so any later jump near the way steps over at most a stride', () => {
    const anchors = createWindowAnchors(() => 'a');
    const total = () => 100_000;
    const read: number[] = [];
    const rowAt = (at: number, route: WindowRoute) => {
      expect(stepsOf(route, at, 1, 100_000)).toBeLessThanOrEqual(STRIDE);
      read.push(at);
      return ['k', at];
    };
    // Page 3,000 of 25 rows: from the end, one stride at a time.
    const route = anchors.approach('L', 74_975, 25, total, rowAt);
    expect(stepsOf(route, 74_975, 25, 100_000)).toBeLessThanOrEqual(STRIDE);
    expect(read.length).toBe(24);
    for (const page of [3_000, 3_100, 3_500, 3_960]) {
      const offset = (page - 1) * 25;
      expect(stepsOf(anchors.route('L', offset, 25, total), offset, 25, 100_000), `page ${page}`).toBeLessThanOrEqual(STRIDE);
    }
    // A jump elsewhere goes on from the nearest remembered row.
    read.length = 0;
    anchors.approach('L', 50_000, 25, total, rowAt);
    expect(read[0]).toBe(75_999 - STRIDE);
    expect(anchors.approach('L', 1_500, 25, total, () => null)).toEqual({ from: 'start' });
  });
});

describe('windows read from remembered rows', () => {
  let seeded: SeededClients;
  beforeEach(() => {
    seeded = seededClients(600);
  });
  afterEach(() => seeded.cleanup());

  const ids = (input: ClientWindowInput) => seeded.ids(input);
  /** The whole list, paged by keyset cursor (a path that uses no offset). */
  function everything(input: ClientWindowInput): string[] {
    const out: string[] = [];
    let cursor: string | undefined;
    do {
      const page = seeded.reads.window(clientWindowInputSchema.parse({ ...input, limit: 500, cursor }));
      out.push(...page.rows.map((r) => r.remoteId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  it('are the same slice of the full list whatever order they are asked in, for every sort, direction and filter', () => {
    const random = mulberry32(5);
    const filters: ClientWindowInput[] = [{}, { status: ['active'] }];
    for (const filter of filters) {
      for (const sort of ['name', 'updatedAt', 'status'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const all = everything({ ...filter, sort, direction });
          for (let i = 0; i < 40; i++) {
            const offset = Math.floor(random() * (all.length + 20));
            const limit = 1 + Math.floor(random() * 60);
            expect(ids({ ...filter, sort, direction, offset, limit }), `${sort} ${direction} @${offset}+${limit}`).toEqual(all.slice(offset, offset + limit));
          }
        }
      }
    }
  });

  it('are the same slice when jumps far apart are read in strides, in a list several strides long', () => {
    seeded.writes.upsertPage('A', generateClients('A', 4_400, 13, 10_000), 1, NOW);
    const random = mulberry32(8);
    const cases: Array<['name' | 'status', { status?: ClientStatus[] }]> = [['name', {}], ['status', { status: ['active'] }]];
    for (const [sort, filter] of cases) {
      const all = everything({ ...filter, sort });
      expect(all.length).toBeGreaterThan(3 * STRIDE);
      for (const offset of [all.length - 30, 2_600, 1_200, ...Array.from({ length: 12 }, () => Math.floor(random() * all.length))]) {
        expect(ids({ ...filter, sort, offset, limit: 25 }), `${sort} @${offset}`).toEqual(all.slice(offset, offset + 25));
      }
    }
  });

  it('forget what they remembered once the cache changes', () => {
    const before = ids({ sort: 'name', offset: 250, limit: 40 });
    expect(ids({ sort: 'name', offset: 250, limit: 40 })).toEqual(before);
    seeded.writes.upsertPage('A', generateClients('A', 300, 9, 5_000), 2, NOW);
    const all = everything({ sort: 'name' });
    expect(all).toHaveLength(900);
    expect(ids({ sort: 'name', offset: 250, limit: 40 })).toEqual(all.slice(250, 290));
    seeded.writes.markUnseenRemoved('A', 2, NOW);
    const left = everything({ sort: 'name' });
    expect(left).toHaveLength(300);
    expect(ids({ sort: 'name', offset: 250, limit: 40 })).toEqual(left.slice(250, 290));
  });
});
