import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  ErrorState,
  Icon,
  LoadingState,
  NumberField,
  PageHeader,
  SelectField,
  TextField,
  useToast,
} from '@/components/ui';
import { DocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useForm } from '@/lib/forms/use-form';
import { fromDisplayWeight, toDisplayWeight, useUnitSystem, weightUnit } from '@/lib/units';
import { useCreateRoutine } from '../api/create-routine';
import { useDeleteRoutine } from '../api/delete-routine';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import { useRoutine } from '../api/get-routine';
import { useUpdateRoutine } from '../api/update-routine';
import { newId, type Exercise, type Routine, type RoutineInput } from '../lib/model';
import { moveKeepingSupersets, setGroupKeepingSupersets } from '../lib/superset';
import type { WorkoutPaths } from '../paths';
import { ExerciseSearchSheet } from './exercise-search-sheet';
import './workouts.css';
import './programs.css';

export interface RoutineEditorPageProps {
  /** The routine to change; none for a new one. */
  id?: string | undefined;
  paths: WorkoutPaths;
}

/** /routines/new and /routines/:id. */
export function RoutineEditorPage({ id, paths }: RoutineEditorPageProps) {
  if (id === undefined) return <RoutineForm routine={null} paths={paths} />;
  return <ExistingRoutine id={id} paths={paths} />;
}

function ExistingRoutine({ id, paths }: { id: string; paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const routine = useRoutine(id);
  if (routine.isPending) {
    return (
      <div className="workout-page">
        <DocumentTitle title={t('workouts.routines.editDocumentTitle')} />
        <LoadingState label={t('workouts.routines.loadingOne')} />
      </div>
    );
  }
  if (routine.isError) {
    const notFound = routine.error instanceof ApiError && routine.error.status === 404;
    return (
      <div className="workout-page">
        <PageHeader title={t('workouts.routines.notFound')} documentTitle={t('workouts.routines.editDocumentTitle')} />
        {notFound ? null : <ErrorState message={errorMessage(routine.error, t)} onRetry={() => void routine.refetch()} />}
      </div>
    );
  }
  // A new key per routine version: the form starts from what was loaded.
  return <RoutineForm key={routine.data.updated_at} routine={routine.data} paths={paths} />;
}

interface DraftItem {
  key: string;
  exercise_id: string;
  /** Known when added from the search; else looked up by id. */
  name: string | null;
  superset_group: number | null;
  target_sets: number | null;
  target_reps: number | null;
  /** How the load is given: a weight, or a percentage of the one-rep max. */
  load: LoadKind;
  /** Both are kept while editing (switching back restores a value); only `load`'s is saved. */
  target_weight_kg: number | null;
  target_percent_1rm: number | null;
  rest_s: number | null;
}

type LoadKind = 'weight' | 'percent';

/** A %1RM target the API takes (1 to 120) that also makes sense as a plan: 1 to 100 %. */
const PERCENT_1RM_MIN = 1;
const PERCENT_1RM_MAX = 100;

function percentValid(percent: number | null): boolean {
  return percent === null || (percent >= PERCENT_1RM_MIN && percent <= PERCENT_1RM_MAX);
}

const SUPERSET_GROUPS = 9;

function draftsOf(routine: Routine | null): DraftItem[] {
  return (routine?.items ?? []).map((item) => ({
    key: newId(),
    exercise_id: item.exercise_id,
    name: null,
    superset_group: item.superset_group ?? null,
    target_sets: item.target_sets,
    target_reps: item.target_reps ?? null,
    load: item.target_percent_1rm != null ? 'percent' : 'weight',
    target_weight_kg: item.target_weight_kg ?? null,
    target_percent_1rm: item.target_percent_1rm ?? null,
    rest_s: item.rest_s ?? null,
  }));
}

function RoutineForm({ routine, paths }: { routine: Routine | null; paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [system] = useUnitSystem();
  const form = useForm({
    initial: { name: routine?.name ?? '', notes: routine?.notes ?? '' },
    validate: (v) => {
      const name = v.name.trim();
      if (!name) return { name: t('workouts.routines.nameRequired') };
      if (name.length > 100) return { name: t('workouts.routines.nameTooLong') };
      return {};
    },
  });
  const [items, setItems] = useState<DraftItem[]>(() => draftsOf(routine));
  const [shared, setShared] = useState(routine?.visibility === 'public');
  const [itemsError, setItemsError] = useState<string | undefined>();
  const [searchOpen, setSearchOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exercises = useExercisesById(items.filter((i) => i.name === null).map((i) => i.exercise_id));
  const create = useCreateRoutine();
  const update = useUpdateRoutine();
  const remove = useDeleteRoutine();
  const toast = useToast();
  const saving = create.isPending || update.isPending;
  const itemsId = useId();

  const change = (key: string, patch: Partial<DraftItem>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  // Supersets stay together (as in the workout in progress): see moveKeepingSupersets.
  const move = (index: number, by: -1 | 1) => setItems((all) => moveKeepingSupersets(all, index, by));

  function addExercise(exercise: Exercise) {
    setItemsError(undefined);
    setItems((all) => [
      ...all,
      {
        key: newId(),
        exercise_id: exercise.id,
        name: exercise.name,
        superset_group: null,
        target_sets: 3,
        target_reps: exercise.log_type === 'weight_reps' || exercise.log_type === 'reps' ? 10 : null,
        load: 'weight',
        target_weight_kg: null,
        target_percent_1rm: null,
        rest_s: null,
      },
    ]);
  }

  const submit = form.handleSubmit((values) => {
    if (items.some((item) => item.target_sets === null || item.target_sets < 1 || item.target_sets > 50)) {
      setItemsError(t('workouts.routines.setsRequired'));
      return;
    }
    if (items.some((item) => item.load === 'percent' && !percentValid(item.target_percent_1rm))) {
      setItemsError(t('workouts.routines.percentInvalid', { min: PERCENT_1RM_MIN, max: PERCENT_1RM_MAX }));
      return;
    }
    setItemsError(undefined);
    const input: RoutineInput = {
      name: values.name.trim(),
      notes: values.notes.trim() || null,
      items: items.map((item) => ({
        exercise_id: item.exercise_id,
        superset_group: item.superset_group,
        target_sets: item.target_sets ?? 1,
        target_reps: item.target_reps,
        // One load or the other: the chosen kind's value, the other one cleared.
        target_weight_kg: item.load === 'weight' ? item.target_weight_kg : null,
        target_percent_1rm: item.load === 'percent' ? item.target_percent_1rm : null,
        rest_s: item.rest_s,
      })),
      visibility: shared ? 'public' : 'private',
    };
    const done = {
      onSuccess: () => {
        toast({ message: t('workouts.routines.saved') });
        navigate(paths.routines);
      },
      onError: form.showError,
    };
    if (routine) update.mutate({ id: routine.id, rev: routine.rev, input }, done);
    else create.mutate(input, done);
  });

  return (
    <div className="workout-page">
      <PageHeader
        title={routine ? t('workouts.routines.editTitle') : t('workouts.routines.newTitle')}
        documentTitle={routine ? t('workouts.routines.editDocumentTitle') : t('workouts.routines.newDocumentTitle')}
      />
      <form ref={form.formRef} className="form routine-form" onSubmit={submit} noValidate>
        <TextField
          label={t('workouts.routines.name')}
          value={form.values.name}
          onValueChange={(v) => form.setValue('name', v)}
          error={form.errors.name}
          maxLength={100}
          required
        />
        <TextField
          label={t('workouts.routines.notes')}
          value={form.values.notes}
          onValueChange={(v) => form.setValue('notes', v)}
          error={form.errors.notes}
          maxLength={2000}
        />

        <section aria-labelledby={itemsId} className="workout-section">
          <h2 id={itemsId} className="workout-section__title">
            {t('workouts.routines.exercises')}
          </h2>
          {items.length === 0 ? <p className="empty-state">{t('workouts.routines.noItems')}</p> : null}
          <ol className="routine-items">
            {items.map((item, index) => {
              const name = item.name ?? exercises.byId.get(item.exercise_id)?.name ?? item.exercise_id;
              return (
                <li key={item.key}>
                  <Card className="routine-item">
                    <fieldset className="routine-item__fieldset">
                    <legend className="routine-item__name">
                      <span className="routine-item__number">{index + 1}.</span> {name}
                      {item.superset_group !== null ? (
                        <>
                          {' '}
                          <Badge tone="accent">{t('workouts.superset', { group: item.superset_group })}</Badge>
                        </>
                      ) : null}
                    </legend>
                    <div className="routine-item__fields">
                      <NumberField
                        label={t('workouts.routines.targetSets')}
                        integer
                        min={1}
                        max={50}
                        value={item.target_sets}
                        onValueChange={(v) => change(item.key, { target_sets: v })}
                      />
                      <NumberField
                        label={t('workouts.routines.targetReps')}
                        integer
                        min={0}
                        max={1000}
                        value={item.target_reps}
                        onValueChange={(v) => change(item.key, { target_reps: v })}
                      />
                      <SelectField
                        label={t('workouts.routines.loadAs')}
                        value={item.load}
                        onValueChange={(v) => change(item.key, { load: v === 'percent' ? 'percent' : 'weight' })}
                        options={[
                          { value: 'weight', label: weightUnit(system) },
                          { value: 'percent', label: t('workouts.routines.percent1rm') },
                        ]}
                      />
                      {item.load === 'weight' ? (
                        <NumberField
                          key="weight"
                          label={t('workouts.routines.targetWeight', { unit: weightUnit(system) })}
                          min={0}
                          max={system === 'imperial' ? 4400 : 2000}
                          value={item.target_weight_kg === null ? null : toDisplayWeight(item.target_weight_kg, system)}
                          onValueChange={(v) => change(item.key, { target_weight_kg: v === null ? null : fromDisplayWeight(v, system) })}
                        />
                      ) : (
                        <NumberField
                          key="percent"
                          label={t('workouts.routines.targetPercent')}
                          unit="%"
                          maxFractionDigits={1}
                          value={item.target_percent_1rm}
                          placeholder="75"
                          error={
                            percentValid(item.target_percent_1rm)
                              ? undefined
                              : t('workouts.routines.percentRange', { min: PERCENT_1RM_MIN, max: PERCENT_1RM_MAX })
                          }
                          onValueChange={(v) => change(item.key, { target_percent_1rm: v })}
                        />
                      )}
                      <NumberField
                        label={t('workouts.routines.rest')}
                        integer
                        min={0}
                        max={3600}
                        value={item.rest_s}
                        placeholder="90"
                        onValueChange={(v) => change(item.key, { rest_s: v })}
                      />
                      <SelectField
                        label={t('workouts.routines.superset')}
                        value={item.superset_group === null ? '' : String(item.superset_group)}
                        onValueChange={(v) =>
                          setItems((all) => setGroupKeepingSupersets(all, index, v === '' ? null : Number(v)))
                        }
                        options={[
                          { value: '', label: t('workouts.routines.noSuperset') },
                          ...Array.from({ length: SUPERSET_GROUPS }, (_, i) => ({
                            value: String(i + 1),
                            label: t('workouts.superset', { group: i + 1 }),
                          })),
                        ]}
                      />
                    </div>
                    <div className="routine-item__actions">
                      <Button variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                        <Icon name="up" />
                        <span className="visually-hidden">{t('workouts.moveUp', { exercise: name })}</span>
                      </Button>
                      <Button variant="ghost" disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                        <Icon name="down" />
                        <span className="visually-hidden">{t('workouts.moveDown', { exercise: name })}</span>
                      </Button>
                      <Button variant="ghost" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}>
                        {t('workouts.remove')}
                        <span className="visually-hidden"> {name}</span>
                      </Button>
                    </div>
                    </fieldset>
                  </Card>
                </li>
              );
            })}
          </ol>
          {itemsError ? (
            <p className="field__error" role="alert">
              {itemsError}
            </p>
          ) : null}
          <Button variant="secondary" block onClick={() => setSearchOpen(true)}>
            <Icon name="plus" />
            {t('workouts.active.addExercise')}
          </Button>
        </section>

        <div className="routine-form__share">
          <Checkbox label={t('workouts.routines.share')} checked={shared} onCheckedChange={setShared} />
          <p className="routine-card__meta">{t('workouts.routines.shareHint')}</p>
        </div>

        {form.formError ? <ErrorState message={form.formError} /> : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" size="lg" disabled={saving}>
            {saving ? t('workouts.routines.saving') : t('workouts.routines.save')}
          </Button>
          {routine ? (
            <Button variant="destructive-subtle" onClick={() => setConfirmDelete(true)}>
              {t('workouts.routines.delete')}
            </Button>
          ) : null}
        </div>
      </form>

      <ExerciseSearchSheet open={searchOpen} onClose={() => setSearchOpen(false)} onPick={addExercise} />

      {routine ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('workouts.routines.deleteTitle', { name: routine.name })}
          cancelLabel={t('forms.cancel')}
          confirmLabel={t('workouts.routines.deleteConfirm')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(routine.id, {
              onSuccess: () => {
                toast({ message: t('workouts.routines.deleted') });
                navigate(paths.routines, { replace: true });
              },
            })
          }
        >
          <p>{t('workouts.routines.deleteBody')}</p>
          {remove.isError ? <ErrorState message={errorMessage(remove.error, t)} /> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
