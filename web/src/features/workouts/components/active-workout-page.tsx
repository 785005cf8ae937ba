import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink, Dialog, ErrorState, Icon, TextField } from '@/components/ui';
import { fieldErrorText } from '@/components/ui/field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { formatDuration, formatNumber } from '@/lib/format';
import { formatWeight, useUnitSystem, useWeightIncrement } from '@/lib/units';
import { useCreateWorkout } from '../api/create-workout';
import { getLastSetsQueryOptions } from '@/lib/exercises/get-last-sets';
import { liveTotals, locateFieldError, newBlock, toWorkoutInput, unfinishedSets } from '../lib/active-workout';
import { useActiveWorkout } from '../lib/active-workout-store';
import { exerciseRef, type Exercise, type WorkoutSet } from '../lib/model';
import { performedSets } from '../lib/prefill';
import { groupOf, linkedToNext } from '../lib/superset';
import type { WorkoutPaths } from '../paths';
import { ExerciseBlock } from './exercise-block';
import { ExerciseSearchSheet } from './exercise-search-sheet';
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

const REST_OVER_SHOWN_MS = 10_000;

/** What the server's field names are called on screen. */
const fieldLabels: Record<string, 'workouts.active.repsLabel' | 'workouts.active.weight' | 'workouts.active.time' | 'workouts.active.distance' | 'workouts.active.exercise' | 'workouts.active.titleLabel'> = {
  reps: 'workouts.active.repsLabel',
  weight_kg: 'workouts.active.weight',
  duration_s: 'workouts.active.time',
  distance_m: 'workouts.active.distance',
  exercise_id: 'workouts.active.exercise',
  title: 'workouts.active.titleLabel',
};

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
  useDocumentTitle(t('workouts.active.documentTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { workout, dispatch, clear } = useActiveWorkout(userId);
  const [system] = useUnitSystem();
  const weightStep = useWeightIncrement();
  const [searchOpen, setSearchOpen] = useState(false);
  const [confirm, setConfirm] = useState<'finish' | 'discard' | null>(null);
  const save = useCreateWorkout();
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

  if (!workout) {
    return (
      <div className="workout-page">
        <h1 className="workout-page__title">{t('workouts.active.noneTitle')}</h1>
        <p className="empty-state">{t('workouts.active.noneBody')}</p>
        <ButtonLink to={paths.log} variant="primary">
          {t('workouts.active.toLog')}
        </ButtonLink>
      </div>
    );
  }

  const totals = liveTotals(workout);
  const elapsed = (now - Date.parse(workout.started_at)) / 1000;
  const open = unfinishedSets(workout);

  async function addExercise(exercise: Exercise) {
    // The previous session pre-fills the sets; without it (offline, never done) they start empty.
    const previous: WorkoutSet[] = await queryClient
      .fetchQuery(getLastSetsQueryOptions(exercise.id))
      .then((last) => performedSets(last.items))
      .catch(() => []);
    dispatch({ type: 'addBlock', block: newBlock(exerciseRef(exercise), previous, system, weightStep) });
  }

  function finish() {
    if (!workout) return;
    setConfirm(null);
    const input = toWorkoutInput(workout, { endedAt: Date.now(), timeZone: browserTimeZone() });
    if (!input.title) input.title = t('workouts.defaultTitle');
    save.mutate(input, {
      onSuccess: (saved) => {
        clear();
        const state: FinishedState = { finished: true };
        navigate(paths.workout(saved.id), { replace: true, state });
      },
    });
  }

  return (
    <div className="workout-page workout-page--active">
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

      {save.isError ? (
        <>
          <ErrorState
            title={t('workouts.active.saveFailedTitle')}
            message={`${errorMessage(save.error, t)} ${t('workouts.active.keptLocally')}`}
            onRetry={finish}
          />
          {save.error instanceof ApiError && save.error.fieldErrors.length > 0 ? (
            <ul className="field-problems">
              {save.error.fieldErrors.map(({ field, message }) => {
                const where = locateFieldError(workout, field);
                const labelKey = fieldLabels[where.name];
                const label = labelKey ? t(labelKey) : where.name;
                const problem = fieldErrorText(label, message);
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
          ) : null}
        </>
      ) : null}

      <div className="active-footer">
        <Button
          variant="primary"
          size="lg"
          block
          disabled={save.isPending}
          onClick={() => (open > 0 ? setConfirm('finish') : finish())}
        >
          {save.isPending ? t('workouts.active.saving') : t('workouts.active.finish')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirm('discard')} disabled={save.isPending}>
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

      <Dialog open={confirm === 'finish'} title={t('workouts.active.finishTitle')} onClose={() => setConfirm(null)}>
        <p>{t('workouts.active.finishBody', { count: open })}</p>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {t('workouts.active.keepLogging')}
          </Button>
          <Button variant="primary" onClick={finish}>
            {t('workouts.active.finishAnyway')}
          </Button>
        </div>
      </Dialog>

      <Dialog open={confirm === 'discard'} title={t('workouts.active.discardTitle')} onClose={() => setConfirm(null)}>
        <p>{t('workouts.active.discardBody')}</p>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {t('workouts.active.keepLogging')}
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              setConfirm(null);
              clear();
              navigate(paths.log, { replace: true });
            }}
          >
            {t('workouts.active.discardConfirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
