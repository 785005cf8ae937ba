import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '@/lib/format';
import { niceTicks, scalePoints, type Point } from '../lib/chart';

export interface TrendChartProps {
  /** One series, oldest first. */
  points: readonly Point[];
  /** What the chart answers, e.g. "How has my weight changed?" (its heading). */
  title: string;
  /** The y axis, with its unit, e.g. "Weight (kg)". */
  yLabel: string;
  unit: string;
}

const HEIGHT = 240;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 56 };

/**
 * A line chart of one measurement over time, drawn as SVG at the width it gets (so the
 * text keeps its size on a phone). Labelled axes with the unit; the chart is one image for
 * screen readers, with a summary, and the table next to it holds every value.
 */
export function TrendChart({ points, title, yLabel, unit }: TrendChartProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5);
  const box = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: HEIGHT - MARGIN.top - MARGIN.bottom,
  };
  const scaled = scalePoints(points, box, ticks);
  const y0 = ticks[0] ?? 0;
  const y1 = ticks[ticks.length - 1] ?? 1;
  const yOf = (v: number) => box.top + box.height - ((v - y0) / (y1 - y0 || 1)) * box.height;
  const n = (v: number) => formatNumber(v, i18n.language, { maxFractionDigits: 1 });
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? t('body.chart.summary', {
          count: points.length,
          from: formatDate(`${first.day}T12:00:00Z`, i18n.language, { timeZone: 'UTC' }),
          to: formatDate(`${last.day}T12:00:00Z`, i18n.language, { timeZone: 'UTC' }),
          start: `${n(first.value)} ${unit}`,
          end: `${n(last.value)} ${unit}`,
        })
      : '';
  const xLabels = first && last && first.day !== last.day ? [scaled[0], scaled[scaled.length - 1]] : [scaled[0]];

  return (
    <figure className="trend-chart">
      <figcaption className="trend-chart__title">{title}</figcaption>
      <div ref={ref} className="trend-chart__frame">
        <svg
          className="trend-chart__svg"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={title}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line className="trend-chart__grid" x1={box.left} x2={box.left + box.width} y1={yOf(tick)} y2={yOf(tick)} />
              <text className="trend-chart__tick" x={box.left - 8} y={yOf(tick)} textAnchor="end" dominantBaseline="middle">
                {n(tick)}
              </text>
            </g>
          ))}
          <line className="trend-chart__axis" x1={box.left} x2={box.left + box.width} y1={box.top + box.height} y2={box.top + box.height} />
          {xLabels.map((s, i) =>
            s ? (
              <text
                key={i}
                className="trend-chart__tick"
                x={s.x}
                y={box.top + box.height + 18}
                textAnchor={xLabels.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'}
              >
                {formatDate(`${s.point.day}T12:00:00Z`, i18n.language, { timeZone: 'UTC' })}
              </text>
            ) : null,
          )}
          <text className="trend-chart__axis-label" x={box.left + box.width / 2} y={HEIGHT - 4} textAnchor="middle">
            {t('body.chart.xLabel')}
          </text>
          <text
            className="trend-chart__axis-label"
            transform={`translate(14 ${box.top + box.height / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
          {scaled.length > 1 ? (
            <polyline className="trend-chart__line" points={scaled.map((s) => `${s.x},${s.y}`).join(' ')} />
          ) : null}
          {scaled.map((s) => (
            <circle key={s.point.day} className="trend-chart__dot" cx={s.x} cy={s.y} r={3.5} />
          ))}
        </svg>
      </div>
      <p className="trend-chart__summary">{summary}</p>
    </figure>
  );
}
