import { describe, expect, it } from 'vitest';
import { addDays, buildCalendarGrid, startOfWeek } from './calendar-grid';

describe('startOfWeek', () => {
  // 2026-12-06 is a Sunday.
  it('goes back to the user’s week start', () => {
    expect(startOfWeek('2026-12-06', 'monday')).toBe('2026-11-30');
    expect(startOfWeek('2026-12-06', 'sunday')).toBe('2026-12-06');
    expect(startOfWeek('2026-12-06', 'saturday')).toBe('2026-12-05');
    expect(startOfWeek('2026-11-30', 'monday')).toBe('2026-11-30');
  });

  it('adds days across months, years and the DST change', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('buildCalendarGrid', () => {
  it('has 26 columns of 7 days ending with this week, and nothing after today', () => {
    // Wednesday 2026-12-02, weeks from Monday: this week is Nov 30 - Dec 6; 25 weeks before
    // it start on 2026-06-08 (30 Nov minus 175 days).
    const grid = buildCalendarGrid('2026-12-02', 'monday', []);
    expect(grid.weeks).toHaveLength(26);
    expect(grid.weeks[0]?.start).toBe('2026-06-08');
    expect(grid.weeks[25]?.start).toBe('2026-11-30');
    expect(grid.weeks[25]?.cells.map((c) => c?.day ?? null)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', null, null, null, null]);
    expect(grid.weeks.every((w) => w.cells.length === 7)).toBe(true);
    expect(grid.measure).toBe('sessions');
  });

  it('levels by load when there is load: a quarter of the busiest day is level 1, above three quarters level 4', () => {
    const grid = buildCalendarGrid('2026-12-06', 'sunday', [
      { day: '2026-12-01', sessions: 1, duration_s: 3600, load: 100 },
      { day: '2026-12-02', sessions: 1, duration_s: 600, load: 25 },
      { day: '2026-12-03', sessions: 2, duration_s: 1800, load: 26 },
      { day: '2026-12-04', sessions: 1, duration_s: 1200, load: 0 },
      { day: '2026-12-05', sessions: 1, duration_s: 1200, load: 76 },
    ]);
    expect(grid.measure).toBe('load');
    // Sunday start: the week before this one runs Nov 29 - Dec 5.
    const week = grid.weeks[24]!;
    expect(week.start).toBe('2026-11-29');
    expect(week.cells.map((c) => c?.level)).toEqual([0, 0, 4, 1, 2, 1, 4]);
    expect(grid.weeks[25]?.cells[0]?.day).toBe('2026-12-06');
  });

  it('levels by sessions when no day has a load, and leaves out days before the grid', () => {
    const grid = buildCalendarGrid('2026-12-06', 'monday', [
      { day: '2020-01-01', sessions: 9, duration_s: 100, load: 0 },
      { day: '2026-12-05', sessions: 2, duration_s: 100, load: 0 },
      { day: '2026-12-06', sessions: 1, duration_s: 100, load: 0 },
    ]);
    expect(grid.measure).toBe('sessions');
    expect(grid.weeks[25]?.cells.slice(5).map((c) => c?.level)).toEqual([4, 2]);
  });
});
