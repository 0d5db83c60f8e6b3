import type { ReactNode } from 'react';

export interface Segment {
  key: string;
  value: number;
  /** A CSS colour, usually a theme variable so light and dark both read. */
  color: string;
  label: string;
  onOpen?: () => void;
}

/** One horizontal bar split by share; each segment opens its filtered list. Zero segments are not drawn. */
export function StackedBar({ segments, label }: { segments: Segment[]; label: string }) {
  const total = segments.reduce((n, s) => n + s.value, 0);
  return (
    <div className="stacked-bar" role="group" aria-label={label}>
      {total === 0 ? (
        <span className="stacked-empty" />
      ) : (
        segments
          .filter((s) => s.value > 0)
          .map((s) => (
            <button
              key={s.key}
              type="button"
              className="stacked-segment"
              style={{ flexGrow: s.value, background: s.color }}
              title={s.label}
              aria-label={s.label}
              onClick={s.onOpen}
              data-segment={s.key}
            />
          ))
      )}
    </div>
  );
}

export interface Band {
  key: string;
  value: number;
  /** The value as the language writes it. */
  shown: string;
  color: string;
  caption: string;
  label: string;
  onOpen?: () => void;
}

/** Vertical bars per band; `limitAfter` draws the limit between that band and the next, with its caption. */
export function BandBars({ bands, limitAfter, limitCaption, label }: { bands: Band[]; limitAfter: number; limitCaption: string; label: string }) {
  const max = Math.max(1, ...bands.map((b) => b.value));
  return (
    <div className="band-bars" role="group" aria-label={label}>
      {bands.map((b, i) => (
        <div key={b.key} className={`band${i === limitAfter ? ' band-limit' : ''}`} data-band={b.key}>
          <button type="button" className="band-button" onClick={b.onOpen} aria-label={b.label} title={b.label} disabled={!b.onOpen}>
            <span className="band-value">{b.shown}</span>
            <span className="band-bar" style={{ height: `${Math.round((b.value / max) * 100)}%`, background: b.color }} />
          </button>
          <span className="band-caption">{b.caption}</span>
          {i === limitAfter && <span className="band-limit-caption">{limitCaption}</span>}
        </div>
      ))}
    </div>
  );
}

export interface LineSeries {
  key: string;
  color: string;
  values: number[];
}

const W = 600;
const H = 120;
const PAD = 6;

/** A small multi-series line chart in SVG; the description is the accessible text, `children` the legend. */
export function LineChart({ series, description, children, onOpen }: { series: LineSeries[]; description: string; children?: ReactNode; onOpen?: () => void }) {
  const length = Math.max(1, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => PAD + (length === 1 ? 0 : (i * (W - 2 * PAD)) / (length - 1));
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  return (
    <figure className="line-chart">
      <button type="button" className="line-chart-button" onClick={onOpen} aria-label={description} disabled={!onOpen}>
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-hidden="true">
          <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="axis" />
          {series.map((s) => (
            <polyline key={s.key} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} fill="none" stroke={s.color} strokeWidth={2} vectorEffect="non-scaling-stroke" data-series={s.key} />
          ))}
        </svg>
      </button>
      <figcaption>{children}</figcaption>
    </figure>
  );
}
