import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Button,
  Card,
  ChoiceGroup,
  ErrorState,
  LoadingState,
  NumberField,
  PageHeader,
  RadioGroup,
  SelectField,
  TextField,
} from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useForm, type FieldErrors } from '@/lib/forms/use-form';
import { useUnitSystem } from '@/lib/units';
import { useCreateGoal } from '../api/create-goal';
import { useGoal } from '../api/get-goal';
import { useMeasurementKinds } from '../api/list-measurement-kinds';
import { useGoalPreview } from '../api/preview-goal';
import { useUpdateGoal } from '../api/update-goal';
import { newGoalId } from '../lib/new-goal-id';
import {
  checkGoalForm,
  emptyGoalForm,
  formToInput,
  goalMetrics,
  goalToForm,
  isBuiltInKind,
  metricSpecs,
  muscles,
  periods,
  requiresFilter,
  sports,
  targetUnitLabel,
  usesFilter,
  type Goal,
  type GoalFormValues,
  type GoalInput,
} from '../lib/metrics';
import { ExercisePicker } from './exercise-picker';
import { GoalProgressView } from './goal-progress-view';
import type { GoalsPaths } from './goals-page';
import './goals.css';

/** How long the form waits after the last change before asking for a preview. */
export const PREVIEW_DELAY_MS = 300;

/** /goals/new, or /goals/:id/edit with `id`. */
export function GoalEditorPage({ id, paths, timeZone }: { id?: string | undefined; paths: GoalsPaths; timeZone: string }) {
  if (id === undefined) return <GoalEditor paths={paths} timeZone={timeZone} />;
  return <LoadedGoalEditor key={id} id={id} paths={paths} timeZone={timeZone} />;
}

function LoadedGoalEditor({ id, paths, timeZone }: { id: string; paths: GoalsPaths; timeZone: string }) {
  const { t } = useTranslation();
  const goal = useGoal(id);
  const kinds = useMeasurementKinds(goal.data?.metric === 'measurement');
  if (goal.isPending) return <LoadingState label={t('goals.loading')} />;
  if (goal.isError) {
    return (
      <div className="goals-page">
        <PageHeader title={t('goals.editor.editTitle')} back={<Link to={paths.goals}>{t('goals.backToGoals')}</Link>} />
        <ErrorState message={errorMessage(goal.error, t)} onRetry={() => void goal.refetch()} />
      </div>
    );
  }
  // A measurement goal's target is shown in its kind's unit: wait for the kinds.
  if (goal.data.metric === 'measurement' && kinds.isPending) return <LoadingState label={t('goals.loading')} />;
  return (
    <GoalEditor
      goal={goal.data}
      paths={paths}
      timeZone={timeZone}
      onReload={async () => (await goal.refetch()).data}
    />
  );
}

interface GoalEditorProps {
  /** The goal being changed; none: a new goal. */
  goal?: Goal;
  paths: GoalsPaths;
  timeZone: string;
  /** Reads the goal again (after a 412), answering with it. */
  onReload?: () => Promise<Goal | undefined>;
}

function GoalEditor({ goal, paths, timeZone, onReload }: GoalEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [system] = useUnitSystem();
  const kinds = useMeasurementKinds();
  const unitOfKind = (kind: string) => kinds.data?.items.find((k) => k.kind === kind)?.unit;
  const [id] = useState(() => goal?.id ?? newGoalId());
  // The revision the form shows: a refetch in the background (window focus) must not move it,
  // or a save would overwrite a change made elsewhere that the user never saw.
  const [rev, setRev] = useState(goal?.rev ?? 0);
  const validate = (values: GoalFormValues): FieldErrors<GoalFormValues> => {
    const problems = checkGoalForm(values);
    const errors: FieldErrors<GoalFormValues> = {};
    for (const field of Object.keys(problems) as Array<keyof GoalFormValues & string>) {
      const problem = problems[field];
      if (problem) errors[field] = t(`goals.editor.problems.${problem}`);
    }
    return errors;
  };
  const form = useForm<GoalFormValues>({
    initial: goal ? goalToForm(goal, system, unitOfKind(goal.measurement_kind ?? '')) : emptyGoalForm(),
    validate,
  });
  const { values, setValue, errors } = form;
  const spec = metricSpecs[values.metric];
  const measurementUnit = usesFilter(values.metric, 'measurement_kind') ? unitOfKind(values.measurement_kind) : undefined;
  const input = useMemo(() => formToInput(values, system, measurementUnit), [values, system, measurementUnit]);
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const [conflict, setConflict] = useState(false);
  const saving = create.isPending || update.isPending;

  const save = (formValues: GoalFormValues) => {
    const body = formToInput(formValues, system, measurementUnit);
    if (!body) return;
    setConflict(false);
    const done = { onSuccess: (saved: Goal) => void navigate(paths.goal(saved.id)) };
    if (goal) {
      update.mutate(
        { id: goal.id, rev, input: body },
        {
          ...done,
          onError: (error) => {
            if (error instanceof ApiError && error.status === 412) {
              // Changed in another tab or on another device since this page read it: show the
              // goal as it is now, to change again, rather than overwrite that change.
              setConflict(true);
              void onReload?.().then((fresh) => {
                if (!fresh) return;
                setRev(fresh.rev);
                form.reset(goalToForm(fresh, system, unitOfKind(fresh.measurement_kind ?? '')));
              });
              return;
            }
            form.showError(error);
          },
        },
      );
    } else {
      create.mutate({ ...body, id }, { ...done, onError: form.showError });
    }
  };

  const problemText = (field: keyof GoalFormValues & string) => errors[field];
  const kindOptions = kinds.data?.items ?? [];
  const metricHintId = useId();
  const unitLabel = targetUnitLabel(spec.target, system, measurementUnit);

  return (
    <div className="goals-page">
      <PageHeader
        title={goal ? t('goals.editor.editTitle') : t('goals.editor.newTitle')}
        back={<Link to={goal ? paths.goal(goal.id) : paths.goals}>{goal ? goal.title : t('goals.backToGoals')}</Link>}
      />
      {conflict ? <ErrorState title={t('goals.conflict.title')} message={t('goals.conflict.body')} /> : null}
      <form ref={form.formRef} className="goal-editor" noValidate onSubmit={form.handleSubmit(save)}>
        <SelectField
          label={t('goals.editor.metric')}
          value={values.metric}
          onValueChange={(metric) => setValue('metric', metric as GoalFormValues['metric'])}
          options={goalMetrics.map((m) => ({ value: m, label: t(`goals.metrics.${m}`) }))}
          error={problemText('metric')}
          aria-describedby={metricHintId}
        />
        <p id={metricHintId} className="field__hint goal-editor__hint">
          {t(`goals.metricHints.${values.metric}`)}
        </p>

        {usesFilter(values.metric, 'sport') ? (
          <SelectField
            label={t('goals.editor.sport')}
            value={values.sport}
            onValueChange={(sport) => setValue('sport', sport as GoalFormValues['sport'])}
            options={[
              { value: '', label: t('goals.editor.anySport') },
              ...sports.map((s) => ({ value: s, label: t(`activity.sports.${s}`) })),
            ]}
            error={problemText('sport')}
          />
        ) : null}

        {usesFilter(values.metric, 'exercise') ? (
          <ExercisePicker
            exerciseId={values.exercise_id}
            onChange={(exerciseId) => setValue('exercise_id', exerciseId)}
            required={requiresFilter(values.metric, 'exercise')}
            error={problemText('exercise_id')}
          />
        ) : null}

        {usesFilter(values.metric, 'muscle') ? (
          <SelectField
            label={t('goals.editor.muscle')}
            value={values.muscle}
            onValueChange={(muscle) => setValue('muscle', muscle as GoalFormValues['muscle'])}
            options={[
              { value: '', label: t('goals.editor.chooseMuscle') },
              ...muscles.map((m) => ({ value: m, label: t(`exercises.muscles.${m}`) })),
            ]}
            error={problemText('muscle')}
          />
        ) : null}

        {usesFilter(values.metric, 'measurement_kind') ? (
          kindOptions.length === 0 && !kinds.isPending ? (
            <p className="field__hint">{t('goals.editor.noMeasurements')}</p>
          ) : (
            <SelectField
              label={t('goals.editor.measurementKind')}
              value={values.measurement_kind}
              onValueChange={(kind) => setValue('measurement_kind', kind)}
              options={[
                { value: '', label: t('goals.editor.chooseMeasurement') },
                ...kindOptions.map((k) => ({ value: k.kind, label: kindLabel(k.kind, t) })),
              ]}
              error={problemText('measurement_kind')}
            />
          )
        ) : null}

        {usesFilter(values.metric, 'reps') ? (
          <NumberField
            label={t('goals.editor.reps')}
            integer
            min={1}
            value={values.reps}
            onValueChange={(reps) => setValue('reps', reps)}
            error={problemText('reps')}
          />
        ) : null}

        {usesFilter(values.metric, 'min_sessions') ? (
          <NumberField
            label={t('goals.editor.minSessions')}
            hint={t('goals.editor.minSessionsHint')}
            integer
            min={1}
            value={values.min_sessions}
            onValueChange={(n) => setValue('min_sessions', n)}
            error={problemText('min_sessions')}
          />
        ) : null}

        {spec.target === 'duration' ? (
          <ChoiceGroup legend={t('goals.editor.target')} error={problemText('target')} className="goal-editor__duration">
            <NumberField
              label={t('goals.editor.hours')}
              integer
              min={0}
              unit={t('goals.editor.hoursUnit')}
              value={values.target_hours}
              onValueChange={(hours) => setValue('target_hours', hours)}
            />
            <NumberField
              label={t('goals.editor.minutes')}
              integer
              min={0}
              max={59}
              unit={t('goals.editor.minutesUnit')}
              value={values.target_minutes}
              onValueChange={(minutes) => setValue('target_minutes', minutes)}
            />
          </ChoiceGroup>
        ) : (
          <NumberField
            label={t('goals.editor.target')}
            unit={unitLabel || undefined}
            integer={spec.target === 'count' || spec.target === 'weeks'}
            min={0}
            value={values.target}
            onValueChange={(target) => setValue('target', target)}
            error={problemText('target')}
          />
        )}

        {spec.directional ? (
          <RadioGroup
            legend={t('goals.editor.direction')}
            name="direction"
            value={values.direction}
            onValueChange={(direction) => setValue('direction', direction)}
            options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`goals.directions.${d}`) }))}
            error={problemText('direction')}
          />
        ) : null}

        <RadioGroup
          legend={t('goals.editor.period')}
          name="period"
          value={values.period}
          onValueChange={(period) => setValue('period', period)}
          options={periods.map((p) => ({ value: p, label: t(`goals.periods.${p}`) }))}
          error={problemText('period')}
        />
        {values.period === 'once' ? (
          <div className="goal-editor__dates">
            <TextField
              type="date"
              label={t('goals.editor.startDate')}
              hint={t('goals.editor.startDateHint')}
              value={values.start_date}
              onValueChange={(day) => setValue('start_date', day)}
              error={problemText('start_date')}
            />
            <TextField
              type="date"
              label={t('goals.editor.deadline')}
              value={values.deadline}
              onValueChange={(day) => setValue('deadline', day)}
              error={problemText('deadline')}
              required
            />
          </div>
        ) : null}

        <TextField
          label={t('goals.editor.title')}
          hint={t('goals.editor.titleHint')}
          value={values.title}
          onValueChange={(title) => setValue('title', title)}
          maxLength={100}
          error={problemText('title')}
        />

        <GoalPreview input={input} timeZone={timeZone} measurementUnit={measurementUnit} />

        {form.formError ? <ErrorState message={form.formError} /> : null}
        <div className="goal-editor__actions">
          <Button type="submit" disabled={saving}>
            {saving ? t('goals.editor.saving') : goal ? t('goals.editor.save') : t('goals.editor.create')}
          </Button>
          <Link to={goal ? paths.goal(goal.id) : paths.goals} className="goal-editor__cancel">
            {t('goals.editor.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** A built-in kind's name in the user's language; a kind of the user's own as they wrote it. */
function kindLabel(kind: string, t: TFunction): string {
  return isBuiltInKind(kind) ? t(`body.kinds.${kind}`) : kind;
}

/**
 * What the goal would show now, asked again a moment after the last change while the form is
 * valid. The answer to the latest input wins: each input is its own query.
 */
function GoalPreview({
  input,
  timeZone,
  measurementUnit,
}: {
  input: GoalInput | null;
  timeZone: string;
  measurementUnit: string | undefined;
}) {
  const { t } = useTranslation();
  const [system] = useUnitSystem();
  const headingId = useId();
  const debounced = useDebounced(input, PREVIEW_DELAY_MS);
  const preview = useGoalPreview(debounced);
  return (
    <Card className="goal-preview" aria-labelledby={headingId} role="region">
      <h2 id={headingId} className="goal-preview__title">
        {t('goals.preview.title')}
      </h2>
      {input === null ? (
        <p className="goal-preview__note">{t('goals.preview.incomplete')}</p>
      ) : preview.isError ? (
        <ErrorState inline message={errorMessage(preview.error, t)} />
      ) : preview.data && debounced ? (
        <div aria-busy={preview.isFetching || debounced !== input}>
          <GoalProgressView
            progress={preview.data}
            metric={debounced.metric}
            period={debounced.period}
            direction={debounced.direction}
            system={system}
            timeZone={timeZone}
            measurementUnit={measurementUnit}
            labelledBy={headingId}
          />
        </div>
      ) : (
        <p className="goal-preview__note" role="status">
          {t('goals.preview.loading')}
        </p>
      )}
    </Card>
  );
}

/** `value`, once it has not changed for `delayMs` (compared by content). */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // `key` stands for `value`: a new object with the same content does not restart the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return settled;
}
