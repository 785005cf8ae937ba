import { formatDuration } from '@/lib/format';
import { formatDistance, formatElevation, formatWeight, type UnitSystem } from '@/lib/units';
import type { ChallengeMetric } from '../api/challenges';

/** A value of a challenge's metric (SI, as the API sends it) in the user's units. */
export function formatChallengeValue(
  value: number,
  metric: ChallengeMetric,
  system: UnitSystem,
  locale: string,
  sessionsLabel: (count: number) => string,
): string {
  switch (metric) {
    case 'distance':
      return formatDistance(value, system, locale);
    case 'elevation':
      return formatElevation(value, system, locale);
    case 'volume':
      return formatWeight(value, system, locale, 0);
    case 'time':
      return formatDuration(Math.round(value), { compact: true });
    case 'sessions':
      return sessionsLabel(value);
  }
}

/** Today in a time zone as YYYY-MM-DD (the form's first day). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts;
}

/** The day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

