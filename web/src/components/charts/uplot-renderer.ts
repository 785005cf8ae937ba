/**
 * Draws a time-series chart with uPlot. This module (with uPlot and its CSS) is loaded on
 * demand by TimeSeriesChart, so pages without a chart never download it.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { toUplotData } from './lib';
import { nearestIndex } from './lib';

export interface ChartColors {
  series: string[];
  text: string;
  muted: string;
  grid: string;
  surface: string;
}

export interface RenderOptions {
  element: HTMLElement;
  width: number;
  height: number;
  data: ReturnType<typeof toUplotData>;
  labels: string[];
  kind: 'line' | 'bars';
  xLabel: string;
  yLabel: string;
  colors: ChartColors;
  fontFamily: string;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  /** A day (x in seconds, midnight UTC) for the tooltip. */
  formatDay: (seconds: number) => string;
  /** A tick of the x axis; `spanDays` is the visible span, to choose how much of the date to show. */
  formatAxisDay: (seconds: number, spanDays: number) => string;
}

export interface ChartHandle {
  setSize(width: number, height: number): void;
  /** The chart with its title above, as a PNG (null when the browser cannot encode one). */
  toPng(title: string): Promise<Blob | null>;
  destroy(): void;
}

const DAY = 86400;

function axisSize(self: uPlot, values: string[] | null, axisIndex: number, cycle: number): number {
  const axis = self.axes[axisIndex];
  // uPlot asks again after laying out the ticks; keep the first answer so it settles.
  if (cycle > 1 && axis && typeof (axis as { _size?: number })._size === 'number') {
    return (axis as { _size: number })._size;
  }
  let size = (axis?.ticks?.size ?? 10) + (axis?.gap ?? 5);
  const longest = (values ?? []).reduce((a, v) => (v.length > a.length ? v : a), '');
  if (longest) {
    const font = axis?.font;
    self.ctx.font = Array.isArray(font) ? String(font[0]) : String(font ?? '12px sans-serif');
    size += self.ctx.measureText(longest).width / (window.devicePixelRatio || 1);
  }
  return Math.ceil(size);
}

/** A tooltip over the plot that shows the nearest day's values; follows the mouse and touches. */
function tooltipPlugin(options: RenderOptions): uPlot.Plugin {
  let tip: HTMLDivElement | null = null;
  let over: HTMLElement | null = null;
  const touch = (u: uPlot) => (event: TouchEvent) => {
    const finger = event.touches[0];
    if (!finger || !over) return;
    const rect = over.getBoundingClientRect();
    u.setCursor({ left: finger.clientX - rect.left, top: finger.clientY - rect.top });
  };
  let onTouch: ((event: TouchEvent) => void) | null = null;
  return {
    hooks: {
      init: (u) => {
        over = u.over;
        tip = document.createElement('div');
        tip.className = 'ts-chart__tooltip';
        tip.hidden = true;
        over.appendChild(tip);
        onTouch = touch(u);
        over.addEventListener('touchstart', onTouch, { passive: true });
        over.addEventListener('touchmove', onTouch, { passive: true });
      },
      setCursor: (u) => {
        if (!tip) return;
        const { left, top } = u.cursor;
        if (left === undefined || top === undefined || left < 0 || top < 0) {
          tip.hidden = true;
          return;
        }
        const x = u.posToVal(left, 'x');
        // The nearest day that has any value; each series shows its value there.
        let index: number | null = null;
        let distance = Infinity;
        options.labels.forEach((_, s) => {
          const i = nearestIndex(options.data, s, x);
          const at = i === null ? undefined : options.data[0][i];
          if (i !== null && at !== undefined && Math.abs(at - x) < distance) {
            index = i;
            distance = Math.abs(at - x);
          }
        });
        if (index === null) {
          tip.hidden = true;
          return;
        }
        const i: number = index;
        const day = options.data[0][i] ?? 0;
        tip.replaceChildren();
        const heading = document.createElement('div');
        heading.className = 'ts-chart__tooltip-day';
        heading.textContent = options.formatDay(day);
        tip.appendChild(heading);
        options.labels.forEach((label, s) => {
          const value = options.data[s + 1]?.[i];
          const line = document.createElement('div');
          line.textContent = `${options.labels.length > 1 ? `${label}: ` : ''}${
            value === null || value === undefined ? '–' : options.formatValue(value)
          }`;
          tip?.appendChild(line);
        });
        tip.hidden = false;
        // Positions set through the CSSOM (the CSP forbids style attributes, not this).
        const px = u.valToPos(day, 'x');
        const width = tip.offsetWidth;
        const plotWidth = u.over.clientWidth;
        tip.style.left = `${Math.max(0, Math.min(plotWidth - width, px - width / 2))}px`;
        tip.style.top = `${Math.max(0, top - tip.offsetHeight - 12)}px`;
      },
      destroy: () => {
        if (over && onTouch) {
          over.removeEventListener('touchstart', onTouch);
          over.removeEventListener('touchmove', onTouch);
        }
        tip?.remove();
      },
    },
  };
}

export function renderChart(options: RenderOptions): ChartHandle {
  const { colors, fontFamily, kind } = options;
  const xs = options.data[0];
  const first = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? first;
  // Half the smallest gap between days on each side, so the outer bars are whole.
  let gap = DAY * 7;
  for (let i = 1; i < xs.length; i++) gap = Math.min(gap, (xs[i] ?? 0) - (xs[i - 1] ?? 0) || gap);
  const pad = kind === 'bars' ? gap / 2 : first === last ? 3 * DAY : 0;
  const spanDays = Math.max(1, (last - first) / DAY);
  const font = `12px ${fontFamily}`;
  const axisCommon = {
    stroke: colors.muted,
    font,
    labelFont: `600 12px ${fontFamily}`,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1, size: 4 },
    size: axisSize,
  };
  const bars = uPlot.paths.bars?.({ size: [0.7, 48], align: 0 });

  const opts: uPlot.Options = {
    width: options.width,
    height: options.height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: {
      drag: { x: false, y: false, setScale: false },
      points: { size: 8 },
      y: false,
    },
    scales: {
      x: { time: true, range: () => [first - pad, last + pad] },
      y: {
        range: (_u, min, max) => {
          if (kind === 'bars') return [0, max > 0 ? max * 1.1 : 1];
          const span = max - min || Math.abs(max) * 0.1 || 1;
          return [min - span * 0.1, max + span * 0.1];
        },
      },
    },
    axes: [
      {
        ...axisCommon,
        label: options.xLabel,
        values: (_u, splits) => splits.map((s) => options.formatAxisDay(s, spanDays)),
      },
      {
        ...axisCommon,
        label: options.yLabel,
        values: (_u, splits) => splits.map((s) => options.formatTick(s)),
      },
    ],
    series: [
      {},
      ...options.labels.map((label, i) => {
        const colour = colors.series[i % colors.series.length] ?? colors.text;
        return kind === 'bars'
          ? { label, stroke: colour, fill: colour, width: 0, ...(bars ? { paths: bars } : {}), points: { show: false } }
          : {
              label,
              stroke: colour,
              width: 2,
              spanGaps: true,
              points: { show: true, size: 6, fill: colour, stroke: colour },
            };
      }),
    ],
    plugins: [tooltipPlugin(options)],
  };

  const chart = new uPlot(opts, options.data as uPlot.AlignedData, options.element);

  return {
    setSize: (width, height) => chart.setSize({ width, height }),
    destroy: () => chart.destroy(),
    toPng: (title) =>
      new Promise((resolve) => {
        const source = chart.ctx.canvas;
        const ratio = source.width / Math.max(1, options.width);
        const margin = Math.round(8 * ratio);
        const lineHeight = Math.round(20 * ratio);
        const font = `600 ${Math.round(15 * ratio)}px ${fontFamily}`;
        // The title wraps to the chart's width (a phone's chart is narrower than most titles).
        const measure = document.createElement('canvas').getContext('2d');
        const lines: string[] = [];
        if (measure) {
          measure.font = font;
          for (const word of title.split(/\s+/)) {
            const last = lines[lines.length - 1];
            if (last !== undefined && measure.measureText(`${last} ${word}`).width <= source.width - 2 * margin) {
              lines[lines.length - 1] = `${last} ${word}`;
            } else {
              lines.push(word);
            }
          }
        }
        const header = lines.length * lineHeight + 2 * margin;
        const out = document.createElement('canvas');
        out.width = source.width;
        out.height = source.height + header;
        const ctx = out.getContext('2d');
        if (!ctx) {
          resolve(null);
          return;
        }
        ctx.fillStyle = colors.surface;
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.fillStyle = colors.text;
        ctx.font = font;
        ctx.textBaseline = 'top';
        lines.forEach((line, i) => ctx.fillText(line, margin, margin + i * lineHeight));
        ctx.drawImage(source, 0, header);
        out.toBlob((blob) => resolve(blob), 'image/png');
      }),
  };
}
