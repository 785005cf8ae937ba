import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Dialog, Icon, NumberField, SelectField, TextField } from '@/components/ui';
import { formatDuration, formatNumber } from '@/lib/format';
import type { UnitSystem } from '@/lib/units';
import type { WorkoutAction } from '../lib/active-workout';
import type { ActiveBlock } from '../lib/model';
import { historyOf, unconfirmedWarnings } from '../lib/plausibility';
import { usesBarbell } from '../lib/plates';
import { DEFAULT_REST_S } from '../lib/rest-timer';
import { PlateCalculator } from './plate-calculator';
import { SetHeader, SetRow, useDescribeSet } from './set-row';

export interface ExerciseBlockProps {
  block: ActiveBlock;
  index: number;
  count: number;
  system: UnitSystem;
  /** The weight inputs' step in the user's unit (the profile's weight_increment). */
  weightStep: number;
  /** The rest after each set, or after each round in a superset (the group's last exercise's). */
  restS: number | null;
  /** The next exercise's name, when there is one; and whether it is in this one's superset. */
  nextName: string | null;
  linkedToNext: boolean;
  dispatch: (action: WorkoutAction) => void;
}

/** Rest lengths offered in seconds (a routine's own value is added when it is none of these). */
const restChoices = [0, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300];

/** One exercise of the workout in progress: its sets, what last time was, and its tools. */
export function ExerciseBlock({
  block,
  index,
  count,
  system,
  weightStep,
  restS,
  nextName,
  linkedToNext,
  dispatch,
}: ExerciseBlockProps) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeSet();
  const headingId = useId();
  const [platesOpen, setPlatesOpen] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const detailsId = useId();
  // RPE, RIR and notes are optional: folded away unless the block already has some.
  const [detailsOpen, setDetailsOpen] = useState(() => Boolean(block.notes) || block.sets.some((s) => s.rpe != null || s.rir != null));
  const remove = () => dispatch({ type: 'removeBlock', blockKey: block.key });
  const name = block.exercise.name;
  const nextOpen = block.sets.find((s) => !s.done) ?? block.sets[block.sets.length - 1];
  const history = historyOf(block.best, block.previous);
  const lastTime = block.previous.map((s) => describe(s, block.exercise.log_type, system)).filter(Boolean);
  const rest = restS ?? DEFAULT_REST_S;
  const restOptions = (restChoices.includes(rest) ? restChoices : [...restChoices, rest].sort((a, b) => a - b)).map(
    (seconds) => ({
      value: String(seconds),
      label: seconds === 0 ? t('workouts.active.noRest') : formatDuration(seconds, { compact: true }),
    }),
  );

  return (
    <Card className="exercise-block">
      <section aria-labelledby={headingId}>
        <header className="exercise-block__header">
          <h2 id={headingId} className="exercise-block__name">
            {name}
          </h2>
          {block.superset_group !== null ? (
            <Badge tone="accent">{t('workouts.superset', { group: block.superset_group })}</Badge>
          ) : null}
        </header>
        <p className="exercise-block__last">
          {lastTime.length > 0 ? t('workouts.active.lastTime', { sets: lastTime.join(', ') }) : t('workouts.active.firstTime')}
        </p>
        {block.target_percent_1rm != null ? (
          <p className="exercise-block__last">
            {t('workouts.active.planPercent', {
              percent: formatNumber(block.target_percent_1rm, i18n.language, { maxFractionDigits: 1 }),
            })}
          </p>
        ) : null}
        {block.sets.length > 0 ? (
          <>
            <SetHeader logType={block.exercise.log_type} system={system} />
            <ol className="set-list" aria-label={t('workouts.active.setsOf', { exercise: name })}>
              {block.sets.map((set, i) => (
                <SetRow
                  key={set.key}
                  set={set}
                  number={i + 1}
                  exerciseName={name}
                  logType={block.exercise.log_type}
                  previous={block.previous[i]}
                  system={system}
                  weightStep={weightStep}
                  stepper={set.key === nextOpen?.key && !set.done}
                  warnings={unconfirmedWarnings(set, history, block.exercise.equipment)}
                  onChange={(patch) => dispatch({ type: 'updateSet', blockKey: block.key, setKey: set.key, patch })}
                  onToggle={() => dispatch({ type: 'toggleDone', blockKey: block.key, setKey: set.key, now: Date.now() })}
                />
              ))}
            </ol>
          </>
        ) : null}
        <Button variant="ghost" aria-expanded={detailsOpen} aria-controls={detailsId} onClick={() => setDetailsOpen((open) => !open)}>
          {t('workouts.active.effortAndNotes')}
          <span className="visually-hidden"> {t('workouts.active.forExercise', { exercise: name })}</span>
        </Button>
        {detailsOpen ? (
          <div id={detailsId} className="exercise-block__details">
            {block.sets.length > 0 ? (
              <>
                <div className="effort-row effort-row--header" aria-hidden="true">
                  <span>{t('workouts.active.colSet')}</span>
                  <span>{t('workouts.edit.rpe')}</span>
                  <span>{t('workouts.active.rir')}</span>
                </div>
                <ol className="effort-list" aria-label={t('workouts.active.effortOf', { exercise: name })}>
                  {block.sets.map((set, i) => (
                    <li key={set.key} className="effort-row">
                      <span aria-hidden="true">{i + 1}</span>
                      <NumberField
                        hideLabel
                        label={t('workouts.active.inputLabel', { what: t('workouts.edit.rpe'), number: i + 1, exercise: name })}
                        value={set.rpe ?? null}
                        maxFractionDigits={1}
                        min={1}
                        max={10}
                        step={0.5}
                        onValueChange={(rpe) => dispatch({ type: 'updateSet', blockKey: block.key, setKey: set.key, patch: { rpe } })}
                      />
                      <NumberField
                        hideLabel
                        integer
                        label={t('workouts.active.inputLabel', { what: t('workouts.active.rir'), number: i + 1, exercise: name })}
                        value={set.rir ?? null}
                        min={0}
                        max={10}
                        onValueChange={(rir) => dispatch({ type: 'updateSet', blockKey: block.key, setKey: set.key, patch: { rir } })}
                      />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <TextField
              label={t('workouts.edit.exerciseNotes', { exercise: name })}
              value={block.notes ?? ''}
              maxLength={1000}
              onValueChange={(notes) => dispatch({ type: 'setNotes', blockKey: block.key, notes })}
            />
          </div>
        ) : null}
        <SelectField
          className="exercise-block__rest"
          label={
            block.superset_group !== null
              ? t('workouts.active.restRoundOf', { group: block.superset_group, exercise: name })
              : t('workouts.active.restOf', { exercise: name })
          }
          value={String(rest)}
          options={restOptions}
          onValueChange={(value) => dispatch({ type: 'setRest', blockKey: block.key, restS: Number(value), now: Date.now() })}
        />
        <div className="exercise-block__actions">
          <Button variant="secondary" onClick={() => dispatch({ type: 'addSet', blockKey: block.key, system, step: weightStep })}>
            <Icon name="plus" />
            {t('workouts.active.addSet')}
            <span className="visually-hidden">{t('workouts.active.toExercise', { exercise: name })}</span>
          </Button>
          {block.sets.length > 0 ? (
            <Button
              variant="ghost"
              onClick={() => {
                const last = block.sets[block.sets.length - 1];
                if (last) dispatch({ type: 'removeSet', blockKey: block.key, setKey: last.key });
              }}
            >
              {t('workouts.active.removeSet')}
              <span className="visually-hidden">{t('workouts.active.ofExercise', { exercise: name })}</span>
            </Button>
          ) : null}
          {usesBarbell(block.exercise.equipment) ? (
            <Button variant="ghost" onClick={() => setPlatesOpen(true)}>
              <Icon name="plates" />
              {t('workouts.plates.open')}
              <span className="visually-hidden">{t('workouts.active.forExercise', { exercise: name })}</span>
            </Button>
          ) : null}
        </div>
        <div className="exercise-block__order">
          <Button
            variant="ghost"
            disabled={index === 0}
            onClick={() => dispatch({ type: 'moveBlock', blockKey: block.key, by: -1 })}
          >
            <Icon name="up" />
            <span className="visually-hidden">{t('workouts.moveUp', { exercise: name })}</span>
          </Button>
          <Button
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => dispatch({ type: 'moveBlock', blockKey: block.key, by: 1 })}
          >
            <Icon name="down" />
            <span className="visually-hidden">{t('workouts.moveDown', { exercise: name })}</span>
          </Button>
          {nextName !== null ? (
            <Button
              variant="ghost"
              aria-pressed={linkedToNext}
              onClick={() => dispatch({ type: 'linkNext', blockKey: block.key, linked: !linkedToNext })}
            >
              <Icon name="link" />
              {t('workouts.active.supersetNext')}
              <span className="visually-hidden">
                {' '}
                {t('workouts.active.supersetPair', { exercise: name, next: nextName })}
              </span>
            </Button>
          ) : null}
          <Button
            variant="ghost"
            // Ticked sets are work done: removing them asks first.
            onClick={() => (block.sets.some((s) => s.done) ? setConfirmRemove(true) : remove())}
          >
            {t('workouts.remove')}
            <span className="visually-hidden"> {name}</span>
          </Button>
        </div>
      </section>
      <Dialog
        open={confirmRemove}
        title={t('workouts.active.removeTitle', { exercise: name })}
        onClose={() => setConfirmRemove(false)}
      >
        <p>{t('workouts.active.removeBody')}</p>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => setConfirmRemove(false)}>
            {t('workouts.active.keepLogging')}
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              setConfirmRemove(false);
              remove();
            }}
          >
            {t('workouts.remove')}
          </Button>
        </div>
      </Dialog>
      <PlateCalculator
        open={platesOpen}
        onClose={() => setPlatesOpen(false)}
        weightKg={nextOpen?.weight_kg ?? null}
        system={system}
      />
    </Card>
  );
}
