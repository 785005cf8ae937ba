import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { Skeleton } from '../ui/spinner';
import {
  chartRanges,
  chartRows,
  filterRange,
  localToday,
  toCsv,
  toUplotData,
  downloadName,
  type ChartRange,
  type ChartSeries,
} from './lib';
import type { ChartColors, ChartHandle } from './uplot-renderer';
import './charts.css';

export type { ChartPoint, ChartRange, ChartSeries } from './lib';

export interface TimeSeriesChartProps {
  /** The question the chart answers; its caption. */
  title: string;
  /** The y axis title with its unit, e.g. "Distance (km)". */
  yLabel: string;
  /** One or more lines or bars over days. */
  series: ChartSeries[];
  /** A value as the tooltip and the table show it, e.g. "112.5 kg". */
  formatValue: (value: number) => string;
  /** Default 'line'. */
  kind?: 'line' | 'bars';
  /** Show the 4 weeks / 3 months / 1 year / all picker (default true). */
  ranges?: boolean;
  /** The stem of the CSV and PNG downloads. */
  fileName: string;
  /** The range shown first (default 'all'). */
  defaultRange?: ChartRange;
  /** A y-axis tick (default: formatValue); the axis title already names the unit. */
  formatTick?: (value: number) => string;
  /** Today (YYYY-MM-DD), the end of the ranges; default the device's date. */
  today?: string;
  /** Plot height in CSS pixels (default 220). */
  height?: number;
  /** What the chart says when there is nothing to draw. */
  emptyText?: string;
}

type Renderer = typeof import('./uplot-renderer');
let rendererPromise: Promise<Renderer> | null = null;

/** uPlot's code and CSS come in their own chunk, on the first chart drawn. */
function loadRenderer(): Promise<Renderer> {
  rendererPromise ??= import('./uplot-renderer').catch((error: unknown) => {
    rendererPromise = null; // a failed chunk (offline) may load on the next try
    throw error;
  });
  return rendererPromise;
}

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function readColors(element: Element): ChartColors {
  return {
    series: [1, 2, 3, 4].map((n) => cssVar(element, `--chart-series-${n}`, '#0f766e')),
    text: cssVar(element, '--color-text', '#15191f'),
    muted: cssVar(element, '--color-text-muted', '#4b5461'),
    grid: cssVar(element, '--color-border', '#d8dce2'),
    surface: cssVar(element, '--color-surface', '#ffffff'),
  };
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const dayDate = (day: string) => `${day}T12:00:00Z`;

/**
 * A chart of values over days (uPlot, loaded on demand): a figure with its question as the
 * caption, labelled axes, a tooltip for the nearest point on hover and touch, ranges, the
 * values as a table under a disclosure, and PNG and CSV downloads.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps): JSX.Element {
  const { title, yLabel, series, formatValue, kind = 'line', ranges = true, fileName } = props;
  const formatTick = props.formatTick ?? formatValue;
  const height = props.height ?? 220;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [range, setRange] = useState<ChartRange>(props.defaultRange ?? 'all');
  const today = props.today ?? localToday();
  const shownRange = ranges ? range : 'all';
  const shown = useMemo(() => filterRange(series, shownRange, today), [series, shownRange, today]);
  const rows = useMemo(() => chartRows(shown), [shown]);
  const anyData = useMemo(() => chartRows(series).length > 0, [series]);
  const captionId = useId();
  const tableId = useId();

  const figureRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const plotBoxRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ChartHandle | null>(null);
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [scheme, setScheme] = useState(0);

  useEffect(() => {
    let live = true;
    loadRenderer().then(
      (module) => live && setRenderer(module),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  // Dark and light themes come from the system: redraw with the new colours when it changes.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setScheme((n) => n + 1);
    query.addEventListener?.('change', changed);
    return () => query.removeEventListener?.('change', changed);
  }, []);

  // The plot keeps its height while uPlot loads, so nothing below it moves (set through the
  // CSSOM: the CSP forbids style attributes).
  useEffect(() => {
    if (plotBoxRef.current) plotBoxRef.current.style.minHeight = `${height}px`;
  });

  const formatDay = (day: string) => formatDate(dayDate(day), locale, { timeZone: 'UTC' });
  const labels = useMemo(() => shown.map((s) => s.label), [shown]);

  useEffect(() => {
    const element = plotRef.current;
    const figure = figureRef.current;
    if (!renderer || !element || !figure || rows.length === 0) return;
    const width = () => Math.max(200, Math.floor(element.getBoundingClientRect().width) || 320);
    const axisDay = (seconds: number, spanDays: number) => {
      const date = new Date(seconds * 1000);
      const options: Intl.DateTimeFormatOptions =
        spanDays > 400 ? { month: 'short', year: '2-digit' } : { day: 'numeric', month: 'short' };
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
    };
    let handle: ChartHandle;
    try {
      handle = renderer.renderChart({
        element,
        width: width(),
        height,
        data: toUplotData(rows, labels.length),
        labels,
        kind,
        xLabel: t('charts.xLabel'),
        yLabel,
        colors: readColors(figure),
        fontFamily: cssVar(figure, '--font-sans', 'system-ui, sans-serif'),
        formatValue,
        formatTick,
        formatDay: (seconds) => formatDate(seconds * 1000 + 12 * 3600 * 1000, locale, { timeZone: 'UTC' }),
        formatAxisDay: axisDay,
      });
    } catch {
      // No canvas (a locked-down browser): the table below has the values.
      setLoadFailed(true);
      return;
    }
    handleRef.current = handle;
    let observer: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => handle.setSize(width(), height));
      observer.observe(element);
    }
    return () => {
      observer?.disconnect();
      handle.destroy();
      handleRef.current = null;
    };
    // formatValue/formatTick are often inline functions: redraw on data, not on their identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renderer, rows, labels, kind, yLabel, height, locale, scheme, t]);

  const downloadCsv = () => {
    const csv = toCsv(shown, t('charts.csvDay'));
    // The byte order mark lets spreadsheet programs read the labels' umlauts as UTF-8.
    download(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), downloadName(fileName, 'csv'));
  };
  const downloadPng = async () => {
    const blob = await handleRef.current?.toPng(title);
    if (blob) download(blob, downloadName(fileName, 'png'));
  };

  const first = rows[0];
  const last = rows[rows.length - 1];
  const summary =
    first && last
      ? t('charts.summary', {
          count: rows.length,
          from: formatDay(first.day),
          to: formatDay(last.day),
        })
      : '';

  return (
    <figure ref={figureRef} className="ts-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="ts-chart__title">
        {title}
      </figcaption>
      {ranges ? (
        <div className="ts-chart__ranges" role="group" aria-label={t('charts.range')}>
          {chartRanges.map((r) => (
            <button
              key={r}
              type="button"
              className="ts-chart__range"
              aria-pressed={range === r}
              onClick={() => setRange(r)}
            >
              {t(`charts.ranges.${r}`)}
            </button>
          ))}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="ts-chart__empty">{anyData ? t('charts.emptyRange') : (props.emptyText ?? t('charts.empty'))}</p>
      ) : (
        <>
          <p className="visually-hidden">{summary}</p>
          {loadFailed ? (
            <p className="ts-chart__empty" role="status">
              {t('charts.loadFailed')}
            </p>
          ) : (
            <div ref={plotBoxRef} className="ts-chart__plot">
              <div ref={plotRef} className="ts-chart__canvas" aria-hidden="true" />
              {renderer ? null : (
                <div className="ts-chart__loading">
                  <Skeleton width="full" label={t('charts.loading')} />
                </div>
              )}
            </div>
          )}
          <details className="ts-chart__table" open={loadFailed || undefined}>
            <summary aria-controls={tableId}>{t('charts.showTable')}</summary>
            <div className="ts-chart__table-wrap">
              <table id={tableId}>
                <caption>
                  {title} <span className="ts-chart__table-unit">({yLabel})</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.xLabel')}</th>
                    {shown.map((s) => (
                      <th key={s.label} scope="col">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.day}>
                      <th scope="row">{formatDay(row.day)}</th>
                      {row.values.map((v, i) => (
                        <td key={i}>{v === null ? '–' : formatValue(v)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <div className="ts-chart__downloads">
            <button type="button" className="ts-chart__download" onClick={downloadCsv}>
              {t('charts.downloadCsv')}
            </button>
            <button
              type="button"
              className="ts-chart__download"
              onClick={() => void downloadPng()}
              disabled={!renderer || loadFailed}
            >
              {t('charts.downloadPng')}
            </button>
          </div>
        </>
      )}
    </figure>
  );
}
