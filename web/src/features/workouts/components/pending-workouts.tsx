import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button, ButtonLink, Card, ConfirmDialog } from '@/components/ui';
import { fieldErrorText } from '@/components/ui/field';
import type { FieldError } from '@/lib/api/client';
import { useOnline } from '@/lib/network/online';
import { rememberSavedWorkout } from '../api/create-workout';
import { getWorkoutQueryOptions } from '../api/get-workout';
import { lastSetsQueryKey } from '@/lib/exercises/get-last-sets';
import { programsQueryKey } from '../api/list-programs';
import { workoutListQueryKey } from '../api/list-workouts';
import { locateFieldError } from '../lib/active-workout';
import type { ActiveWorkout, Workout } from '../lib/model';
import {
  discardPendingWorkout,
  loadPendingWorkouts,
  syncAllPendingWorkouts,
  syncPendingWorkout,
  usePendingWorkouts,
  type PendingWorkout,
} from '../lib/pending-workouts';
import { resolveEdit, syncAllEdits, usePendingEdits, type PendingEdit } from '../lib/pending-edits';
import type { WorkoutPaths } from '../paths';
import './pending-workouts.css';

/** While workouts wait, the outbox is tried again this often (and at once when the browser is back online). */
const RETRY_EVERY_MS = 30_000;

/** What the app's caches do with a workout the outbox saved. */
export function useOnWorkoutSaved(): (workout: Workout) => void {
  const queryClient = useQueryClient();
  return useCallback((workout: Workout) => rememberSavedWorkout(queryClient, workout), [queryClient]);
}

/** What the app's caches do with a workout whose queued delete reached the server. */
export function useOnWorkoutDeleted(): (id: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      queryClient.removeQueries({ queryKey: getWorkoutQueryOptions(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: workoutListQueryKey });
      void queryClient.invalidateQueries({ queryKey: lastSetsQueryKey });
      void queryClient.invalidateQueries({ queryKey: programsQueryKey });
    },
    [queryClient],
  );
}

/**
 * Sends waiting workouts when it may work: at start, when the browser says it is online again,
 * when the tab comes back to the foreground, and every 30 s while some wait.
 */
function useBackgroundSync(userId: string, waiting: number) {
  const onSaved = useOnWorkoutSaved();
  const onDeleted = useOnWorkoutDeleted();
  useEffect(() => {
    const sync = () => void syncAllPendingWorkouts(userId, onSaved).then(() => syncAllEdits(userId, onSaved, onDeleted));
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      // Another tab may have saved or queued workouts meanwhile.
      void loadPendingWorkouts().then(sync);
    };
    sync();
    window.addEventListener('online', sync);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', sync);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [userId, onSaved, onDeleted]);
  useEffect(() => {
    if (waiting === 0) return;
    const timer = setInterval(
      () => void syncAllPendingWorkouts(userId, onSaved).then(() => syncAllEdits(userId, onSaved, onDeleted)),
      RETRY_EVERY_MS,
    );
    return () => clearInterval(timer);
  }, [userId, onSaved, onDeleted, waiting]);
}

export interface PendingWorkoutsBarProps {
  userId: string;
  /** The Log page, which lists the waiting workouts (the bar links there, and hides on it). */
  logPath: string;
  /** The logging screen, which shows a just-finished workout's state itself. */
  activePath: string;
}

/**
 * "1 workout waiting to sync", with Sync now: on every page while finished workouts are not on
 * the server. Mounted once for the signed-in app, it also runs the background sync.
 */
export function PendingWorkoutsBar({ userId, logPath, activePath }: PendingWorkoutsBarProps) {
  const { t } = useTranslation();
  const pending = usePendingWorkouts(userId);
  const onSaved = useOnWorkoutSaved();
  const onDeleted = useOnWorkoutDeleted();
  const location = useLocation();
  const edits = usePendingEdits(userId);
  const waitingEdits = edits.items.filter((e) => e.status === 'waiting');
  const waiting = pending.items.filter((e) => e.status === 'waiting');
  useBackgroundSync(userId, waiting.length + waitingEdits.length);
  const total = pending.items.length + edits.items.length;
  if (total === 0 || location.pathname === logPath || location.pathname === activePath) return null;
  const sending = waiting.some((e) => pending.isSending(e.id)) || waitingEdits.some((e) => edits.isBusy(e.id));
  const waitingCount = waiting.length + waitingEdits.length;
  const refused = total - waitingCount;
  return (
    <div className="pending-bar-wrap">
      <div className="pending-bar" role="status">
        <span className="pending-bar__text">
          {waitingCount > 0 ? t('workouts.pending.waiting', { count: waitingCount }) : null}
          {waitingCount > 0 && refused > 0 ? ' ' : null}
          {refused > 0 ? t('workouts.pending.needsAttention', { count: refused }) : null}
        </span>
        {waitingCount > 0 ? (
          <Button
            variant="secondary"
            disabled={sending}
            onClick={() => void syncAllPendingWorkouts(userId, onSaved).then(() => syncAllEdits(userId, onSaved, onDeleted))}
          >
            {sending ? t('workouts.pending.syncing') : t('workouts.pending.syncNow')}
          </Button>
        ) : null}
        <Link to={logPath} className="pending-bar__link">
          {t('workouts.pending.details')}
        </Link>
      </div>
    </div>
  );
}

/** A refused workout's field errors, said where they are in the workout. */
export function FieldProblems({ workout, fieldErrors }: { workout: ActiveWorkout; fieldErrors: FieldError[] }) {
  const { t } = useTranslation();
  if (fieldErrors.length === 0) return null;
  const fieldLabels: Record<string, string> = {
    reps: t('workouts.active.repsLabel'),
    weight_kg: t('workouts.active.weight'),
    duration_s: t('workouts.active.time'),
    distance_m: t('workouts.active.distance'),
    exercise_id: t('workouts.active.exercise'),
    title: t('workouts.active.titleLabel'),
  };
  return (
    <ul className="field-problems">
      {fieldErrors.map(({ field, message }) => {
        const where = locateFieldError(workout, field);
        const problem = fieldErrorText(fieldLabels[where.name] ?? where.name, message);
        return (
          <li key={field}>
            {where.exercise
              ? t('workouts.active.fieldProblem', {
                  where:
                    where.setNumber === null
                      ? where.exercise
                      : t('workouts.active.setOf', { number: where.setNumber, exercise: where.exercise }),
                  problem,
                })
              : problem}
          </li>
        );
      })}
    </ul>
  );
}

export interface PendingWorkoutCardProps {
  userId: string;
  entry: PendingWorkout;
  paths: WorkoutPaths;
  /** Reopens a refused workout for editing; absent where that is not possible (another is in progress). */
  onEdit?: ((entry: PendingWorkout) => void) | undefined;
  /** After Discard. */
  onDiscarded?: (() => void) | undefined;
  /** The heading level of the workout's title. */
  heading?: 'h2' | 'h3';
  /** Offers "Go to Log" (on the logging screen). */
  showLogLink?: boolean;
}

/** One finished workout that is not on the server: what became of it, and what can be done. */
export function PendingWorkoutCard({
  userId,
  entry,
  paths,
  onEdit,
  onDiscarded,
  heading: Heading = 'h3',
  showLogLink = false,
}: PendingWorkoutCardProps) {
  const { t } = useTranslation();
  const pending = usePendingWorkouts(userId);
  const online = useOnline();
  const onSaved = useOnWorkoutSaved();
  const [discardOpen, setDiscardOpen] = useState(false);
  const titleId = useId();
  const sending = pending.isSending(entry.id);
  const failure = pending.lastFailure(entry.id);

  let message: string;
  if (entry.status === 'refused') {
    message = t('workouts.pending.refused', { detail: entry.problem?.detail ?? entry.problem?.title ?? '' });
  } else if (entry.status === 'conflict') {
    message = t('workouts.pending.conflict');
  } else if (sending) {
    message = t('workouts.active.saving');
  } else if (!online || failure === 'offline') {
    message = t('workouts.pending.noConnection');
  } else if (failure === 'unavailable') {
    message = t('workouts.pending.serverBusy');
  } else {
    message = t('workouts.pending.queued');
  }

  return (
    <section aria-labelledby={titleId}>
      <Card className={`pending-card pending-card--${entry.status}`}>
        <Heading id={titleId} className="workout-section__title">
          {entry.body.title}
        </Heading>
        <p className="pending-card__state" role={entry.status === 'waiting' ? 'status' : 'alert'}>
          {sending ? <span className="spinner__ring" aria-hidden="true" /> : null}
          {message}
        </p>
        {entry.status === 'refused' && entry.problem && entry.draft ? (
          <FieldProblems workout={entry.draft} fieldErrors={entry.problem.fieldErrors} />
        ) : null}
        <div className="form__actions">
          {entry.status === 'waiting' ? (
            <Button variant="primary" disabled={sending} onClick={() => void syncPendingWorkout(userId, entry.id, onSaved)}>
              {t('errors.retry')}
            </Button>
          ) : null}
          {entry.status === 'refused' && onEdit && entry.draft ? (
            <Button variant="primary" onClick={() => onEdit(entry)}>
              {t('workouts.pending.edit')}
            </Button>
          ) : null}
          {entry.status === 'conflict' ? (
            <ButtonLink to={paths.workout(entry.id)} variant="primary">
              {t('workouts.pending.openSaved')}
            </ButtonLink>
          ) : null}
          {showLogLink ? (
            <ButtonLink to={paths.log} variant="secondary">
              {t('workouts.active.toLog')}
            </ButtonLink>
          ) : null}
          {/* Never disabled: a save that hangs must not hold the user hostage. */}
          <Button variant="destructive-subtle" onClick={() => setDiscardOpen(true)}>
            {t('workouts.active.discard')}
          </Button>
        </div>
      </Card>
      <ConfirmDialog
        open={discardOpen}
        title={t('workouts.active.discardTitle')}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('workouts.active.discardConfirm')}
        onCancel={() => setDiscardOpen(false)}
        onConfirm={() => {
          setDiscardOpen(false);
          void discardPendingWorkout(userId, entry.id).then(() => onDiscarded?.());
        }}
      >
        {t('workouts.pending.discardBody')}
      </ConfirmDialog>
    </section>
  );
}

/** The Log page's list of finished workouts waiting for the server. */
export function PendingWorkoutsSection({
  userId,
  paths,
  onEdit,
}: {
  userId: string;
  paths: WorkoutPaths;
  onEdit?: ((entry: PendingWorkout) => void) | undefined;
}) {
  const { t } = useTranslation();
  const pending = usePendingWorkouts(userId);
  const edits = usePendingEdits(userId);
  const headingId = useId();
  const count = pending.items.length + edits.items.length;
  if (count === 0) return null;
  return (
    <section aria-labelledby={headingId} className="workout-section pending-section">
      <h2 id={headingId} className="workout-section__title">
        {t('workouts.pending.waiting', { count })}
      </h2>
      <p className="workout-section__hint">{t('workouts.pending.hint')}</p>
      {pending.items.map((entry) => (
        <PendingWorkoutCard key={entry.id} userId={userId} entry={entry} paths={paths} onEdit={onEdit} />
      ))}
      {edits.items.map((entry) => (
        <PendingEditCard key={entry.id} userId={userId} entry={entry} paths={paths} />
      ))}
    </section>
  );
}

/**
 * An edit of a saved workout that is not on the server yet: waiting, or "Changed on another
 * device" with the three choices (keep both, use mine, use theirs). Shown on the Log page and
 * on the workout's own page.
 */
export function PendingEditCard({
  userId,
  entry,
  paths,
  heading: Heading = 'h3',
}: {
  userId: string;
  entry: PendingEdit;
  paths: WorkoutPaths;
  heading?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const edits = usePendingEdits(userId);
  const onSaved = useOnWorkoutSaved();
  const online = useOnline();
  const titleId = useId();
  const busy = edits.isBusy(entry.id);
  const onDeleted = useOnWorkoutDeleted();
  const queryClient = useQueryClient();
  // The version on the server is shown as it is now: the other device's, or "deleted".
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: getWorkoutQueryOptions(entry.id).queryKey }),
    [queryClient, entry.id],
  );
  useEffect(() => {
    if (entry.status === 'conflict') refresh();
  }, [entry.status, refresh]);
  const choose = (choice: 'keep-both' | 'use-mine' | 'use-theirs') =>
    void resolveEdit(userId, entry.id, choice, onSaved, onDeleted).then(() => {
      if (choice === 'use-theirs') refresh();
    });
  const title = entry.body.title || t('workouts.pending.conflictTitle');
  if (entry.kind === 'delete') {
    return (
      <section aria-labelledby={titleId}>
        <Card className={`pending-card pending-card--${entry.status}`}>
          <Heading id={titleId} className="workout-section__title">
            {entry.status === 'conflict' ? t('workouts.pending.conflictTitle') : t('workouts.pending.deleteTitle', { title })}
          </Heading>
          {entry.status === 'conflict' ? (
            <p className="pending-card__state" role="alert">
              <Link to={paths.workout(entry.id)}>{title}</Link>
              {': '}
              {t('workouts.pending.deleteConflictBody')}
            </p>
          ) : (
            <p className="pending-card__state" role={entry.status === 'refused' ? 'alert' : 'status'}>
              {busy ? <span className="spinner__ring" aria-hidden="true" /> : null}
              {entry.status === 'refused'
                ? t('workouts.pending.editRefused', { detail: entry.problem?.detail ?? '' })
                : busy
                  ? t('workouts.pending.resolving')
                  : t('workouts.pending.deleteWaiting')}
            </p>
          )}
          <div className="form__actions">
            {entry.status === 'conflict' ? (
              <Button variant="destructive" disabled={busy || !online} onClick={() => choose('use-mine')}>
                {t('workouts.pending.deleteAnyway')}
              </Button>
            ) : null}
            <Button variant="secondary" disabled={busy} onClick={() => choose('use-theirs')}>
              {t('workouts.pending.keepIt')}
            </Button>
          </div>
        </Card>
      </section>
    );
  }
  return (
    <section aria-labelledby={titleId}>
      <Card className={`pending-card pending-card--${entry.status}`}>
        <Heading id={titleId} className="workout-section__title">
          {entry.status === 'conflict' ? t('workouts.pending.conflictTitle') : title}
        </Heading>
        {entry.status === 'conflict' ? (
          <p className="pending-card__state" role="alert">
            <Link to={paths.workout(entry.id)}>{title}</Link>
            {': '}
            {entry.deletedElsewhere ? t('workouts.pending.conflictDeleted') : t('workouts.pending.conflictBody')}
          </p>
        ) : entry.status === 'refused' ? (
          <p className="pending-card__state" role="alert">
            {t('workouts.pending.editRefused', { detail: entry.problem?.detail ?? '' })}
          </p>
        ) : (
          <p className="pending-card__state" role="status">
            {busy ? <span className="spinner__ring" aria-hidden="true" /> : null}
            {busy ? t('workouts.pending.resolving') : online ? t('workouts.pending.queued') : t('workouts.pending.editWaiting')}
          </p>
        )}
        <div className="form__actions">
          {entry.status === 'conflict' ? (
            <>
              <Button variant="primary" disabled={busy || !online} onClick={() => choose('keep-both')}>
                {t('workouts.pending.keepBoth')}
              </Button>
              {entry.deletedElsewhere ? null : (
                <Button variant="secondary" disabled={busy || !online} onClick={() => choose('use-mine')}>
                  {t('workouts.pending.useMine')}
                </Button>
              )}
              <Button variant="secondary" disabled={busy} onClick={() => choose('use-theirs')}>
                {entry.deletedElsewhere ? t('workouts.pending.dropEdit') : t('workouts.pending.useTheirs')}
              </Button>
            </>
          ) : entry.status === 'refused' ? (
            <Button variant="secondary" disabled={busy} onClick={() => choose('use-theirs')}>
              {t('workouts.pending.dropEdit')}
            </Button>
          ) : null}
        </div>
      </Card>
    </section>
  );
}
