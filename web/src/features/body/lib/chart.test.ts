import { describe, expect, it } from 'vitest';
import { niceTicks, scalePoints } from './chart';

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
