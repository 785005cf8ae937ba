import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '@/lib/format';
import { formatWeight, type UnitSystem } from '@/lib/units';
import type { Workout } from '../lib/model';

/** "12 sets · 96 reps · 4,320 kg": a workout's totals in one line. */
export function useTotalsLine() {
  const { t, i18n } = useTranslation();
  return (totals: Workout['totals'], system: UnitSystem): string =>
    [
      t('workouts.totals.setsCount', { count: totals.sets }),
      t('workouts.totals.repsCount', { count: totals.reps, formatted: formatNumber(totals.reps, i18n.language) }),
      formatWeight(totals.volume_kg, system, i18n.language, 1),
    ].join(' · ');
}

/** The totals of a saved workout as big figures: the summary after Finish and on its page. */
export function WorkoutTotals({ totals, system }: { totals: Workout['totals']; system: UnitSystem }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <dl className="totals">
      <div className="totals__item">
        <dt>{t('workouts.totals.sets')}</dt>
        <dd data-testid="total-sets">{n(totals.sets)}</dd>
      </div>
      <div className="totals__item">
        <dt>{t('workouts.totals.reps')}</dt>
        <dd data-testid="total-reps">{n(totals.reps)}</dd>
      </div>
      <div className="totals__item">
        <dt>{t('workouts.totals.volume')}</dt>
        <dd data-testid="total-volume">{formatWeight(totals.volume_kg, system, i18n.language, 1)}</dd>
      </div>
      <div className="totals__item">
        <dt>{t('workouts.totals.exercises')}</dt>
        <dd>{n(totals.exercises)}</dd>
      </div>
      {totals.duration_s != null ? (
        <div className="totals__item">
          <dt>{t('workouts.totals.duration')}</dt>
          <dd>{formatDuration(totals.duration_s, { compact: true })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
