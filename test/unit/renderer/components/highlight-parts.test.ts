import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../../renderer/components/highlight-parts';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../../shared/schemas/cache';

describe('highlightParts', () => {
  it('splits marked and plain text in order', () => {
    expect(highlightParts(`${S}Boul${E}angerie ${S}Martin${E}`)).toEqual([
      { marked: true, text: 'Boul' },
      { marked: false, text: 'angerie ' },
      { marked: true, text: 'Martin' },
    ]);
  });

  it('keeps HTML-looking text as plain text (rendered as text nodes, never as markup)', () => {
    expect(highlightParts(`<img src=x onerror=alert(1)> ${S}Atelier${E}`)).toEqual([
      { marked: false, text: '<img src=x onerror=alert(1)> ' },
      { marked: true, text: 'Atelier' },
    ]);
  });

  it('drops stray or empty markers instead of showing them', () => {
    expect(highlightParts(`a${E}b${S}${E}c${S}d`)).toEqual([
      { marked: false, text: 'ab' },
      { marked: false, text: 'c' },
      { marked: false, text: 'd' },
    ]);
  });
});
