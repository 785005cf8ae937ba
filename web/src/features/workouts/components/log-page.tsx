import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ButtonLink, Card, ConfirmDialog, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { useNow } from '@/hooks/use-now';
import { errorMessage } from '@/lib/api/error-message';
import { formatDuration } from '@/lib/format';
import { useRoutines } from '../api/list-routines';
import { useDiscardWorkout } from '../hooks/use-discard-workout';
import { useActiveWorkout } from '../lib/active-workout-store';
import type { ActiveWorkout } from '../lib/model';
import type { WorkoutPaths } from '../paths';
import { useEditRefusedWorkout } from './active-workout-page';
import { PendingWorkoutsSection } from './pending-workouts';
import { RoutineStartList } from './routine-start-list';
import { useWorkoutStarter } from './workout-starter';
import './workouts.css';

export interface LogPageProps {
  userId: string;
  paths: WorkoutPaths;
}

/** /log: continue the workout in progress, or start one (empty, or from a routine). */
export function LogPage({ userId, paths }: LogPageProps) {
  const { t } = useTranslation();
  const { workout } = useActiveWorkout(userId);
  const discard = useDiscardWorkout(userId);
  const routines = useRoutines();
  const starter = useWorkoutStarter(userId, paths);
  const [discardOpen, setDiscardOpen] = useState(false);
  const editRefused = useEditRefusedWorkout(userId, paths);
  const startId = useId();
  const routinesId = useId();

  return (
    <div className="workout-page workout-page--log">
      <PageHeader title={t('workouts.log.title')} documentTitle={t('workouts.log.documentTitle')} />

      {workout ? <InProgressCard workout={workout} paths={paths} onDiscard={() => setDiscardOpen(true)} /> : null}

      <PendingWorkoutsSection userId={userId} paths={paths} onEdit={editRefused} />

      <section aria-labelledby={startId} className="workout-section">
        <h2 id={startId} className="workout-section__title">
          {t('workouts.log.startTitle')}
        </h2>
        <Button variant={workout ? 'secondary' : 'primary'} size="lg" block onClick={starter.startEmpty}>
          {t('workouts.log.empty')}
        </Button>
        <p className="workout-section__hint">{t('workouts.log.emptyHint')}</p>
        <ButtonLink to={paths.cardio} variant="secondary" size="lg">
          {t('workouts.cardio.logLink')}
        </ButtonLink>
        <p className="workout-section__hint">{t('workouts.cardio.logHint')}</p>
      </section>

      <section aria-labelledby={routinesId} className="workout-section">
        <div className="workout-section__head">
          <h2 id={routinesId} className="workout-section__title">
            {t('workouts.log.routinesTitle')}
          </h2>
          <ButtonLink to={paths.newRoutine} variant="ghost">
            {t('workouts.routines.new')}
          </ButtonLink>
        </div>
        {starter.error ? (
          <ErrorState title={t('workouts.log.startFailed')} message={errorMessage(starter.error, t)} />
        ) : null}
        {routines.isPending ? (
          <Skeleton width="lg" label={t('workouts.routines.loading')} />
        ) : routines.isError ? (
          <ErrorState message={errorMessage(routines.error, t)} onRetry={() => void routines.refetch()} />
        ) : routines.data.items.length === 0 ? (
          <EmptyState>{t('workouts.routines.empty')}</EmptyState>
        ) : (
          <RoutineStartList routines={routines.data.items} starter={starter} paths={paths} heading="h3" />
        )}
      </section>

      <p>
        <Link to={paths.history}>{t('workouts.log.historyLink')}</Link>
      </p>

      {starter.dialog}

      <ConfirmDialog
        open={discardOpen}
        title={t('workouts.active.discardTitle')}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('workouts.active.discardConfirm')}
        onCancel={() => setDiscardOpen(false)}
        onConfirm={() => {
          setDiscardOpen(false);
          discard();
        }}
      >
        {t('workouts.active.discardBody')}
      </ConfirmDialog>
    </div>
  );
}

function InProgressCard({ workout, paths, onDiscard }: { workout: ActiveWorkout; paths: WorkoutPaths; onDiscard: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Card className="in-progress-card">
        <h2 id={id} className="workout-section__title">
          {t('workouts.inProgress.title')}
        </h2>
        <p>
          {t('workouts.inProgress.summary', {
            title: workout.title,
            elapsed: formatDuration((now - Date.parse(workout.started_at)) / 1000),
          })}
        </p>
        <div className="form__actions">
          <ButtonLink to={paths.active} variant="primary" size="lg">
            {t('workouts.inProgress.continue')}
          </ButtonLink>
          <Button variant="destructive-subtle" onClick={onDiscard}>
            {t('workouts.active.discard')}
          </Button>
        </div>
      </Card>
    </section>
  );
}
