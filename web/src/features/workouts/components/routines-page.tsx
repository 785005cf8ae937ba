import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useRoutines } from '../api/list-routines';
import type { WorkoutPaths } from '../paths';
import { RoutineStartList } from './routine-start-list';
import { useWorkoutStarter } from './workout-starter';
import './workouts.css';
import './programs.css';

/** /routines: the user's routines, each one tap from a workout. */
export function RoutinesPage({ userId, paths }: { userId: string; paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const routines = useRoutines();
  const starter = useWorkoutStarter(userId, paths);

  let content;
  if (routines.isPending) {
    content = <Skeleton width="lg" label={t('workouts.routines.loading')} />;
  } else if (routines.isError) {
    content = <ErrorState message={errorMessage(routines.error, t)} onRetry={() => void routines.refetch()} />;
  } else if (routines.data.items.length === 0) {
    content = <EmptyState>{t('workouts.routines.empty')}</EmptyState>;
  } else {
    content = (
      <RoutineStartList routines={routines.data.items} starter={starter} paths={paths} heading="h2" />
    );
  }

  return (
    <div className="workout-page">
      <PageHeader
        title={t('workouts.routines.title')}
        documentTitle={t('workouts.routines.documentTitle')}
        intro={t('workouts.routines.intro')}
        actions={
          <ButtonLink to={paths.newRoutine} variant="primary">
            {t('workouts.routines.new')}
          </ButtonLink>
        }
      />
      <nav className="routine-links" aria-label={t('workouts.routines.more')}>
        <Link to={paths.programs}>{t('workouts.programs.title')}</Link>
        <Link to={paths.templates}>{t('workouts.templates.title')}</Link>
      </nav>
      {starter.error ? <ErrorState title={t('workouts.log.startFailed')} message={errorMessage(starter.error, t)} /> : null}
      {content}
      {starter.dialog}
    </div>
  );
}
