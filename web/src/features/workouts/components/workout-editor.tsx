import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Checkbox, Dialog, ErrorState, NumberField, Notice, SelectField, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useMe } from '@/lib/auth/get-me';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import { isOnline } from '@/lib/network/online';
import { getLastSetsQueryOptions } from '@/lib/exercises/get-last-sets';
import { distanceUnit, fromDisplayDistance, fromDisplayWeight, toDisplayDistance, toDisplayWeight, useUnitSystem, weightUnit } from '@/lib/units';
import { maxDisplayDistance, maxDisplayWeight, SET_DURATION_S_MAX, SET_NOTES_MAX_LENGTH, SET_REPS_MAX } from '@/lib/limits';
import { useUpdateWorkout } from '../api/update-workout';
import { queueEdit } from '../lib/pending-edits';
import { fieldsOf, newId, setTypes, type LogType, type SetType, type Workout } from '../lib/model';
import { historyOf, unconfirmedWarnings, type History, type Warning } from '../lib/plausibility';
import { editedSet, editOf, inputOf, type EditedBlock, type EditedSet, type WorkoutEdit } from '../lib/workout-edit';
import { PlausibilityWarning } from './plausibility-warning';
import { ExerciseSearchSheet } from './exercise-search-sheet';
import { HiddenDetailsField, WorkoutVisibilityField, type HiddenDetail, type WorkoutVisibility } from './visibility-fields';

export interface WorkoutEditorProps {
  workout: Workout;
  /** Saved (true) or cancelled (false). */
  onDone: (saved: boolean) => void;
  /** Loads the workout again after someone else changed it (the form starts over). */
  onReload: () => void;
}

/**
 * Edits a finished workout: its times, title, notes and perceived effort, and its exercises
 * and sets (with RPE, RIR and notes). Saved with If-Match: a workout changed elsewhere in the
 * meantime is not overwritten; the user is offered to reload it.
 */
export function WorkoutEditor({ workout, onDone, onReload }: WorkoutEditorProps) {
  const { t } = useTranslation();
  const [edit, setEdit] = useState<WorkoutEdit>(() => editOf(workout, Intl.DateTimeFormat().resolvedOptions().timeZone));
  const [adding, setAdding] = useState(false);
  const [visibility, setVisibility] = useState<WorkoutVisibility>(workout.visibility ?? 'private');
  const [hide, setHide] = useState<HiddenDetail[]>(workout.hide ?? []);
  const exercises = useExercisesById(edit.blocks.map((b) => b.exercise_id));
  const update = useUpdateWorkout();
  const changedElsewhere = update.error instanceof ApiError && update.error.status === 412;

  const change = (patch: Partial<WorkoutEdit>) => setEdit((e) => ({ ...e, ...patch }));
  const changeBlock = (key: string, patch: (b: EditedBlock) => EditedBlock) =>
    setEdit((e) => ({ ...e, blocks: e.blocks.map((b) => (b.key === key ? patch(b) : b)) }));

  // The typo guard's history: each exercise's best over all workouts (this one's old values
  // included); without an answer (an error, offline) the bounds by kind of exercise apply.
  const exerciseIds = [...new Set(edit.blocks.map((b) => b.exercise_id))];
  const lastSets = useQueries({ queries: exerciseIds.map((id) => ({ ...getLastSetsQueryOptions(id), retry: false })) });
  const historyOfExercise = new Map<string, History>(
    exerciseIds.map((id, i) => {
      const last = lastSets[i]?.data;
      return [id, historyOf(last ? { weight_kg: last.best_weight_kg ?? null, reps: last.best_reps ?? null } : null, [])];
    }),
  );
  const warningsOf = (block: EditedBlock, set: EditedSet): Warning[] =>
    unconfirmedWarnings(set, historyOfExercise.get(block.exercise_id) ?? historyOf(null, []), exercises.byId.get(block.exercise_id)?.equipment ?? []);
  const doubtful = edit.blocks.reduce((n, b) => n + b.sets.filter((s) => warningsOf(b, s).length > 0).length, 0);
  const [askDoubtful, setAskDoubtful] = useState(false);

  const userId = useMe().data?.id;
  const save = () => {
    setAskDoubtful(false);
    const input = { ...inputOf(edit, workout), visibility, hide };
    // No connection: the edit is kept on this device and sent later with the same If-Match
    // (a change made elsewhere meanwhile is then shown as a conflict; see pending-edits.ts).
    const keep = (id: string) => void queueEdit(id, workout.id, workout.rev, input).then(() => onDone(false));
    if (!isOnline() && userId) {
      keep(userId);
      return;
    }
    update.mutate(
      { id: workout.id, rev: workout.rev, input },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (error instanceof ApiError && error.isNetworkError && userId) keep(userId);
        },
      },
    );
  };

  return (
    <form
      className="workout-editor"
      aria-label={t('workouts.edit.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        // Values the typo guard questions are asked about once, then saved as they are.
        if (doubtful > 0) setAskDoubtful(true);
        else save();
      }}
    >
      <TextField label={t('workouts.edit.title')} value={edit.title} maxLength={200} onValueChange={(title) => change({ title })} />
      {/* In the workout's own zone, whichever zone the browser is in now; said once for both. */}
      <fieldset className="workout-editor__times">
        <legend className="field__label">{t('workouts.edit.timesIn', { zone: edit.zone.replaceAll('_', ' ') })}</legend>
        <TextField type="datetime-local" label={t('workouts.edit.started')} value={edit.started} required onValueChange={(started) => change({ started })} />
        <TextField type="datetime-local" label={t('workouts.edit.ended')} value={edit.ended} onValueChange={(ended) => change({ ended })} />
      </fieldset>
      <SelectField
        label={t('workouts.edit.effort')}
        value={edit.perceived_effort === null ? '' : String(edit.perceived_effort)}
        onValueChange={(v) => change({ perceived_effort: v === '' ? null : Number(v) })}
        options={[
          { value: '', label: t('workouts.edit.effortNone') },
          ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: t(`workouts.edit.effortValue`, { value: i + 1 }) })),
        ]}
      />
      <TextField label={t('workouts.edit.notes')} value={edit.notes} maxLength={5000} onValueChange={(notes) => change({ notes })} />

      {edit.blocks.map((block, i) => {
        const exercise = exercises.byId.get(block.exercise_id);
        const name = exercise?.name ?? t('workouts.detail.exercise', { number: i + 1 });
        return (
          <Card key={block.key} className="exercise-block">
            <section aria-label={name}>
              <header className="exercise-block__header">
                <h2 className="exercise-block__name">{name}</h2>
                <Button
                  variant="ghost"
                 
                  onClick={() => setEdit((e) => ({ ...e, blocks: e.blocks.filter((b) => b.key !== block.key) }))}
                >
                  {t('workouts.edit.removeExercise', { exercise: name })}
                </Button>
              </header>
              <ol className="workout-editor__sets">
                {block.sets.map((set, j) => (
                  <EditedSetRow
                    key={set.key}
                    set={set}
                    number={j + 1}
                    exerciseName={name}
                    logType={exercise?.log_type ?? 'weight_reps'}
                    warnings={warningsOf(block, set)}
                    onChange={(patch) =>
                      changeBlock(block.key, (b) => ({ ...b, sets: b.sets.map((s) => (s.key === set.key ? { ...s, ...patch } : s)) }))
                    }
                    onRemove={() => changeBlock(block.key, (b) => ({ ...b, sets: b.sets.filter((s) => s.key !== set.key) }))}
                  />
                ))}
              </ol>
              <Button
                variant="secondary"
               
                onClick={() =>
                  changeBlock(block.key, (b) => {
                    // The values of the last set; how it felt and the plan are not copied.
                    const last = b.sets[b.sets.length - 1];
                    const copy = editedSet(last ? { ...last, rpe: null, rir: null, notes: null, target_reps: null, target_weight_kg: null, target_rir: null } : {});
                    return { ...b, sets: [...b.sets, copy] };
                  })
                }
              >
                {t('workouts.edit.addSet', { exercise: name })}
              </Button>
              <TextField
                label={t('workouts.edit.exerciseNotes', { exercise: name })}
                value={block.notes}
                maxLength={1000}
                onValueChange={(notes) => changeBlock(block.key, (b) => ({ ...b, notes }))}
              />
            </section>
          </Card>
        );
      })}

      <Button variant="secondary" onClick={() => setAdding(true)}>
        {t('workouts.edit.addExercise')}
      </Button>
      <ExerciseSearchSheet
        open={adding}
        onClose={() => setAdding(false)}
        onPick={(exercise) =>
          setEdit((e) => ({
            ...e,
            blocks: [...e.blocks, { key: newId(), exercise_id: exercise.id, superset_group: null, rest_s: null, notes: '', sets: [editedSet()] }],
          }))
        }
      />

      <Dialog open={askDoubtful} title={t('workouts.edit.doubtfulTitle')} onClose={() => setAskDoubtful(false)}>
        <p>{t('workouts.edit.doubtfulBody', { count: doubtful })}</p>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => setAskDoubtful(false)}>
            {t('workouts.edit.checkThem')}
          </Button>
          <Button variant="primary" onClick={save}>
            {t('workouts.edit.saveAnyway')}
          </Button>
        </div>
      </Dialog>

      {changedElsewhere ? (
        <Notice title={t('workouts.edit.changedTitle')}>
          <p>{t('workouts.edit.changedBody')}</p>
          <Button variant="primary" onClick={onReload}>
            {t('workouts.edit.reload')}
          </Button>
        </Notice>
      ) : update.isError ? (
        <ErrorState message={errorMessage(update.error, t)} />
      ) : null}

      <WorkoutVisibilityField value={visibility} onValueChange={(v) => v !== 'default' && setVisibility(v)} />
      <HiddenDetailsField value={hide} onValueChange={setHide} />

      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t('workouts.edit.saving') : t('workouts.edit.save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('forms.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EditedSetRow({
  set,
  number,
  exerciseName,
  logType,
  warnings,
  onChange,
  onRemove,
}: {
  set: EditedSet;
  number: number;
  exerciseName: string;
  logType: LogType;
  warnings: readonly Warning[];
  onChange: (patch: Partial<EditedSet>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [system] = useUnitSystem();
  const label = (what: string) => what;
  return (
    <li className="workout-editor__set">
      <fieldset>
      <legend>{t('workouts.edit.set', { number, exercise: exerciseName })}</legend>
      <SelectField
        label={t('workouts.active.setType', { number, exercise: exerciseName })}
        hideLabel
        value={set.set_type}
        onValueChange={(v) => onChange({ set_type: v as SetType })}
        options={setTypes.map((type) => ({ value: type, label: t(`workouts.setTypes.${type}`) }))}
      />
      {fieldsOf(logType).map((field) => {
        switch (field) {
          case 'weight':
            return (
              <NumberField
                key={field}
                label={label(t('workouts.active.weightIn', { unit: weightUnit(system) }))}
                value={set.weight_kg === null ? null : toDisplayWeight(set.weight_kg, system)}
                onValueChange={(v) => onChange({ weight_kg: v === null ? null : fromDisplayWeight(v, system) })}
                min={0}
                max={maxDisplayWeight(system)}
              />
            );
          case 'reps':
            return (
              <NumberField key={field} integer label={label(t('workouts.active.repsLabel'))} value={set.reps} onValueChange={(v) => onChange({ reps: v })} min={0} max={SET_REPS_MAX} />
            );
          case 'duration':
            return (
              <NumberField
                key={field}
                integer
                label={label(t('workouts.active.secondsLabel'))}
                value={set.duration_s}
                onValueChange={(v) => onChange({ duration_s: v })}
                min={0}
                max={SET_DURATION_S_MAX}
              />
            );
          case 'distance':
            return (
              <NumberField
                key={field}
                label={label(t('workouts.active.distanceIn', { unit: distanceUnit(system) }))}
                value={set.distance_m === null ? null : toDisplayDistance(set.distance_m, system)}
                onValueChange={(v) => onChange({ distance_m: v === null ? null : fromDisplayDistance(v, system) })}
                min={0}
                max={maxDisplayDistance(system)}
              />
            );
        }
      })}
      <NumberField label={label(t('workouts.edit.rpe'))} value={set.rpe} maxFractionDigits={1} onValueChange={(v) => onChange({ rpe: v })} min={1} max={10} />
      <NumberField label={label(t('workouts.edit.rir'))} integer value={set.rir} onValueChange={(v) => onChange({ rir: v })} min={0} max={10} />
      <TextField label={t('workouts.edit.setNote')} value={set.notes} maxLength={SET_NOTES_MAX_LENGTH} onValueChange={(notes) => onChange({ notes })} />
      <PlausibilityWarning
        warnings={warnings}
        system={system}
        number={number}
        exerciseName={exerciseName}
        onConfirm={() => onChange({ confirmed: { weight_kg: set.weight_kg, reps: set.reps } })}
      />
      <Checkbox label={t('workouts.edit.setDone')} checked={set.done} onCheckedChange={(done) => onChange({ done })} />
      <Button variant="ghost" aria-label={t('workouts.edit.removeSetLabel', { number, exercise: exerciseName })} onClick={onRemove}>
        {t('workouts.edit.removeSet')}
      </Button>
      </fieldset>
    </li>
  );
}
