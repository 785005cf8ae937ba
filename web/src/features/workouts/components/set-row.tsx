import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, NumberField, TextField } from '@/components/ui';
import { maxDisplayDistance, maxDisplayWeight, SET_DURATION_S_MAX, SET_NOTES_MAX_LENGTH, SET_REPS_MAX } from '@/lib/limits';
import { formatNumber } from '@/lib/format';
import {
  distanceUnit,
  formatDistance,
  formatWeight,
  fromDisplayDistance,
  fromDisplayWeight,
  stepValue,
  toDisplayDistance,
  toDisplayWeight,
  weightUnit,
  type UnitSystem,
} from '@/lib/units';
import { useSwipe } from '../hooks/use-swipe';
import type { SetPatch } from '../lib/active-workout';
import type { Warning } from '../lib/plausibility';
import { PlausibilityWarning } from './plausibility-warning';
import { fieldsOf, setTypes, type ActiveSet, type LogType, type SetType, type WorkoutSet } from '../lib/model';

export interface SetRowProps {
  set: ActiveSet;
  /** 1-based position, as people count sets. */
  number: number;
  exerciseName: string;
  logType: LogType;
  previous: WorkoutSet | undefined;
  system: UnitSystem;
  /** The step of the weight input and its -/+ buttons, in the user's unit. */
  weightStep: number;
  /** Show -/+ buttons for the weight (the set that is next). */
  stepper?: boolean;
  onChange: (patch: SetPatch) => void;
  onToggle: () => void;
  /** What the typo guard questions in this set, not yet confirmed (plausibility.ts). */
  warnings?: readonly Warning[];
}

/** The letter on a set's badge: its number for a normal set, else the type's initial. */
function badge(setType: SetType, number: number, t: (key: `workouts.setTypeShort.${SetType}`) => string): string {
  return setType === 'normal' ? String(number) : t(`workouts.setTypeShort.${setType}`);
}

/** Minutes for runs and rows (distance and time), seconds for holds and carries. */
export function durationInMinutes(logType: LogType): boolean {
  return logType === 'distance_duration';
}

/** "60 kg × 8", "12 reps", "1:30", "5 km in 25:00": a set in a few characters. */
export function useDescribeSet() {
  const { t, i18n } = useTranslation();
  return (set: WorkoutSet, logType: LogType, system: UnitSystem): string => {
    const parts: string[] = [];
    for (const field of fieldsOf(logType)) {
      if (field === 'weight' && set.weight_kg != null) parts.push(formatWeight(set.weight_kg, system, i18n.language));
      if (field === 'reps' && set.reps != null) parts.push(t('workouts.reps', { count: set.reps }));
      if (field === 'duration' && set.duration_s != null) parts.push(formatClock(set.duration_s));
      if (field === 'distance' && set.distance_m != null) parts.push(formatDistance(set.distance_m, system, i18n.language));
    }
    return parts.join(' × ');
  };
}

function formatClock(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * One set on the logging screen: its type (the badge is a native select underneath, so
 * the picker is the platform's), big inputs for what the exercise records, and the tick.
 * A sideways swipe across the row ticks it too (and unticks a ticked one), exactly as the
 * tick button does; the next set's weight has -/+ buttons of the user's weight step.
 */
export function SetRow({
  set,
  number,
  exerciseName,
  logType,
  previous,
  system,
  weightStep,
  stepper = false,
  onChange,
  onToggle,
  warnings = [],
}: SetRowProps) {
  const { t, i18n } = useTranslation();
  const swipe = useSwipe<HTMLLIElement>(onToggle, { swipingClass: 'set-row--swiping', armedClass: 'set-row--swipe-armed' });
  const describe = useDescribeSet();
  const fields = fieldsOf(logType);
  const minutes = durationInMinutes(logType);
  const label = (what: string) => t('workouts.active.inputLabel', { what, number, exercise: exerciseName });
  const previousText = previous ? describe(previous, logType, system) : '';
  // The note is folded away behind a small button, so the row keeps its width for the numbers.
  const [noteOpen, setNoteOpen] = useState(false);
  const noteId = useId();
  const hasNote = Boolean(set.notes?.trim());

  return (
    <li ref={swipe.ref} className={set.done ? 'set-row set-row--done' : 'set-row'} {...swipe.handlers}>
      <span className="set-row__type">
        <span className="set-row__badge" aria-hidden="true">
          {badge(set.set_type, number, t)}
        </span>
        <select
          className="set-row__type-select"
          aria-label={t('workouts.active.setType', { number, exercise: exerciseName })}
          value={set.set_type}
          onChange={(event) => onChange({ set_type: event.target.value as SetType })}
        >
          {setTypes.map((type) => (
            <option key={type} value={type}>
              {t(`workouts.setTypes.${type}`)}
            </option>
          ))}
        </select>
      </span>
      <span className="set-row__previous">{previousText || '–'}</span>
      <span className="set-row__inputs">
        {fields.map((field) => {
          switch (field) {
            case 'weight':
              return (
                <NumberField
                  key={field}
                  size="lg"
                  hideLabel
                  className="set-row__field"
                  label={label(t('workouts.active.weightIn', { unit: weightUnit(system) }))}
                  value={set.weight_kg === null ? null : toDisplayWeight(set.weight_kg, system)}
                  onValueChange={(v) => onChange({ weight_kg: v === null ? null : fromDisplayWeight(v, system) })}
                  min={0}
                  max={maxDisplayWeight(system)}
                  step={weightStep}
                />
              );
            case 'reps':
              return (
                <NumberField
                  key={field}
                  size="lg"
                  hideLabel
                  integer
                  className="set-row__field"
                  label={label(t('workouts.active.repsLabel'))}
                  value={set.reps}
                  onValueChange={(v) => onChange({ reps: v })}
                  min={0}
                  max={SET_REPS_MAX}
                />
              );
            case 'duration':
              return (
                <NumberField
                  key={field}
                  size="lg"
                  hideLabel
                  integer={!minutes}
                  maxFractionDigits={1}
                  className="set-row__field"
                  label={label(minutes ? t('workouts.active.minutesLabel') : t('workouts.active.secondsLabel'))}
                  value={set.duration_s === null ? null : minutes ? set.duration_s / 60 : set.duration_s}
                  onValueChange={(v) => onChange({ duration_s: v === null ? null : minutes ? Math.round(v * 60) : v })}
                  min={0}
                  max={minutes ? SET_DURATION_S_MAX / 60 : SET_DURATION_S_MAX}
                />
              );
            case 'distance':
              return (
                <NumberField
                  key={field}
                  size="lg"
                  hideLabel
                  className="set-row__field"
                  label={label(t('workouts.active.distanceIn', { unit: distanceUnit(system) }))}
                  value={set.distance_m === null ? null : toDisplayDistance(set.distance_m, system)}
                  onValueChange={(v) => onChange({ distance_m: v === null ? null : fromDisplayDistance(v, system) })}
                  min={0}
                  max={maxDisplayDistance(system)}
                />
              );
          }
        })}
      </span>
      <button
        type="button"
        className={hasNote ? 'set-row__note-toggle set-row__note-toggle--has-note' : 'set-row__note-toggle'}
        aria-expanded={noteOpen}
        aria-controls={noteOpen ? noteId : undefined}
        aria-label={t(hasNote ? 'workouts.active.editSetNote' : 'workouts.active.addSetNote', { number, exercise: exerciseName })}
        onClick={() => setNoteOpen((open) => !open)}
      >
        <span aria-hidden="true">✎</span>
      </button>
      <button
        type="button"
        className="set-row__tick"
        aria-pressed={set.done}
        aria-label={t('workouts.active.done', { number, exercise: exerciseName })}
        onClick={onToggle}
      >
        <Icon name="check" />
      </button>
      {warnings.length > 0 ? (
        <div className="set-row__warning">
          <PlausibilityWarning
            warnings={warnings}
            system={system}
            number={number}
            exerciseName={exerciseName}
            onConfirm={() => onChange({ confirmed: { weight_kg: set.weight_kg, reps: set.reps } })}
          />
        </div>
      ) : null}
      {noteOpen ? (
        <div id={noteId} className="set-row__note">
          <TextField
            label={t('workouts.active.setNote', { number, exercise: exerciseName })}
            value={set.notes ?? ''}
            maxLength={SET_NOTES_MAX_LENGTH}
            onValueChange={(notes) => onChange({ notes })}
          />
        </div>
      ) : hasNote ? (
        <p className="set-row__note-text">{set.notes}</p>
      ) : null}
      {/* Under the inputs, on a row of its own (after the tick in the reading order too). */}
      {stepper && fields.includes('weight') ? (
        <WeightStepper
          weightKg={set.weight_kg ?? set.target_weight_kg ?? previous?.weight_kg ?? null}
          step={weightStep}
          system={system}
          what={t('workouts.active.stepperOf', { number, exercise: exerciseName })}
          stepText={`${formatNumber(weightStep, i18n.language, { maxFractionDigits: 2 })} ${weightUnit(system)}`}
          onChange={(kg) => onChange({ weight_kg: kg })}
        />
      ) : null}
    </li>
  );
}

/** -/+ buttons under a set's weight: one step of the user's weight increment each. */
function WeightStepper({
  weightKg,
  step,
  system,
  what,
  stepText,
  onChange,
}: {
  weightKg: number | null;
  step: number;
  system: UnitSystem;
  what: string;
  stepText: string;
  onChange: (kg: number) => void;
}) {
  const press = (direction: 1 | -1) => {
    const shown = weightKg === null ? 0 : toDisplayWeight(weightKg, system);
    onChange(fromDisplayWeight(stepValue(shown, step, direction), system));
  };
  return (
    <span className="set-row__stepper">
      <button type="button" className="set-row__step" onClick={() => press(-1)}>
        −{stepText}
        <span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="set-row__step" onClick={() => press(1)}>
        +{stepText}
        <span className="visually-hidden"> {what}</span>
      </button>
    </span>
  );
}

/** The column headings above the sets (for sighted users; each input has its own label). */
export function SetHeader({ logType, system }: { logType: LogType; system: UnitSystem }) {
  const { t } = useTranslation();
  const minutes = durationInMinutes(logType);
  return (
    <div className="set-row set-row--header" aria-hidden="true">
      <span className="set-row__type">{t('workouts.active.colSet')}</span>
      <span className="set-row__previous">{t('workouts.active.colPrevious')}</span>
      <span className="set-row__inputs">
        {fieldsOf(logType).map((field) => (
          <span key={field} className="set-row__heading">
            {field === 'weight'
              ? weightUnit(system)
              : field === 'reps'
                ? t('workouts.active.colReps')
                : field === 'duration'
                  ? minutes
                    ? t('units.min')
                    : t('units.s')
                  : distanceUnit(system)}
          </span>
        ))}
      </span>
      <span className="set-row__note-heading" />
      <span className="set-row__tick-heading">{t('workouts.active.colDone')}</span>
    </div>
  );
}
