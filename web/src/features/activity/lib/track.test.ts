import { describe, expect, it } from 'vitest';
import type { TrackPoint } from '../api/get-track';
import { fitProjection } from './projection';
import { computeSplits, formatActivityTime, formatPace, formatSpeed, splitRows } from './splits';
import { cumulativeDistances, downsample, haversineM, niceTicks, sampleEvery, speedSeries } from './track';

/** Points due north every 0.001° of latitude (~111.2 m), one every 30 s. */
const north = (n: number): TrackPoint[] =>
  Array.from({ length: n }, (_, i) => ({ t: i * 30, lat: 50 + i * 0.001, lon: 8, ele: 100 + (i % 2) * 5, hr: 140 + i }));

describe('track to chart data', () => {
  it('sums distances along the positions, or takes the device distance', () => {
    const d = cumulativeDistances(north(3)) as number[];
    expect(d[0]).toBe(0);
    expect(d[2]).toBeCloseTo(2 * haversineM(50, 8, 50.001, 8), 6);
    expect(d[1]).toBeCloseTo(111.19, 1);
    expect(cumulativeDistances([{ t: 0, dist: 0 }, { t: 10, dist: 42 }])).toEqual([0, 42]);
    expect(cumulativeDistances([{ t: 0, hr: 120 }])).toBeNull();
  });

  it('gives speed over a distance window and fills the first point', () => {
    const points = north(10);
    const d = cumulativeDistances(points) as number[];
    const s = speedSeries(points, d, 100);
    expect(s.y).toHaveLength(10);
    for (const v of s.y) expect(v).toBeCloseTo(111.19 / 30, 2);
  });

  it('downsamples by bucket means and keeps short series as they are', () => {
    const series = { x: [0, 1, 2, 3], y: [1, null, 3, 5] };
    expect(downsample(series, 10)).toBe(series);
    expect(downsample(series, 2)).toEqual({ x: [0.5, 2.5], y: [1, 4] });
  });

  it('samples a row every step and at the end, for the table view', () => {
    const series = { x: [0, 400, 600, 1100, 1234], y: [1, 2, 3, 4, 5] };
    expect(sampleEvery(series, 500)).toEqual([
      { x: 600, y: 3 },
      { x: 1100, y: 4 },
      { x: 1234, y: 5 },
    ]);
  });

  it('picks round axis ticks', () => {
    expect(niceTicks(0, 5.01, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(132, 171, 4)).toEqual([140, 150, 160, 170]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe('map projection', () => {
  it('fits the bounds into the box with padding, centred, keeping the shape', () => {
    const points = [
      { lat: 0, lon: 0 },
      { lat: 0.01, lon: 0.02 },
    ];
    const { project } = fitProjection(points, 300, 200, 10);
    const [x0, y0] = project(points[0] as { lat: number; lon: number });
    const [x1, y1] = project(points[1] as { lat: number; lon: number });
    // Wider than tall: the width is the limit, 280 px for 0.02° -> 140 px for 0.01°.
    expect(x0).toBeCloseTo(10, 6);
    expect(x1).toBeCloseTo(290, 6);
    expect(y0 - y1).toBeCloseTo(140, 3);
    // Centred vertically; north is up.
    expect((y0 + y1) / 2).toBeCloseTo(100, 6);
    expect(y1).toBeLessThan(y0);
  });

  it('scales longitude by the cosine of the latitude', () => {
    const points = [
      { lat: 60, lon: 10 },
      { lat: 60.01, lon: 10.02 },
    ];
    const { project } = fitProjection(points, 1000, 1000, 0);
    const [x0, y0] = project(points[0] as { lat: number; lon: number });
    const [x1, y1] = project(points[1] as { lat: number; lon: number });
    // At 60°, 0.02° of longitude is as long as ~0.01° of latitude: a square-ish box.
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(Math.cos((60.005 * Math.PI) / 180) * 2, 3);
  });

  it('does not divide by zero for a single point', () => {
    const { project } = fitProjection([{ lat: 1, lon: 2 }], 100, 50);
    expect(project({ lat: 1, lon: 2 })).toEqual([50, 25]);
  });
});

describe('split formatting', () => {
  it('formats pace per km or mile and speed per hour', () => {
    expect(formatPace(299.4 / 1000, 'metric')).toBe('4:59 /km');
    expect(formatPace(300 / 1000, 'imperial')).toBe('8:03 /mi');
    expect(formatPace(null, 'metric')).toBe('–');
    expect(formatSpeed(10, 'metric', 'en')).toBe('36 km/h');
    expect(formatSpeed(10, 'imperial', 'de')).toBe('22,4 mph');
  });

  it('labels full splits by number and the last one by its length, dropping a sliver', () => {
    const rows = splitRows(
      [
        { distance_m: 1000, duration_s: 300, moving_time_s: 299.4, elevation_gain_m: 20, avg_heart_rate: 153.6 },
        { distance_m: 450, duration_s: 140, moving_time_s: 140, elevation_gain_m: 0, avg_heart_rate: null },
        { distance_m: 5, duration_s: 1, moving_time_s: 1, elevation_gain_m: 0, avg_heart_rate: null },
      ],
      'pace',
      'metric',
      'en',
    );
    expect(rows).toEqual([
      { number: 1, label: '1', time: '4:59', pace: '4:59', elevationGain: '20 m', heartRate: '154' },
      { number: 2, label: '1.45', time: '2:20', pace: '5:11', elevationGain: '0 m', heartRate: '–' },
    ]);
  });

  it('shows climbs in feet for the imperial system', () => {
    // 20 m / 0.3048 m per ft = 65.6 ft.
    const rows = splitRows(
      [{ distance_m: 1609.344, duration_s: 480, moving_time_s: 480, elevation_gain_m: 20, avg_heart_rate: null }],
      'pace',
      'imperial',
      'en',
    );
    expect(rows[0]?.elevationGain).toBe('66 ft');
    expect(rows[0]?.pace).toBe('8:00');
  });

  it('rounds a split time and its pace the same way, to the nearest second', () => {
    // A kilometre in 336.6 s: 5 min 36.6 s, nearest second 5:37, both as time and as pace
    // (the time was floored to 5:36 beside a rounded pace of 5:37 /km). 336.4 s: 5:36 both.
    // 0.5 km in 168.3 s is 336.6 s per km: pace 5:37, time 2:48 (168.3 -> 168 = 2:48).
    const rows = splitRows(
      [
        { distance_m: 1000, duration_s: 340, moving_time_s: 336.6, elevation_gain_m: 0, avg_heart_rate: null },
        { distance_m: 1000, duration_s: 340, moving_time_s: 336.4, elevation_gain_m: 0, avg_heart_rate: null },
        { distance_m: 500, duration_s: 170, moving_time_s: 168.3, elevation_gain_m: 0, avg_heart_rate: null },
      ],
      'pace',
      'metric',
      'en',
    );
    expect(rows.map((r) => [r.time, r.pace])).toEqual([
      ['5:37', '5:37'],
      ['5:36', '5:36'],
      ['2:48', '5:37'],
    ]);
    expect(formatPace(336.6 / 1000, 'metric')).toBe('5:37 /km');
    // 59.5 s rounds up into the next minute; an hour and more shows hours.
    expect(formatActivityTime(59.5)).toBe('1:00');
    expect(formatActivityTime(3725.4)).toBe('1:02:05');
  });

  it('shows speed in the table without its unit, which the heading names', () => {
    // 1000 m in 150 s = 6.667 m/s = 24 km/h.
    const rows = splitRows(
      [{ distance_m: 1000, duration_s: 150, moving_time_s: 150, elevation_gain_m: 0, avg_heart_rate: null }],
      'speed',
      'metric',
      'en',
    );
    expect(rows[0]?.pace).toBe('24');
  });

  it('computes mile splits from the track, interpolating the time at each boundary', () => {
    const points: TrackPoint[] = [
      { t: 0, dist: 0 },
      { t: 1000, dist: 2000 },
    ];
    const splits = computeSplits(points, [0, 2000], 1609.344);
    expect(splits).toHaveLength(2);
    expect(splits[0]?.distance_m).toBeCloseTo(1609.344, 6);
    expect(splits[0]?.duration_s).toBeCloseTo(804.672, 6);
    expect(splits[1]?.distance_m).toBeCloseTo(390.656, 6);
  });
});
