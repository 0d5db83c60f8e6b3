import { describe, expect, it } from 'vitest';
import { parsePageNumber } from '../../../../../renderer/screens/clients/PageJump';

describe('a typed page number', () => {
  it('is read with or without digit grouping, and refused when it is no whole number', () => {
    expect(parsePageNumber('3000')).toBe(3000);
    expect(parsePageNumber(' 3 000 ')).toBe(3000);
    expect(parsePageNumber('3\u202f000')).toBe(3000);
    expect(parsePageNumber('3,000')).toBe(3000);
    expect(parsePageNumber('0')).toBe(0);
    for (const bad of ['', 'trois', '-2', '2.5', '1,5', '1e3', '12a']) expect(parsePageNumber(bad), bad).toBeNull();
  });
});
