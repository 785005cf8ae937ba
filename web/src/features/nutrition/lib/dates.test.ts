import { describe, expect, it } from 'vitest';
import { addDays, formatLocalDay, isLocalDate } from './dates';

describe('local days', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
  });

  it('knows a date from other text', () => {
    expect(isLocalDate('2026-12-06')).toBe(true);
    expect(isLocalDate('2026-13-06')).toBe(false);
    expect(isLocalDate('today')).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it('names the day itself, whatever the browser zone', () => {
    expect(formatLocalDay('2026-12-07', 'en-US', { weekday: 'short' })).toBe('Mon');
  });
});
