import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button, ButtonLink, ConfirmDialog, EmptyState, ErrorState, Icon, PageHeader, TextField } from '@/components/ui';
import { DocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import type { FieldError } from '@/lib/api/client';
import { formatDuration, formatNumber } from '@/lib/format';
import { formatWeight, useUnitSystem, useWeightIncrement } from '@/lib/units';
import { getLastSetsQueryOptions } from '@/lib/exercises/get-last-sets';
import { useDiscardWorkout } from '../hooks/use-discard-workout';
import { fetchOrCached } from '@/lib/network/fetch-or-cached';
import { liveTotals, newBlock, toWorkoutInput, unfinishedSets } from '../lib/active-workout';
import { doubtfulSets } from '../lib/plausibility';
import { useActiveWorkout } from '../lib/active-workout-store';
import { exerciseRef, type Exercise, type WorkoutSet } from '../lib/model';
import { discardPendingWorkout, queueFinishedWorkout, syncPendingWorkout, usePendingWorkouts, type PendingWorkout } from '../lib/pending-workouts';
import { performedSets } from '../lib/prefill';
import { groupOf, linkedToNext } from '../lib/superset';
import type { WorkoutPaths } from '../paths';
import { ExerciseBlock } from './exercise-block';
import { ExerciseSearchSheet } from './exercise-search-sheet';
import { FieldProblems, PendingWorkoutCard, PendingWorkoutsSection, useOnWorkoutSaved } from './pending-workouts';
import { RestTimerPanel } from './rest-timer-panel';
import './workouts.css';

export interface ActiveWorkoutPageProps {
  userId: string;
  paths: WorkoutPaths;
}

/** The state a finished workout's page is opened with, to show it as the summary. */
export interface FinishedState {
  finished: true;
}

/** The state the logging screen is opened with to edit a workout the server refused. */
export interface RefusedState {
  fieldErrors: FieldError[];
}

/**
 * Puts a refused workout back on the logging screen (when none is in progress) and out of the
 * outbox: it is sent again, under a new key, when it is finished again.
 */
export function useEditRefusedWorkout(userId: string, paths: WorkoutPaths) {
  const { workout, start } = useActiveWorkout(userId);
  const navigate = useNavigate();
  if (workout) return undefined;
  return (entry: PendingWorkout) => {
    if (!entry.draft) return;
    start(entry.draft);
    void discardPendingWorkout(userId, entry.id);
    const state: RefusedState = { fieldErrors: entry.problem?.fieldErrors ?? [] };
    navigate(paths.active, { state });
  };
}

const REST_OVER_SHOWN_MS = 10_000;

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** /log/active: the workout being logged, set by set. */
export function ActiveWorkoutPage({ userId, paths }: ActiveWorkoutPageProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { workout, dispatch, clear } = useActiveWorkout(userId);
  const pending = usePendingWorkouts(userId);
  const discard = useDiscardWorkout(userId);
  const onSaved = useOnWorkoutSaved();
  /** The workout finished on this screen, now in the outbox, followed until it is saved. */
  const [finishedId, setFinishedId] = useState<string | null>(null);
  const [queueError, setQueueError] = useState<unknown>(null);
  const refused = (location.state as Partial<RefusedState> | null)?.fieldErrors ?? [];
  const editRefused = useEditRefusedWorkout(userId, paths);
  const [system] = useUnitSystem();
  const weightStep = useWeightIncrement();
  const [searchOpen, setSearchOpen] = useState(false);
  const [confirm, setConfirm] = useState<'finish' | 'discard' | null>(null);
  const restRunning = workout?.rest.status === 'running';
  // The rest countdown moves in quarter seconds so it never looks stuck; the clock by seconds.
  const now = useNow(restRunning ? 250 : 1000, workout !== null);

  useEffect(() => {
    if (workout?.rest.status === 'running' && now >= workout.rest.endsAt) dispatch({ type: 'restTick', now });
  }, [now, workout?.rest, dispatch]);

  // "Rest over" stays a while, then makes room again.
  const restFinished = workout?.rest.status === 'finished';
  useEffect(() => {
    if (!restFinished) return;
    const timer = setTimeout(() => dispatch({ type: 'restSkip' }), REST_OVER_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [restFinished, dispatch]);

  // Saved, here or by the background sync when the connection came back: on to its summary.
  const finishedSaved = finishedId !== null && pending.wasSaved(finishedId);
  useEffect(() => {
    if (!finishedId || !finishedSaved) return;
    const state: FinishedState = { finished: true };
    navigate(paths.workout(finishedId), { replace: true, state });
  }, [finishedId, finishedSaved, navigate, paths]);

  const finishedEntry = finishedId ? pending.items.find((e) => e.id === finishedId) : undefined;
  if (finishedEntry) {
    return (
      <div className="workout-page">
        <PageHeader title={t('workouts.pending.finishedTitle')} documentTitle={t('workouts.active.documentTitle')} />
        <PendingWorkoutCard
          userId={userId}
          entry={finishedEntry}
          paths={paths}
          heading="h2"
          showLogLink
          onDiscarded={() => navigate(paths.log, { replace: true })}
          onEdit={
            editRefused &&
            ((entry) => {
              setFinishedId(null);
              editRefused(entry);
            })
          }
        />
      </div>
    );
  }
  if (finishedSaved) return null;

  if (!workout) {
    return (
      <div className="workout-page">
        <PageHeader title={t('workouts.active.noneTitle')} documentTitle={t('workouts.active.documentTitle')} />
        <EmptyState
          action={
            <ButtonLink to={paths.log} variant="primary">
              {t('workouts.active.toLog')}
            </ButtonLink>
          }
        >
          {t('workouts.active.noneBody')}
        </EmptyState>
        <PendingWorkoutsSection userId={userId} paths={paths} onEdit={editRefused} />
      </div>
    );
  }

  const totals = liveTotals(workout);
  const elapsed = (now - Date.parse(workout.started_at)) / 1000;
  const open = unfinishedSets(workout);
  const doubtful = doubtfulSets(workout);

  async function addExercise(exercise: Exercise) {
    // The previous session pre-fills the sets; without it (offline, never done) they start empty.
    const last = await fetchOrCached(queryClient, getLastSetsQueryOptions(exercise.id)).catch(() => null);
    const previous: WorkoutSet[] = last ? performedSets(last.items) : [];
    const block = newBlock(exerciseRef(exercise), previous, system, weightStep);
    // The typo guard's history: the best of every earlier session.
    if (last) block.best = { weight_kg: last.best_weight_kg ?? null, reps: last.best_reps ?? null };
    dispatch({ type: 'addBlock', block });
  }

  /**
   * Freezes the workout (body, end time and Idempotency-Key) in the outbox, which keeps it
   * through reloads and lost connections, and sends it. The screen then follows the outbox:
   * saved (on to the summary), no connection (kept, sent later), or refused.
   */
  async function finish() {
    if (!workout) return;
    setConfirm(null);
    setQueueError(null);
    const input = toWorkoutInput(workout, { endedAt: Date.now(), timeZone: browserTimeZone() });
    if (!input.title) input.title = t('workouts.defaultTitle');
    try {
      await queueFinishedWorkout(userId, workout, input);
    } catch (error) {
      // Not stored: the workout stays in progress, as it was.
      setQueueError(error);
      return;
    }
    setFinishedId(input.id);
    clear();
    void syncPendingWorkout(userId, input.id, onSaved);
  }

  return (
    <div className="workout-page workout-page--active">
      {/* The title is the field below, so the page has no visible heading of its own. */}
      <DocumentTitle title={t('workouts.active.documentTitle')} />
      <h1 className="visually-hidden">{workout.title || t('workouts.active.documentTitle')}</h1>
      <header className="active-header">
        <TextField
          className="active-header__title"
          label={t('workouts.active.titleLabel')}
          value={workout.title}
          maxLength={200}
          onValueChange={(title) => dispatch({ type: 'rename', title })}
        />
        <dl className="active-header__stats">
          <div>
            <dt>{t('workouts.active.elapsed')}</dt>
            <dd className="active-header__clock">{formatDuration(elapsed)}</dd>
          </div>
          <div>
            <dt>{t('workouts.totals.sets')}</dt>
            <dd>{formatNumber(totals.sets, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('workouts.totals.volume')}</dt>
            <dd>{formatWeight(totals.volumeKg, system, i18n.language, 1)}</dd>
          </div>
        </dl>
      </header>

      {workout.blocks.length === 0 ? (
        <p className="empty-state">{t('workouts.active.emptyBody')}</p>
      ) : (
        <>
          <p className="active-hint">{t('workouts.active.swipeHint')}</p>
          {workout.blocks.map((block, i) => (
            <ExerciseBlock
              key={block.key}
              block={block}
              index={i}
              count={workout.blocks.length}
              system={system}
              weightStep={weightStep}
              restS={groupOf(workout.blocks, i).at(-1)?.rest_s ?? null}
              nextName={workout.blocks[i + 1]?.exercise.name ?? null}
              linkedToNext={linkedToNext(workout.blocks, i)}
              dispatch={dispatch}
            />
          ))}
        </>
      )}

      <Button variant="secondary" size="lg" block onClick={() => setSearchOpen(true)}>
        <Icon name="plus" />
        {t('workouts.active.addExercise')}
      </Button>

      {refused.length > 0 ? (
        <div className="error-state" role="alert">
          <p className="error-state__title">{t('workouts.pending.fixBeforeFinish')}</p>
          <FieldProblems workout={workout} fieldErrors={refused} />
        </div>
      ) : null}
      {queueError ? <ErrorState title={t('workouts.active.saveFailedTitle')} message={t('workouts.pending.notStored')} /> : null}

      <div className="active-footer">
        <Button variant="primary" size="lg" block onClick={() => (open > 0 || doubtful > 0 ? setConfirm('finish') : void finish())}>
          {t('workouts.active.finish')}
        </Button>
        <Button variant="destructive-subtle" onClick={() => setConfirm('discard')}>
          {t('workouts.active.discard')}
        </Button>
      </div>

      <RestTimerPanel
        rest={workout.rest}
        now={now}
        onAdd={() => dispatch({ type: 'restAdd', now: Date.now() })}
        onSkip={() => dispatch({ type: 'restSkip' })}
      />

      <ExerciseSearchSheet open={searchOpen} onClose={() => setSearchOpen(false)} onPick={addExercise} />

      {/* One question for both: unticked sets, and values the typo guard questioned. */}
      <ConfirmDialog
        open={confirm === 'finish'}
        title={open > 0 ? t('workouts.active.finishTitle') : t('workouts.active.finishDoubtfulTitle')}
        tone="primary"
        cancelLabel={t('workouts.active.keepLogging')}
        confirmLabel={t('workouts.active.finishAnyway')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void finish()}
      >
        <>
          {open > 0 ? <p>{t('workouts.active.finishBody', { count: open })}</p> : null}
          {doubtful > 0 ? <p>{t('workouts.active.finishDoubtfulBody', { count: doubtful })}</p> : null}
        </>
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'discard'}
        title={t('workouts.active.discardTitle')}
        cancelLabel={t('workouts.active.keepLogging')}
        confirmLabel={t('workouts.active.discardConfirm')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          discard();
          navigate(paths.log, { replace: true });
        }}
      >
        {t('workouts.active.discardBody')}
      </ConfirmDialog>
    </div>
  );
}
