import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { formatDistance, useUnitSystem } from '@/lib/units';
import type { StatsTotals } from '../api/get-dashboard';
import { formatTrainingTime, formatVolume, weekChange } from '../lib/amounts';

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

/**
 * Sessions, time, distance and volume of this week, each with its change from last week in
 * words (the arrow and its colour only repeat them). Distance and volume show only when one of
 * the two weeks has some, so a lifter does not read "0 km" every week.
 */
export function WeekComparison({ thisWeek, lastWeek }: { thisWeek: StatsTotals; lastWeek: StatsTotals }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const headingId = useId();
  const locale = i18n.language;
  const stats = [
    { key: 'sessions', label: t('dashboard.week.sessions'), pick: (s: StatsTotals) => s.sessions, show: (v: number) => formatNumber(v, locale) },
    { key: 'time', label: t('dashboard.week.time'), pick: (s: StatsTotals) => s.duration_s, show: (v: number) => formatTrainingTime(v, t, locale) },
    { key: 'distance', label: t('dashboard.week.distance'), pick: (s: StatsTotals) => s.distance_m, show: (v: number) => formatDistance(v, system, locale) },
    { key: 'volume', label: t('dashboard.week.volume'), pick: (s: StatsTotals) => s.volume_kg, show: (v: number) => formatVolume(v, system, locale) },
  ].filter((stat) => stat.key === 'sessions' || stat.key === 'time' || stat.pick(thisWeek) > 0 || stat.pick(lastWeek) > 0);
  return (
    <section aria-labelledby={headingId} className="dashboard__section">
      <h2 id={headingId} className="dashboard__title">
        {t('dashboard.week.title')}
      </h2>
      <ul className="week-stats">
        {stats.map((stat) => {
          const current = stat.pick(thisWeek);
          const change = weekChange(current, stat.pick(lastWeek));
          const words =
            change.direction === 'same'
              ? t('dashboard.week.same')
              : t(change.direction === 'up' ? 'dashboard.week.more' : 'dashboard.week.less', { amount: stat.show(change.amount) });
          return (
            <li key={stat.key}>
              <Card className="week-stat">
                <span className="week-stat__label">{stat.label}</span>
                <span className="week-stat__value">{stat.show(current)}</span>
                <span className={`week-stat__change week-stat__change--${change.direction}`}>
                  <span aria-hidden="true">{ARROWS[change.direction]} </span>
                  {words}
                </span>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
