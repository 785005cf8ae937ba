import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useUnitSystem } from '@/lib/units';
import type { WorkoutSummary } from '../api/list-workouts';
import { cardioSummary } from '../lib/cardio';
import type { WorkoutPaths } from '../paths';
import { useTotalsLine } from './workout-totals';

/**
 * One workout in a list: its title (a link), when (in its own time zone), its totals, how it felt,
 * whether it has notes, and its exercises.
 */
export function WorkoutListItem({ workout: w, paths }: { workout: WorkoutSummary; paths: WorkoutPaths }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const totalsLine = useTotalsLine();
  // How it felt, and whether notes wait on the workout page (its own, an exercise's or a set's).
  const effortAndNotes = [
    ...(w.perceived_effort != null ? [t('workouts.detail.perceivedEffort', { value: w.perceived_effort })] : []),
    ...(w.has_notes ? [t('workouts.history.hasNotes')] : []),
  ];
  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">
          <Link to={paths.workout(w.id)}>{w.title || t('workouts.defaultTitle')}</Link>
        </p>
        <p className="item-list__meta">{formatDateTime(w.started_at, i18n.language, { timeZone: w.time_zone ?? undefined })}</p>
        <p className="history-list__totals">
          {w.kind === 'cardio' && w.cardio ? cardioSummary(w.cardio, system, i18n.language) : totalsLine(w.totals, system)}
        </p>
        {effortAndNotes.length > 0 ? <p className="item-list__meta">{effortAndNotes.join(' · ')}</p> : null}
        {w.exercise_names && w.exercise_names.length > 0 ? (
          <p className="item-list__meta">{w.exercise_names.join(', ')}</p>
        ) : null}
      </div>
    </li>
  );
}
