// The reports' charts in plain SVG: bars for places, a line for bookings per day, a population pyramid.
// Words and numbers stay in HTML beside the drawings (they mirror in Arabic with the page, and a screen
// reader reads the table under each chart); the drawings are hidden from it and turned round in Arabic by CSS.
import type { ComponentChildren } from 'preact';

/** A horizontal bar out of `max`: the filled part, the frame of `outline`, and hatching `beyond` it. */
export function Bar({ value, outline, beyond = 0, max }: { value: number; outline?: number; beyond?: number; max: number }) {
  const scale = (n: number) => (max <= 0 ? 0 : (n / max) * 100);
  return (
    <svg class="report-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {outline !== undefined ? <rect class="bar-outline" x="0" y="0.5" width={scale(outline)} height="9" /> : null}
      <rect class="bar-fill" x="0" y="0.5" width={scale(value)} height="9" />
      {beyond > 0 ? <rect class="bar-beyond" x={scale(value)} y="0.5" width={scale(beyond)} height="9" /> : null}
    </svg>
  );
}

/** Counts per day as a line over a light area; the first and last day and the highest count are told in HTML. */
export function DayLine({ values, first, last, caption }: { values: readonly number[]; first: string; last: string; caption: string }) {
  const width = 320;
  const height = 120;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - (v / max) * (height - 8)).toFixed(1)}`);
  return (
    <figure class="report-line">
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <polygon class="line-area" points={`0,${height} ${points.join(' ')} ${((values.length - 1) * step).toFixed(1)},${height}`} />
        <polyline class="line-stroke" points={points.join(' ')} vector-effect="non-scaling-stroke" />
      </svg>
      <div class="line-axis">
        <span>{first}</span>
        <span>{last}</span>
      </div>
      <figcaption class="hint">{caption}</figcaption>
    </figure>
  );
}

export interface PyramidBand {
  band: string;
  left: number;
  right: number;
}

/** Men on one side, women on the other, the oldest at the top; the sides swap in Arabic with the page. */
export function Pyramid({ bands, leftName, rightName }: { bands: readonly PyramidBand[]; leftName: ComponentChildren; rightName: ComponentChildren }) {
  const max = Math.max(1, ...bands.map((b) => Math.max(b.left, b.right)));
  return (
    <div class="pyramid" aria-hidden="true">
      <div class="pyramid-row pyramid-head">
        <span>{leftName}</span>
        <span />
        <span>{rightName}</span>
      </div>
      {[...bands].reverse().map((b) => (
        <div key={b.band} class="pyramid-row">
          <span class="pyramid-side toward-centre">
            <bdi class="pyramid-count">{b.left}</bdi>
            <Bar value={b.left} max={max} />
          </span>
          <span class="pyramid-band" dir="ltr">{b.band}</span>
          <span class="pyramid-side">
            <Bar value={b.right} max={max} />
            <bdi class="pyramid-count">{b.right}</bdi>
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * A report's table. On a phone a table of more than three columns is shown as a card per row (the row's
 * name, then each figure with its column's name), as one cannot read a table whose columns run past the
 * screen; the explicit roles keep it a table for a screen reader whatever the layout. Narrower tables, and
 * any table on a wide screen, stay tables (scrolling sideways inside the page if they must). The first
 * `text` columns hold words (aligned to the start), the others numbers (aligned to the end, as their
 * heads). The caption names it for a screen reader; the section's heading already does on screen.
 */
export function ReportTable({ caption, head, rows, text = 1 }: { caption: string; head: readonly string[]; rows: readonly (readonly ComponentChildren[])[]; text?: number }) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class={head.length > 3 ? 'report-table stacks' : 'report-table'} role="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">{head.map((h, j) => <th key={h} scope="col" role="columnheader" class={j < text ? 'text' : undefined}>{h}</th>)}</tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, i) => (
            <tr key={i} role="row">
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row" role="rowheader" class="text">{cell}</th>
                ) : (
                  <td key={j} role="cell" class={j < text ? 'text' : undefined} data-label={head[j]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
