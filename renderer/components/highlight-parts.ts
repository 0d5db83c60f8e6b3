import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/schemas/cache';

export interface HighlightPart {
  marked: boolean;
  text: string;
}

/** Splits a cache highlight string at its private-use markers; stray markers are dropped, never shown. */
export function highlightParts(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const plain = (t: string) => {
    const clean = t.replaceAll(HIGHLIGHT_END, '');
    if (clean) parts.push({ marked: false, text: clean });
  };
  const [head = '', ...chunks] = text.split(HIGHLIGHT_START);
  plain(head);
  for (const chunk of chunks) {
    const end = chunk.indexOf(HIGHLIGHT_END);
    if (end === -1) {
      plain(chunk);
      continue;
    }
    if (end > 0) parts.push({ marked: true, text: chunk.slice(0, end) });
    plain(chunk.slice(end + HIGHLIGHT_END.length));
  }
  return parts;
}
