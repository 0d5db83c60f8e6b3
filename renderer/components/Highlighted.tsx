import { Fragment } from 'react';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/schemas/cache';

/**
 * Text whose search matches are wrapped in the cache's private-use markers, rendered as <mark> elements.
 * The text is never parsed as HTML: a name like "<b>" shows as typed.
 */
export function Highlighted({ text, fallback }: { text: string | undefined; fallback: string }) {
  if (!text) return <>{fallback}</>;
  const parts: Array<{ marked: boolean; text: string }> = [];
  for (const chunk of text.split(HIGHLIGHT_START)) {
    const end = chunk.indexOf(HIGHLIGHT_END);
    if (end === -1) {
      if (chunk) parts.push({ marked: false, text: chunk });
      continue;
    }
    parts.push({ marked: true, text: chunk.slice(0, end) });
    const rest = chunk.slice(end + HIGHLIGHT_END.length).replaceAll(HIGHLIGHT_END, '');
    if (rest) parts.push({ marked: false, text: rest });
  }
  return (
    <>
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
