import { describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import { chooseMatchMode, planWindow, SPREAD } from '../../../../../../main/core/cache/clients/window-sql';

const ROWS = 100_000;

describe('how a text match joins the sort', () => {
  it('sorts the matches when they are few, walks the index when they are many', () => {
    expect(chooseMatchMode(100, ROWS, 0, 50)).toBe('lookup');
    expect(chooseMatchMode(60_000, ROWS, 0, 50)).toBe('scan');
    expect(chooseMatchMode(100, ROWS, 0, 50, SPREAD)).toBe('lookup');
  });

  it('walks spread-out matches sooner than ones that may cluster at the start of names', () => {
    // A family name in 3% of the names ("dup" of Dupont), first page.
    expect(chooseMatchMode(3_100, ROWS, 0, 50)).toBe('lookup');
    expect(chooseMatchMode(3_100, ROWS, 0, 50, SPREAD)).toBe('scan');
  });

  it('sorts the matches for a window deep into them, where a walk would pass every earlier match', () => {
    expect(chooseMatchMode(3_100, ROWS, 2_000, 50, SPREAD)).toBe('lookup');
  });

  it('bounds the sort key (or the name key, when asked) after the other filters', () => {
    const q = clientWindowInputSchema.parse({ sort: 'name', status: ['active'], limit: 10 });
    const within = planWindow(q, { match: null, mode: 'lookup', names: { within: { from: 'bou', to: 'bov' } } });
    expect(within.idsSql).toContain('(c.sort_key >= ? AND c.sort_key < ?)');
    expect(within.idsParams).toEqual(['["active"]', 'bou', 'bov', 10, 0]);
    const outside = planWindow(q, { match: '"bou"*', mode: 'scan', names: { outside: { from: 'bou', to: 'bov' } } });
    expect(outside.idsSql).toContain('NOT (c.sort_key >= ? AND c.sort_key < ?)');
    const exact = planWindow(q, { match: null, mode: 'lookup', names: { outside: { from: 'agence 1', to: 'agence 2', key: 'name' } } });
    expect(exact.idsSql).toContain('NOT (c.name_key >= ? AND c.name_key < ?)');
    expect(outside.idsParams).toEqual(['["active"]', 'bou', 'bov', '"bou"*', 10, 0]);
    expect(planWindow(q, { match: null, mode: 'lookup', names: { below: 'bou' } }).idsSql).toContain('c.sort_key < ?');
    expect(planWindow(q, { match: null, mode: 'lookup', names: { atOrAbove: 'bov' } }).idsSql).toContain('c.sort_key >= ?');
  });
});
