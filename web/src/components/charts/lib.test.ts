import { describe, expect, it } from 'vitest';
import {
  chartRows,
  csvNumber,
  dayToSeconds,
  downloadName,
  filterRange,
  localToday,
  nearestIndex,
  rangeStart,
  toCsv,
  toUplotData,
  type ChartSeries,
} from './lib';

describe('rangeStart', () => {
  it('counts 4 weeks as 28 days including today', () => {
    // 6 Dec minus 27 days: 6 Dec is day 28, 9 Nov is day 1.
    expect(rangeStart('4w', '2026-12-06')).toBe('2026-11-09');
  });

  it('goes back calendar months and years to the day after the same date', () => {
    expect(rangeStart('3m', '2026-12-06')).toBe('2026-09-07');
    expect(rangeStart('1y', '2026-12-06')).toBe('2025-12-07');
    // Across the year boundary.
    expect(rangeStart('3m', '2027-01-15')).toBe('2026-10-16');
  });

  it('clamps to the end of a shorter month', () => {
    // 31 May back 3 months is 28 Feb (2027 is no leap year); the range starts the day after.
    expect(rangeStart('3m', '2027-05-31')).toBe('2027-03-01');
    // 29 Feb 2028 back a year is 28 Feb 2027.
    expect(rangeStart('1y', '2028-02-29')).toBe('2027-03-01');
  });

  it('has no start for all', () => {
    expect(rangeStart('all', '2026-12-06')).toBeNull();
  });
});

const squat: ChartSeries = {
  label: 'Squat',
  points: [
    { day: '2025-01-10', value: 100 },
    { day: '2026-10-01', value: 110 },
    { day: '2026-11-20', value: 112.5 },
    { day: '2026-12-06', value: 115 },
  ],
};

describe('filterRange', () => {
  it('keeps the points from the range start to today', () => {
    const days = (range: '4w' | '3m' | '1y' | 'all') =>
      filterRange([squat], range, '2026-12-06')[0]?.points.map((p) => p.day);
    expect(days('4w')).toEqual(['2026-11-20', '2026-12-06']);
    expect(days('3m')).toEqual(['2026-10-01', '2026-11-20', '2026-12-06']);
    expect(days('1y')).toEqual(['2026-10-01', '2026-11-20', '2026-12-06']);
    expect(days('all')).toEqual(['2025-01-10', '2026-10-01', '2026-11-20', '2026-12-06']);
  });

  it('includes the first day of the range and leaves out the day before', () => {
    const edge: ChartSeries = {
      label: 'x',
      points: [
        { day: '2026-11-08', value: 1 },
        { day: '2026-11-09', value: 2 },
      ],
    };
    expect(filterRange([edge], '4w', '2026-12-06')[0]?.points).toEqual([{ day: '2026-11-09', value: 2 }]);
  });
});

describe('chartRows and toCsv', () => {
  const run: ChartSeries = {
    label: 'Run',
    points: [
      { day: '2026-11-02', value: 12.5 },
      { day: '2026-11-16', value: 20 },
    ],
  };
  const ride: ChartSeries = {
    label: 'Ride, "long"',
    points: [
      { day: '2026-11-09', value: 40.25 },
      { day: '2026-11-16', value: null },
      { day: '2026-11-02', value: 30 },
    ],
  };

  it('merges days of all series, oldest first, with gaps as null', () => {
    expect(chartRows([run, ride])).toEqual([
      { day: '2026-11-02', values: [12.5, 30] },
      { day: '2026-11-09', values: [null, 40.25] },
      { day: '2026-11-16', values: [20, null] },
    ]);
  });

  it('writes a day column and one column per series, quoting labels', () => {
    expect(toCsv([run, ride], 'day')).toBe(
      'day,Run,"Ride, ""long"""\r\n2026-11-02,12.5,30\r\n2026-11-09,,40.25\r\n2026-11-16,20,\r\n',
    );
  });

  it('writes numbers without float noise', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0.3');
    expect(csvNumber(1234567.5)).toBe('1234567.5');
  });

  it('gives uPlot seconds at midnight UTC and one array per series', () => {
    // 1970..2025 are 56 years with 14 leap days (20454 days); 2 Nov is day 305 of 2026 counted
    // from 0 (Jan..Oct have 304 days): 20759 days * 86400 s = 1793577600.
    expect(dayToSeconds('2026-11-02')).toBe(1793577600);
    expect(toUplotData(chartRows([run, ride]), 2)).toEqual([
      [1793577600, 1794182400, 1794787200],
      [12.5, null, 20],
      [30, 40.25, null],
    ]);
  });
});

describe('nearestIndex', () => {
  const data = toUplotData(
    [
      { day: '2026-11-02', values: [1] },
      { day: '2026-11-09', values: [null] },
      { day: '2026-11-16', values: [3] },
    ],
    1,
  );

  it('finds the nearest point that has a value', () => {
    // 10 Nov is nearest to 9 Nov, which has no value; 16 Nov (6 days) beats 2 Nov (8 days).
    expect(nearestIndex(data, 0, dayToSeconds('2026-11-10'))).toBe(2);
    expect(nearestIndex(data, 0, dayToSeconds('2026-11-08'))).toBe(0);
    expect(nearestIndex(data, 1, 0)).toBeNull();
  });
});

describe('names and days', () => {
  it('makes a safe file name', () => {
    expect(downloadName('Bankdrücken 1RM / 2026', 'csv')).toBe('Bankdrucken-1RM-2026.csv');
    expect(downloadName('???', 'png')).toBe('chart.png');
  });

  it('reads the device date for today', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
