import { describe, expect, it } from 'vitest';
import { slicesFor } from '../../../../../../main/core/providers/tokenization/partner-pages';

describe('slicesFor', () => {
  const spans = [
    { partner: 'root', total: 250 },
    { partner: 'empty', total: 0 },
    { partner: 'south', total: 30 },
  ];

  it('lays the partners end to end: every page is full but the last', () => {
    expect(slicesFor(spans, 1, 100)).toEqual([{ partner: 'root', skip: 0, take: 100 }]);
    expect(slicesFor(spans, 3, 100)).toEqual([
      { partner: 'root', skip: 200, take: 50 },
      { partner: 'south', skip: 0, take: 30 },
    ]);
    expect(slicesFor(spans, 4, 100)).toEqual([]);
  });

  it('covers every row exactly once', () => {
    const seen: string[] = [];
    for (let page = 1; page <= 12; page++) {
      for (const s of slicesFor(spans, page, 27)) for (let i = 0; i < s.take; i++) seen.push(`${s.partner}:${s.skip + i}`);
    }
    expect(seen).toHaveLength(280);
    expect(new Set(seen).size).toBe(280);
  });
});
