import { Fragment } from 'react';
import { highlightParts } from './highlight-parts';

/**
 * Text whose search matches are wrapped in the cache's private-use markers, rendered as <mark> elements.
 * The text is never parsed as HTML: a name like "<b>" shows as typed.
 */
export function Highlighted({ text, fallback }: { text: string | undefined; fallback: string }) {
  if (!text) return <>{fallback}</>;
  return (
    <>
      {highlightParts(text).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
