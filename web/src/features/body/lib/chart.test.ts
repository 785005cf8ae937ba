import { describe, expect, it } from 'vitest';
import { niceTicks, pointsInRange, rangeStart, scalePoints } from './chart';

describe('niceTicks', () => {
  it('covers the values with round steps of 1, 2 or 5', () => {
    expect(niceTicks(71.3, 78.9)).toEqual([70, 72, 74, 76, 78, 80]);
    expect(niceTicks(79.3, 81.9)).toEqual([79, 80, 81, 82]);
    expect(niceTicks(0, 10)).toEqual([0, 5, 10]);
    expect(niceTicks(12.1, 12.4)).toEqual([12.1, 12.2, 12.3, 12.4]);
  });

  it('puts a band around a flat series', () => {
    const ticks = niceTicks(80, 80);
    expect(ticks[0]).toBeLessThan(80);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(80);
  });

  it('gives nothing for no values', () => {
    expect(niceTicks(Infinity, -Infinity)).toEqual([]);
  });
});

describe('scalePoints', () => {
  const box = { left: 50, top: 10, width: 300, height: 100 };

  it('places the first day left, the last right, and values by the tick range', () => {
    const scaled = scalePoints(
      [
        { day: '2025-05-01', value: 80 },
        { day: '2025-05-03', value: 81 },
        { day: '2025-05-05', value: 82 },
      ],
      box,
      [80, 81, 82],
    );
    expect(scaled.map(({ x, y }) => [x, y])).toEqual([
      [50, 110],
      [200, 60],
      [350, 10],
    ]);
  });

  it('centres a single point', () => {
    expect(scalePoints([{ day: '2025-05-01', value: 81 }], box, [80, 82])[0]).toMatchObject({ x: 200, y: 60 });
  });
});

describe('chart ranges', () => {
  it('starts 4 weeks, 3 months and a year back, the day after, clamping to shorter months', () => {
    // 28 days up to 31 Mar 2026 start on 4 Mar (31 - 27).
    expect(rangeStart('4w', '2026-03-31')).toBe('2026-03-04');
    // 3 months before 31 Mar is 31 Dec; the range starts the day after: 1 Jan.
    expect(rangeStart('3m', '2026-03-31')).toBe('2026-01-01');
    // 3 months before 31 May is 28 Feb 2026 (no 31 Feb): from 1 Mar.
    expect(rangeStart('3m', '2026-05-31')).toBe('2026-03-01');
    // A year before 29 Feb 2028 is 28 Feb 2027: from 1 Mar 2027. 10 Jan 2026: from 11 Jan 2025.
    expect(rangeStart('1y', '2028-02-29')).toBe('2027-03-01');
    expect(rangeStart('1y', '2026-01-10')).toBe('2025-01-11');
    // 4 weeks over a year's end: 5 Jan 2026 - 27 days = 9 Dec 2025.
    expect(rangeStart('4w', '2026-01-05')).toBe('2025-12-09');
    expect(rangeStart('all', '2026-01-05')).toBeNull();
  });

  it('keeps the points from the start on', () => {
    const points = [
      { day: '2026-03-03', value: 1 },
      { day: '2026-03-04', value: 2 },
      { day: '2026-03-31', value: 3 },
    ];
    expect(pointsInRange(points, '4w', '2026-03-31').map((p) => p.value)).toEqual([2, 3]);
    expect(pointsInRange(points, 'all', '2026-03-31')).toHaveLength(3);
  });
});
