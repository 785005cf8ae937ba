import { describe, expect, it } from 'vitest';
import { addDays, formatChallengeValue, todayIn } from './format-value';

const sessions = (n: number) => `${n} sessions`;

describe('challenge values', () => {
  it('shows each metric in its unit', () => {
    expect(formatChallengeValue(5012, 'distance', 'metric', 'en', sessions)).toBe('5.01 km');
    expect(formatChallengeValue(1609.344, 'distance', 'imperial', 'en', sessions)).toBe('1 mi');
    expect(formatChallengeValue(3725, 'time', 'metric', 'en', sessions)).toBe('1:02:05');
    expect(formatChallengeValue(3, 'sessions', 'metric', 'en', sessions)).toBe('3 sessions');
    expect(formatChallengeValue(12500, 'volume', 'metric', 'en', sessions)).toBe('12,500 kg');
    expect(formatChallengeValue(420.4, 'elevation', 'metric', 'en', sessions)).toBe('420 m');
  });

  it('knows the local day of a zone and counts days across a month end', () => {
    // 23:30 UTC on 10 March is already the 11th in Berlin.
    expect(todayIn('Europe/Berlin', new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-11');
    expect(todayIn('America/New_York', new Date('2026-03-10T03:30:00Z'))).toBe('2026-03-09');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
