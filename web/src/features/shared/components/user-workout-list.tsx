import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useUserWorkouts, type SharedWorkoutSummary } from '../api/shared-workouts';
import type { SharedPaths } from '../paths';

export interface UserWorkoutListProps {
  username: string;
  paths: Pick<SharedPaths, 'userWorkout'>;
}

function Summary({ workout }: { workout: SharedWorkoutSummary }) {
  const { t } = useTranslation();
  const km = workout.cardio?.distance_m != null ? (workout.cardio.distance_m / 1000).toFixed(1) : null;
  return (
    <p className="shared-workout__meta">
      {workout.date}
      {km ? ` · ${t('shared.workout.km', { km })}` : ''}
      {workout.exercise_names.length > 0 ? ` · ${workout.exercise_names.join(', ')}` : ''}
    </p>
  );
}

/** One user's workouts the viewer may see, newest first (the server decides which). */
export function UserWorkoutList({ username, paths }: UserWorkoutListProps) {
  const { t } = useTranslation();
  const query = useUserWorkouts(username);
  if (query.isPending) return <Skeleton width="lg" label={t('shared.list.loading')} />;
  if (query.isError) return <ErrorState message={errorMessage(query.error, t)} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState>{t('shared.list.empty')}</EmptyState>;
  return (
    <section aria-label={t('shared.list.label', { username })}>
      <ul className="shared-workout-list">
        {items.map((workout) => (
          <li key={workout.id}>
            <Card>
              <h3>
                <Link to={paths.userWorkout(username, workout.id)}>{workout.title || t('shared.workout.untitled')}</Link>
              </h3>
              <Summary workout={workout} />
            </Card>
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('shared.list.more')}
        </Button>
      ) : null}
    </section>
  );
}
