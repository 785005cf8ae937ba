import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RenderOptions } from './uplot-renderer';
import { TimeSeriesChart } from './index';

// Vitest has no canvas: a stand-in for the uPlot renderer records what it was asked to draw.
const drawn: RenderOptions[] = [];
let releaseRenderer: () => void = () => {};
const rendererReady = new Promise<void>((resolve) => (releaseRenderer = resolve));
vi.mock('./uplot-renderer', async () => {
  await rendererReady;
  return {
    renderChart: (options: RenderOptions) => {
      drawn.push(options);
      return {
        setSize: () => {},
        destroy: () => {},
        toPng: () => Promise.resolve(new Blob(['png'], { type: 'image/png' })),
      };
    },
  };
});

const kg = (v: number) => `${v} kg`;
const series = [
  {
    label: 'Estimated 1RM',
    points: [
      { day: '2025-06-01', value: 100 },
      { day: '2026-11-20', value: 110 },
      { day: '2026-12-05', value: 112.5 },
    ],
  },
  {
    label: 'Heaviest set',
    points: [
      { day: '2026-11-20', value: 100 },
      { day: '2026-12-05', value: null },
    ],
  },
];

function renderChart(extra: Partial<Parameters<typeof TimeSeriesChart>[0]> = {}) {
  return render(
    <TimeSeriesChart
      title="How strong is my squat?"
      yLabel="Weight (kg)"
      series={series}
      formatValue={kg}
      fileName="squat progress"
      today="2026-12-06"
      {...extra}
    />,
  );
}

beforeEach(() => {
  drawn.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('TimeSeriesChart', () => {
  it('shows a loading state until uPlot has loaded, then draws the data with labelled axes', async () => {
    renderChart();
    const figure = screen.getByRole('figure', { name: 'How strong is my squat?' });
    expect(within(figure).getByRole('status')).toHaveTextContent('Loading the chart…');
    expect(screen.getByRole('button', { name: 'Download chart (PNG)' })).toBeDisabled();
    releaseRenderer();
    await waitFor(() => expect(drawn).toHaveLength(1));
    expect(screen.queryByText('Loading the chart…')).not.toBeInTheDocument();
    const options = drawn[0]!;
    expect(options.yLabel).toBe('Weight (kg)');
    expect(options.xLabel).toBe('Date');
    expect(options.labels).toEqual(['Estimated 1RM', 'Heaviest set']);
    expect(options.kind).toBe('line');
    // 1 Jun 2025, 20 Nov 2026 and 5 Dec 2026 at midnight UTC.
    expect(options.data).toEqual([
      [1748736000, 1795132800, 1796428800],
      [100, 110, 112.5],
      [null, 100, null],
    ]);
    expect(options.formatDay(1796428800)).toBe('Dec 5, 2026');
  });

  it('has a table with a caption, column headers and every value of the range', async () => {
    releaseRenderer();
    renderChart();
    fireEvent.click(screen.getByText('Show the values as a table'));
    const table = screen.getByRole('table', { name: /How strong is my squat\? \(Weight \(kg\)\)/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Date', 'Estimated 1RM', 'Heaviest set']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Jun 1, 2025', '100 kg', '–'],
      ['Nov 20, 2026', '110 kg', '100 kg'],
      ['Dec 5, 2026', '112.5 kg', '–'],
    ]);
  });

  it('filters the table and the chart by the chosen range', async () => {
    releaseRenderer();
    renderChart();
    await waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    const group = screen.getByRole('group', { name: 'Time range' });
    expect(within(group).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(group).getByRole('button', { name: '4 weeks' }));
    expect(within(group).getByRole('button', { name: '4 weeks' })).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', { hidden: true });
    // 4 weeks before 6 Dec start on 9 Nov: the June 2025 point is left out.
    expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(1 + 2);
    await waitFor(() => expect(drawn[drawn.length - 1]!.data[0]).toEqual([1795132800, 1796428800]));
  });

  it('says so when a range holds nothing, and when there is nothing at all', () => {
    releaseRenderer();
    const { unmount } = renderChart({
      series: [{ label: 'Volume', points: [{ day: '2024-01-01', value: 5 }] }],
      defaultRange: '1y',
    });
    expect(screen.getByText('Nothing recorded in this time range. Choose a longer one.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { hidden: true })).not.toBeInTheDocument();
    unmount();
    renderChart({ series: [{ label: 'Volume', points: [] }], emptyText: 'Log a squat to see it here.' });
    expect(screen.getByText('Log a squat to see it here.')).toBeInTheDocument();
  });

  it('hides the range picker when ranges is false', () => {
    releaseRenderer();
    renderChart({ ranges: false, defaultRange: '4w' });
    expect(screen.queryByRole('group', { name: 'Time range' })).not.toBeInTheDocument();
    // All data, whatever the default range.
    expect(screen.getAllByRole('row', { hidden: true })).toHaveLength(1 + 3);
  });

  it('downloads the shown data as CSV named after fileName', async () => {
    releaseRenderer();
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderChart();
    fireEvent.click(screen.getByRole('button', { name: '3 months' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download data (CSV)' }));
    expect(names).toEqual(['squat-progress.csv']);
    const text = await blobs[0]!.text();
    expect(text).toBe('\ufeffday,Estimated 1RM,Heaviest set\r\n2026-11-20,110,100\r\n2026-12-05,112.5,\r\n');
  });

  it('downloads the chart as PNG once uPlot has drawn it', async () => {
    releaseRenderer();
    const createObjectURL = vi.fn(() => 'blob:png');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderChart({ kind: 'bars' });
    const png = screen.getByRole('button', { name: 'Download chart (PNG)' });
    await waitFor(() => expect(png).toBeEnabled());
    expect(drawn[drawn.length - 1]!.kind).toBe('bars');
    fireEvent.click(png);
    await waitFor(() => expect(names).toEqual(['squat-progress.png']));
  });
});
