import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '@/components/ui';
import { useNow } from '@/hooks/use-now';
import { formatDuration } from '@/lib/format';
import { useActiveWorkout } from '../lib/active-workout-store';
import { restRemainingS } from '../lib/rest-timer';
import './workout-in-progress-bar.css';

export interface WorkoutInProgressBarProps {
  userId: string;
  /** The logging screen, where the bar is not needed. */
  activePath: string;
}

/**
 * "Workout in progress — 00:42:10": on every other page while a workout is being logged,
 * one tap back to it (shared/ux.md). Shows the rest countdown too while one runs.
 */
export function WorkoutInProgressBar({ userId, activePath }: WorkoutInProgressBarProps) {
  const { workout } = useActiveWorkout(userId);
  const location = useLocation();
  const hidden = !workout || location.pathname === activePath;
  if (hidden) return null;
  return <Bar startedAt={workout.started_at} rest={workout.rest} activePath={activePath} />;
}

function Bar({
  startedAt,
  rest,
  activePath,
}: {
  startedAt: string;
  rest: Parameters<typeof restRemainingS>[0];
  activePath: string;
}) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const elapsed = formatDuration((now - Date.parse(startedAt)) / 1000);
  const resting = rest.status === 'running' ? restRemainingS(rest, now) : 0;
  return (
    <div className="progress-bar-wrap">
      <Link to={activePath} className="workout-progress-bar">
        <span className="workout-progress-bar__dot" aria-hidden="true" />
        <span className="workout-progress-bar__text">
          <span className="workout-progress-bar__title">{t('workouts.inProgress.bar', { elapsed })}</span>
          {resting > 0 ? (
            <span className="workout-progress-bar__rest">
              {t('workouts.inProgress.rest', { time: formatDuration(resting, { compact: true }) })}
            </span>
          ) : null}
        </span>
        <span className="workout-progress-bar__action">
          <span className="visually-hidden">{t('workouts.inProgress.open')}</span>
          <Icon name="down" className="workout-progress-bar__chevron" />
        </span>
      </Link>
    </div>
  );
}
