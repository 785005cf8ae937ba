import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, Skeleton } from '@/components/ui';
import { useWorkouts } from '../api/list-workouts';
import { useMe } from '@/lib/auth/get-me';
import { deletingIds, usePendingEdits } from '../lib/pending-edits';
import { usePrograms } from '../api/list-programs';
import type { WorkoutPaths } from '../paths';
import { WorkoutListItem } from './workout-list-item';
import './workouts.css';

/**
 * The training log at a glance, for Today: the latest workout and what comes next in each
 * program. Nothing when there is nothing to show (a new user sees the first actions only); while
 * loading, a placeholder of the usual size.
 */
export function RecentTraining({ paths }: { paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const headingId = useId();
  const workouts = useWorkouts({ q: '', kind: null });
  const programs = usePrograms();
  // A workout deleted here offline is not the last one any more, though the server still has it.
  const deleting = deletingIds(usePendingEdits(useMe().data?.id ?? '').items);
  const last = workouts.data?.pages[0]?.items.find((w) => !deleting.has(w.id));
  const next = (programs.data?.items ?? []).flatMap((program) => {
    const entry = program.routines.find((r) => r.routine_id === program.next_routine_id);
    return entry?.routine_name ? [{ program, name: entry.label ? `${entry.label}: ${entry.routine_name}` : entry.routine_name }] : [];
  });
  // While the first answer is on its way, the space a workout takes is kept (the title and a
  // card of a usual height): Today's dashboard below it must not jump down when it arrives.
  if (workouts.isPending && !workouts.isError) {
    return (
      <section aria-labelledby={headingId} className="recent-training" aria-busy="true">
        <h2 id={headingId} className="workout-section__title">
          {t('workouts.recent.title')}
        </h2>
        <Card className="recent-training__waiting">
          <Skeleton width="sm" label={t('workouts.history.loading')} />
          <Skeleton width="lg" />
          <Skeleton width="md" />
          <Skeleton width="md" />
        </Card>
      </section>
    );
  }
  if (!last && next.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="recent-training">
      <h2 id={headingId} className="workout-section__title">
        {t('workouts.recent.title')}
      </h2>
      <Card>
        {last ? (
          <>
            <h3 className="recent-training__label">{t('workouts.recent.last')}</h3>
            <ul className="item-list">
              <WorkoutListItem workout={last} paths={paths} />
            </ul>
          </>
        ) : null}
        {next.length > 0 ? (
          <>
            <h3 className="recent-training__label">{t('workouts.recent.next')}</h3>
            <ul className="recent-training__next">
              {next.map(({ program, name }) => (
                <li key={program.id}>
                  {t('workouts.recent.nextIn', { routine: name, program: program.name })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="recent-training__links">
          <Link to={paths.history}>{t('workouts.recent.allWorkouts')}</Link>
          {next.length > 0 ? <Link to={paths.programs}>{t('workouts.recent.programs')}</Link> : null}
        </p>
      </Card>
    </section>
  );
}
