import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Badge, Button, ButtonLink, Card, ConfirmDialog, EmptyState, ErrorState, LoadingState, Notice, PageHeader, useToast } from '@/components/ui';
import { DocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useUnitSystem } from '@/lib/units';
import { useDeleteWorkout } from '../api/delete-workout';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import { useWorkout } from '../api/get-workout';
import { useWorkoutRecords } from '../api/list-workout-records';
import { WorkoutEditor } from './workout-editor';
import { PendingEditCard } from './pending-workouts';
import { queueDelete, usePendingEdits } from '../lib/pending-edits';
import { isOnline } from '@/lib/network/online';
import { useMe } from '@/lib/auth/get-me';
import type { LogType, Workout, WorkoutSet } from '../lib/model';
import type { WorkoutPaths } from '../paths';
import type { FinishedState } from './active-workout-page';
import { useDescribeSet } from './set-row';
import { RecordBadges } from './record-badges';
import { WorkoutTotals } from './workout-totals';
import { WhoCanSee } from './visibility-fields';
import './workouts.css';

export interface WorkoutDetailPageProps {
  id: string;
  paths: WorkoutPaths;
  /**
   * The parts of a cardio workout (route, charts, splits): another feature's, so the app layer
   * passes them in (features do not import each other).
   */
  activity?: ((workout: Workout) => ReactNode) | undefined;
}

function isFinishedState(state: unknown): state is FinishedState {
  return typeof state === 'object' && state !== null && (state as FinishedState).finished === true;
}

/** /workouts/:id: one workout, its totals, blocks and sets; the summary right after Finish. */
export function WorkoutDetailPage({ id, paths, activity }: WorkoutDetailPageProps) {
  const { t } = useTranslation();
  const workout = useWorkout(id);
  const location = useLocation();
  const justFinished = isFinishedState(location.state);

  if (workout.isPending) {
    return (
      <div className="workout-page">
        <DocumentTitle title={t('workouts.history.documentTitle')} />
        <LoadingState label={t('workouts.detail.loading')} />
      </div>
    );
  }
  if (workout.isError) {
    const notFound = workout.error instanceof ApiError && workout.error.status === 404;
    return (
      <div className="workout-page">
        <PageHeader
          title={notFound ? t('workouts.detail.notFoundTitle') : t('workouts.detail.failedTitle')}
          documentTitle={t('workouts.history.documentTitle')}
        />
        {notFound ? (
          <EmptyState>{t('workouts.detail.notFoundBody')}</EmptyState>
        ) : (
          <ErrorState message={errorMessage(workout.error, t)} onRetry={() => void workout.refetch()} />
        )}
        <ButtonLink to={paths.history} variant="secondary">
          {t('workouts.detail.toHistory')}
        </ButtonLink>
      </div>
    );
  }
  return (
    <WorkoutView workout={workout.data} paths={paths} justFinished={justFinished} activity={activity} onReload={() => void workout.refetch()} />
  );
}

function WorkoutView({
  workout,
  paths,
  justFinished,
  activity,
  onReload,
}: {
  workout: Workout;
  paths: WorkoutPaths;
  justFinished: boolean;
  activity: ((workout: Workout) => ReactNode) | undefined;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const navigate = useNavigate();
  const describe = useDescribeSet();
  const blocks = workout.blocks ?? [];
  const exercises = useExercisesById(blocks.map((b) => b.exercise_id));
  // The records this workout set; badges wait for them without holding up the page.
  const records = useWorkoutRecords(workout.id).data?.items ?? [];
  const cardioRecords = records.filter((r) => r.exercise_id == null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteWorkout();
  const toast = useToast();
  const totalsId = useId();
  const title = workout.title || t('workouts.defaultTitle');
  const documentTitle = t('workouts.detail.documentTitle', { title });
  const [editing, setEditing] = useState(false);
  const [updated, setUpdated] = useState(false);
  const userId = useMe().data?.id ?? '';
  const pendingEdit = usePendingEdits(userId).items.find((e) => e.id === workout.id);
  const effortOf = (set: WorkoutSet) =>
    [
      set.rpe != null ? t('workouts.detail.rpe', { value: formatNumber(set.rpe, i18n.language, { maxFractionDigits: 1 }) }) : '',
      set.rir != null ? t('workouts.detail.rir', { value: set.rir }) : '',
    ]
      .filter(Boolean)
      .join(' · ');

  if (editing) {
    return (
      <div className="workout-page">
        <PageHeader title={t('workouts.edit.formLabel')} documentTitle={documentTitle} />
        {/* A reload brings a new rev: the form starts over from what the server has now. */}
        <WorkoutEditor
          key={workout.rev}
          workout={workout}
          onDone={(saved) => {
            setEditing(false);
            setUpdated(saved);
          }}
          onReload={onReload}
        />
      </div>
    );
  }

  return (
    <div className="workout-page">
      {justFinished ? (
        <Notice title={t('workouts.detail.savedTitle')}>
          <p>{t('workouts.detail.savedBody')}</p>
        </Notice>
      ) : null}
      {pendingEdit ? <PendingEditCard userId={userId} entry={pendingEdit} paths={paths} heading="h2" /> : null}
      {updated ? (
        <p role="status" className="workout-detail__updated">
          {t('workouts.detail.updated')}
        </p>
      ) : null}
      <PageHeader
        title={title}
        documentTitle={documentTitle}
        intro={
          <>
            <p className="workout-detail__when">
              {formatDateTime(workout.started_at, i18n.language, { timeZone: workout.time_zone ?? undefined })}
            </p>
            {workout.perceived_effort != null ? (
              <p className="workout-detail__effort">{t('workouts.detail.perceivedEffort', { value: workout.perceived_effort })}</p>
            ) : null}
            <WhoCanSee visibility={workout.visibility} />
          </>
        }
      />

      {/* Sets, reps and volume say nothing about a run without sets: its own figures follow. */}
      {workout.kind !== 'cardio' || blocks.length > 0 ? (
        <section aria-labelledby={totalsId}>
          <h2 id={totalsId} className="workout-section__title">
            {justFinished ? t('workouts.detail.summary') : t('workouts.detail.totals')}
          </h2>
          <WorkoutTotals totals={workout.totals} system={system} />
        </section>
      ) : null}
      <RecordBadges records={cardioRecords} />
      {workout.kind === 'cardio' ? activity?.(workout) : null}

      {blocks.map((block, i) => {
        const exercise = exercises.byId.get(block.exercise_id);
        const logType: LogType = exercise?.log_type ?? 'weight_reps';
        const name = exercise?.name ?? t('workouts.detail.exercise', { number: i + 1 });
        // RPE and RIR get a column only where a set has one (imported or logged).
        const withEffort = block.sets.some((set) => set.rpe != null || set.rir != null);
        return (
          <Card key={i} className="exercise-block">
            <section aria-label={name}>
              <header className="exercise-block__header">
                <h2 className="exercise-block__name">{name}</h2>
                {block.superset_group != null ? (
                  <Badge tone="accent">{t('workouts.superset', { group: block.superset_group })}</Badge>
                ) : null}
              </header>
              {/* An exercise done in two blocks shows its records once, with the first. */}
              {blocks.findIndex((b) => b.exercise_id === block.exercise_id) === i ? (
                <RecordBadges records={records.filter((r) => r.exercise_id === block.exercise_id)} />
              ) : null}
              <table className="sets-table">
                <caption className="visually-hidden">{t('workouts.active.setsOf', { exercise: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workouts.active.colSet')}</th>
                    <th scope="col">{t('workouts.detail.colWhat')}</th>
                    <th scope="col">{t('workouts.detail.colType')}</th>
                    {withEffort ? <th scope="col">{t('workouts.detail.colEffort')}</th> : null}
                    <th scope="col">{t('workouts.detail.colStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {block.sets.map((set, j) => (
                    <tr key={j} className={set.done ? undefined : 'sets-table__row--planned'}>
                      <td>{j + 1}</td>
                      <td>
                        {describe(set, logType, system) || '–'}
                        {set.notes ? (
                          <span className="sets-table__note">
                            <span className="visually-hidden">{t('workouts.detail.setNote')}: </span>
                            {set.notes}
                          </span>
                        ) : null}
                      </td>
                      <td>{t(`workouts.setTypes.${set.set_type ?? 'normal'}`)}</td>
                      {withEffort ? <td>{effortOf(set) || '–'}</td> : null}
                      <td>{set.done ? t('workouts.detail.yes') : t('workouts.detail.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {block.notes ? (
                <p className="exercise-block__notes">
                  <span className="visually-hidden">{t('workouts.detail.exerciseNotes', { exercise: name })}: </span>
                  {block.notes}
                </p>
              ) : null}
            </section>
          </Card>
        );
      })}

      {workout.notes ? <p className="workout-detail__notes">{workout.notes}</p> : null}

      <div className="form__actions">
        {justFinished ? (
          <ButtonLink to={paths.log} variant="primary">
            {t('workouts.detail.done')}
          </ButtonLink>
        ) : null}
        <ButtonLink to={paths.history} variant="secondary">
          {t('workouts.detail.toHistory')}
        </ButtonLink>
        <Button
          variant="secondary"
          onClick={() => {
            setUpdated(false);
            setEditing(true);
          }}
        >
          {t('workouts.detail.edit')}
        </Button>
        <Button variant="destructive-subtle" onClick={() => setConfirmDelete(true)}>
          {t('workouts.detail.delete')}
        </Button>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        title={t('workouts.detail.deleteTitle', { title })}
        cancelLabel={t('forms.cancel')}
        confirmLabel={remove.isPending ? t('workouts.detail.deleting') : t('workouts.detail.deleteConfirm')}
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          // Offline (or no answer): the delete waits in the outbox, for the version shown here.
          const deleteLater = () =>
            void queueDelete(userId, workout.id, workout.rev, { title: workout.title, started_at: workout.started_at }).then(() => {
              setConfirmDelete(false);
              toast({ message: t('workouts.detail.deleteQueued') });
              navigate(paths.history, { replace: true });
            });
          if (!isOnline() && userId) {
            deleteLater();
            return;
          }
          remove.mutate(workout.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              toast({ message: t('workouts.detail.deleted') });
              navigate(paths.history, { replace: true });
            },
            onError: (error) => {
              if (error instanceof ApiError && error.isNetworkError && userId) deleteLater();
            },
          });
        }}
      >
        <p>{t('workouts.detail.deleteBody')}</p>
        {remove.isError ? <ErrorState message={errorMessage(remove.error, t)} /> : null}
      </ConfirmDialog>
    </div>
  );
}
