import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pathData } from '../lib/projection';
import { niceTicks, sampleEvery, type Series } from '../lib/track';
import { useWidth } from '../lib/use-width';

export interface LineChartProps {
  /** The one question the chart answers, e.g. "How did my pace change?"; its caption. */
  question: string;
  /** Axis titles with their units, e.g. "Distance (km)". */
  xLabel: string;
  yLabel: string;
  series: Series;
  /** Converts x and y from the series' units (m or s; m/s, m, bpm) to what the axes show. */
  toX: (x: number) => number;
  toY: (y: number) => number;
  formatX: (shown: number) => string;
  formatY: (shown: number) => string;
  /** Lower is better (pace): the axis runs upside down, so faster is up. */
  invertY?: boolean;
  /** The smallest y range the axis shows, so a steady value is not drawn as a big swing. */
  minSpan?: number;
  /** x step (series units) of the table view's rows. */
  tableStep: number;
  className?: string;
}

const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 56 };

/**
 * An accessible SVG line chart: a figure with the question as its caption, labelled axes
 * with units, a one-sentence summary for screen readers, and the values as a table under
 * a disclosure. Drawn at its real width, with classes only (the CSP allows no inline style).
 */
export function LineChart(props: LineChartProps) {
  const { question, xLabel, yLabel, series, toX, toY, formatX, formatY, invertY = false, tableStep, minSpan = 2 } = props;
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const captionId = useId();

  const xs = series.x.map(toX);
  const ys = series.y.map((v) => (v === null ? null : toY(v)));
  const present = ys.filter((v): v is number => v !== null && Number.isFinite(v));
  const xMin = xs[0] ?? 0;
  const xMax = xs[xs.length - 1] ?? 1;
  let yMin = Math.min(...present);
  let yMax = Math.max(...present);
  if (yMax - yMin < minSpan) {
    const middle = (yMin + yMax) / 2;
    yMin = middle - minSpan / 2;
    yMax = middle + minSpan / 2;
  }
  const pad = (yMax - yMin) * 0.08;
  yMin -= pad;
  yMax += pad;
  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin || 1)) * plotW;
  const sy = (y: number) => {
    const ratio = (y - yMin) / (yMax - yMin || 1);
    return MARGIN.top + (invertY ? ratio : 1 - ratio) * plotH;
  };

  // Gaps where a value was not recorded break the line.
  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (y === null || y === undefined || !Number.isFinite(y)) {
      if (current.length) segments.push(current);
      current = [];
    } else {
      current.push([sx(x), sy(y)]);
    }
  });
  if (current.length) segments.push(current);

  const xTicks = niceTicks(xMin, xMax, Math.max(2, Math.floor(plotW / 80)));
  const yTicks = niceTicks(yMin, yMax, 4);
  const rows = sampleEvery(series, tableStep);
  const summary = t('activity.chart.summary', {
    min: formatY(invertY ? Math.max(...present) : Math.min(...present)),
    max: formatY(invertY ? Math.min(...present) : Math.max(...present)),
    from: formatX(xMin),
    to: formatX(xMax),
  });

  return (
    <figure className={props.className ? `line-chart ${props.className}` : 'line-chart'} aria-labelledby={captionId}>
      <figcaption id={captionId} className="line-chart__question">
        {question}
      </figcaption>
      <div ref={ref} className="line-chart__canvas">
        <svg width={width} height={HEIGHT} role="img" aria-label={`${question} ${summary}`} className="line-chart__svg">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line className="line-chart__grid" x1={MARGIN.left} x2={MARGIN.left + plotW} y1={sy(v)} y2={sy(v)} />
              <text className="line-chart__tick" x={MARGIN.left - 6} y={sy(v)} textAnchor="end" dominantBaseline="middle">
                {formatY(v)}
              </text>
            </g>
          ))}
          {xTicks.map((v) => (
            <text key={`x${v}`} className="line-chart__tick" x={sx(v)} y={MARGIN.top + plotH + 16} textAnchor="middle">
              {formatX(v)}
            </text>
          ))}
          <line className="line-chart__axis" x1={MARGIN.left} x2={MARGIN.left + plotW} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} />
          {segments.map((segment, i) => (
            <path key={i} className="line-chart__line" d={pathData(segment)} />
          ))}
          <text className="line-chart__axis-label" x={MARGIN.left + plotW / 2} y={HEIGHT - 4} textAnchor="middle">
            {xLabel}
          </text>
          <text
            className="line-chart__axis-label"
            transform={`translate(12 ${MARGIN.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
        </svg>
      </div>
      <details className="line-chart__table">
        <summary>{t('activity.chart.showTable')}</summary>
        <table className="activity-table">
          <caption className="visually-hidden">{question}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.x}>
                <td>{formatX(toX(row.x))}</td>
                <td>{row.y === null ? '–' : formatY(toY(row.y))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
