import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatPercent } from './format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands and uses the locale decimal separator', () => {
    expect(formatNumber(1234.5, 'en-US', { maxFractionDigits: 1 })).toBe('1,234.5');
    expect(formatNumber(1234.5, 'de-DE', { maxFractionDigits: 1 })).toBe('1.234,5');
  });

  it('rounds half away from zero to whole numbers by default', () => {
    // 82.5 and 83.5 are exact in binary, so this is the rounding mode, not float noise.
    expect(formatNumber(82.5, 'en-US')).toBe('83');
    expect(formatNumber(83.5, 'en-US')).toBe('84');
    expect(formatNumber(-2.5, 'en-US')).toBe('-3');
  });

  it('pads to the minimum fraction digits for aligned columns', () => {
    expect(formatNumber(80, 'en-US', { minFractionDigits: 1, maxFractionDigits: 1 })).toBe('80.0');
    expect(formatNumber(102.25, 'de-DE', { minFractionDigits: 2, maxFractionDigits: 2 })).toBe('102,25');
  });
});

describe('formatPercent', () => {
  it('formats a ratio with the locale percent layout', () => {
    expect(formatPercent(0.256, 'en-US')).toBe('26%');
    expect(formatPercent(0.256, 'de-DE')).toBe(`26${NBSP}%`);
    expect(formatPercent(1.5, 'en-US')).toBe('150%');
  });
});

describe('formatDate and formatDateTime', () => {
  // 23:30 UTC on 5 March is already 6 March in Berlin (UTC+1 in winter time).
  const lateEvening = '2025-03-05T23:30:00Z';

  it('shows the calendar date in the requested time zone', () => {
    expect(formatDate(lateEvening, 'en-US', { timeZone: 'UTC' })).toBe('Mar 5, 2025');
    expect(formatDate(lateEvening, 'en-US', { timeZone: 'Europe/Berlin' })).toBe('Mar 6, 2025');
    expect(formatDate(lateEvening, 'de-DE', { timeZone: 'Europe/Berlin' })).toBe('06.03.2025');
  });

  it('shows date and 24-hour time for German', () => {
    expect(formatDateTime('2025-03-05T17:30:00Z', 'de-DE', { timeZone: 'Europe/Berlin' })).toBe(
      '05.03.2025, 18:30',
    );
    // Summer time: Berlin is UTC+2 on 1 July.
    expect(formatDateTime(Date.UTC(2025, 6, 1, 4, 5), 'de-DE', { timeZone: 'Europe/Berlin' })).toBe(
      '01.07.2025, 06:05',
    );
  });
});

describe('formatDuration', () => {
  it('shows a clock with two-digit hours, as in the workout bar', () => {
    expect(formatDuration(42 * 60 + 10)).toBe('00:42:10');
    expect(formatDuration(2 * 3600 + 42 * 60 + 10)).toBe('02:42:10');
    expect(formatDuration(101 * 3600)).toBe('101:00:00');
  });

  it('drops zero hours when compact', () => {
    expect(formatDuration(42 * 60 + 10, { compact: true })).toBe('42:10');
    expect(formatDuration(3600, { compact: true })).toBe('1:00:00');
    expect(formatDuration(7, { compact: true })).toBe('0:07');
  });

  it('counts whole seconds elapsed and never goes negative', () => {
    expect(formatDuration(59.9, { compact: true })).toBe('0:59');
    expect(formatDuration(-5)).toBe('00:00:00');
    expect(formatDuration(Number.NaN)).toBe('00:00:00');
  });
});
