import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { SEEDED_AT as NOW, seededClients } from './seeded-clients';
import type { SeededClients } from './seeded-clients';

let seeded: SeededClients;
beforeEach(() => {
  seeded = seededClients(500);
});
afterEach(() => seeded.cleanup());

const ids = (input: ClientWindowInput) => seeded.ids(input);

describe('windows past the middle (read from the other end)', () => {
  it('return exactly the rows of the same slice of the full ordered list, for every sort and direction', () => {
    for (const sort of ['name', 'updatedAt', 'status'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = ids({ sort, direction, limit: 500 });
        for (const offset of [0, 240, 260, 450, 480, 499, 500]) {
          expect(ids({ sort, direction, offset, limit: 37 }), `${sort} ${direction} @${offset}`).toEqual(all.slice(offset, offset + 37));
        }
      }
    }
  });

  it('apply filters and text search the same way', () => {
    const all = ids({ query: 'a', status: ['active'], sort: 'name', limit: 500 });
    expect(all.length).toBeGreaterThan(100);
    const offset = all.length - 30;
    expect(ids({ query: 'a', status: ['active'], sort: 'name', offset, limit: 50 })).toEqual(all.slice(offset));
  });

  it('a remembered total follows writes (new rows, removals)', () => {
    const total = () => seeded.reads.window(clientWindowInputSchema.parse({ limit: 1 })).total;
    expect(total()).toBe(500);
    seeded.writes.upsertPage('A', generateClients('A', 10, 3, 1000), 2, NOW);
    expect(total()).toBe(510);
    seeded.writes.markUnseenRemoved('A', 2, NOW);
    expect(total()).toBe(10);
  });
});
