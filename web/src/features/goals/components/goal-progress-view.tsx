import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { formatDate, formatPercent } from '@/lib/format';
import type { Schema } from '@/lib/api/types';
import type { UnitSystem } from '@/lib/units';
import { formatDay, formatGoalValue } from '../lib/format-goal';
import type { Direction, GoalMetric, Period } from '../lib/metrics';

export interface GoalProgressViewProps {
  progress: Schema<'GoalProgress'>;
  metric: GoalMetric;
  period: Period;
  /** decrease: the target is a most (a body weight to get down to). */
  direction: Direction;
  system: UnitSystem;
  timeZone: string;
  measurementUnit?: string | undefined;
  /** The element that names the bar (the goal's title). */
  labelledBy?: string | undefined;
}

/**
 * Where a goal stands: a bar, "value / target", reached (with the day) or on track, the
 * server's projection in words and the period it covers.
 */
export function GoalProgressView({
  progress,
  metric,
  period,
  direction,
  system,
  timeZone,
  measurementUnit,
  labelledBy,
}: GoalProgressViewProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const context = { metric, system, locale, t, measurementUnit };
  const barId = useId();
  const value = progress.value === null ? t('goals.progress.noValue') : formatGoalValue(progress.value, progress.unit, context);
  const target = formatGoalValue(progress.target, progress.unit, context);
  const fraction = Math.max(0, Math.min(1, progress.fraction));
  const range = t('goals.progress.range', {
    start: formatDay(progress.period_start, locale),
    end: formatDay(progress.period_end, locale),
  });
  return (
    <div className="goal-progress">
      <p className="goal-progress__numbers" id={`${barId}-numbers`}>
        <span className="goal-progress__value">
          {direction === 'decrease'
            ? t('goals.progress.valueDownToTarget', { value, target })
            : t('goals.progress.valueOfTarget', { value, target })}
        </span>
        {progress.reached ? (
          <Badge tone="accent">{t('goals.progress.reached')}</Badge>
        ) : progress.on_track === true ? (
          <Badge tone="accent">{t('goals.progress.onTrack')}</Badge>
        ) : progress.on_track === false ? (
          <Badge tone="danger">{t('goals.progress.behind')}</Badge>
        ) : null}
      </p>
      <progress
        className={progress.reached ? 'goal-progress__bar goal-progress__bar--reached' : 'goal-progress__bar'}
        max={1}
        value={fraction}
        aria-labelledby={labelledBy}
        aria-describedby={`${barId}-numbers`}
        aria-valuetext={formatPercent(progress.fraction, locale)}
      />
      {progress.reached && progress.reached_at ? (
        <p className="goal-progress__line">
          {t('goals.progress.reachedOn', { date: formatDate(progress.reached_at, locale, { timeZone }) })}
        </p>
      ) : null}
      {progress.explanation ? <p className="goal-progress__line">{progress.explanation}</p> : null}
      <p className="goal-progress__period">
        {period === 'once' ? t('goals.progress.untilDeadline', { range }) : t(`goals.progress.current.${period}`, { range })}
      </p>
    </div>
  );
}
