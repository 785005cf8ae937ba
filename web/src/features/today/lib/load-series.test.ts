import { describe, expect, it } from 'vitest';
import { loadSeries } from './load-series';

describe('loadSeries', () => {
  it('gives fitness, fatigue and form as lines by day', () => {
    const item = (day: string, fitness: number, fatigue: number) => ({ day, load: 0, acute: 0, chronic: 0, ratio: null, fitness, fatigue, form: fitness - fatigue });
    const series = loadSeries(
      { from: '2026-12-05', to: '2026-12-06', items: [item('2026-12-05', 38, 55.5), item('2026-12-06', 37, 48.5)] },
      { fitness: 'F', fatigue: 'T', form: 'S' },
    );
    expect(series).toEqual([
      { label: 'F', points: [{ day: '2026-12-05', value: 38 }, { day: '2026-12-06', value: 37 }] },
      { label: 'T', points: [{ day: '2026-12-05', value: 55.5 }, { day: '2026-12-06', value: 48.5 }] },
      { label: 'S', points: [{ day: '2026-12-05', value: -17.5 }, { day: '2026-12-06', value: -11.5 }] },
    ]);
  });
});
