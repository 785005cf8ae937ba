import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink, Card, ErrorState, PageHeader, SelectField, TextField, useToast } from '@/components/ui';
import { useForm, type FieldErrors } from '@/lib/forms/use-form';
import { distanceUnit, useUnitSystem } from '@/lib/units';
import { useMe } from '@/lib/auth/get-me';
import {
  cardioSports,
  checkCardioForm,
  NOTES_MAX,
  TITLE_MAX,
  type CardioFormValues,
  type CardioProblem,
} from '../lib/cardio';
import { newId } from '../lib/model';
import { discardPendingWorkout, queueFinishedWorkout, syncPendingWorkout } from '../lib/pending-workouts';
import { useOnWorkoutSaved } from './pending-workouts';
import type { WorkoutPaths } from '../paths';
import type { FinishedState } from './active-workout-page';
import { WorkoutVisibilityField, type VisibilityChoice } from './visibility-fields';
import './workouts.css';

export interface CardioPageProps {
  /** The user's time zone (profile preferences): the date and time typed are read in it. */
  timeZone: string;
  paths: WorkoutPaths;
}

/** Today's date and the time now on the wall clock of `timeZone`. */
function nowIn(timeZone: string): { date: string; time: string } {
  const at = (zone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date())
        .map((p) => [p.type, p.value]),
    );
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  };
  try {
    return at(timeZone);
  } catch {
    return at('UTC');
  }
}

/** /log/cardio: record a cardio session done without the app, by hand. */
export function CardioPage({ timeZone, paths }: CardioPageProps) {
  const { t } = useTranslation();
  const [system] = useUnitSystem();
  const navigate = useNavigate();
  const userId = useMe().data?.id ?? '';
  const onSaved = useOnWorkoutSaved();
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  // One id for this session. It goes through the outbox like a finished strength workout: kept
  // on this device with its Idempotency-Key before it is sent, so a session logged offline or
  // whose answer was lost is saved exactly once, when the connection allows.
  const [id] = useState(newId);
  const notesId = useId();
  const [start] = useState(() => nowIn(timeZone));
  const [visibility, setVisibility] = useState<VisibilityChoice>('default');
  const form = useForm<CardioFormValues>({
    initial: {
      'cardio.sport': 'run',
      started_at: start.date,
      start_time: start.time,
      'cardio.duration_s': '',
      'cardio.distance_m': '',
      'cardio.elevation_gain_m': '',
      'cardio.avg_heart_rate': '',
      'cardio.max_heart_rate': '',
      'cardio.calories_kcal': '',
      title: '',
      notes: '',
    },
    validate: (values) => {
      const { errors } = checkCardioForm(values, system, timeZone);
      const messages: FieldErrors<CardioFormValues> = {};
      for (const [field, problem] of Object.entries(errors) as Array<[keyof CardioFormValues, CardioProblem]>) {
        messages[field] = t(`workouts.cardio.errors.${problem}`);
      }
      return messages;
    },
  });
  const { values, setValue, errors } = form;

  const submit = form.handleSubmit((v) => {
    const { input } = checkCardioForm(v, system, timeZone);
    if (!input) return;
    input.title ??= t(`activity.sports.${v['cardio.sport'] as (typeof cardioSports)[number]}`);
    void (async () => {
      setSaving(true);
      try {
        await queueFinishedWorkout(userId, undefined, {
          ...input,
          id,
          ...(visibility === 'default' ? {} : { visibility }),
        });
      } catch (error) {
        // Not stored on this device: nothing was sent; the form keeps what was typed.
        setSaving(false);
        form.showError(error);
        return;
      }
      const outcome = await syncPendingWorkout(userId, id, onSaved);
      setSaving(false);
      if (outcome.kind === 'saved' || outcome.kind === 'conflict') {
        const state: FinishedState = { finished: true };
        navigate(paths.workout(id), { replace: true, state });
      } else if (outcome.kind === 'refused') {
        // The form shows why; saving again queues the corrected session anew.
        await discardPendingWorkout(userId, id);
        form.showError(outcome.error);
      } else if (outcome.kind === 'offline' || outcome.kind === 'unavailable') {
        toast({ message: t('workouts.cardio.savedOffline') });
        navigate(paths.log, { replace: true });
      }
    })();
  });

  const text = (name: keyof CardioFormValues & string) => ({
    value: values[name],
    onValueChange: (value: string) => setValue(name, value),
    error: errors[name],
  });

  return (
    <div className="workout-page">
      <PageHeader title={t('workouts.cardio.title')} documentTitle={t('workouts.cardio.documentTitle')} />
      <Card>
        <form ref={form.formRef} className="form" onSubmit={submit} noValidate>
          <SelectField
            label={t('workouts.cardio.sport')}
            {...text('cardio.sport')}
            options={cardioSports.map((s) => ({ value: s, label: t(`activity.sports.${s}`) }))}
          />
          <div className="cardio-form__row">
            <TextField type="date" label={t('workouts.cardio.date')} required {...text('started_at')} />
            <TextField
              type="time"
              label={t('workouts.cardio.startTime')}
              hint={t('workouts.cardio.startHint', { zone: timeZone })}
              required
              {...text('start_time')}
            />
          </div>
          <TextField
            label={t('workouts.cardio.duration')}
            hint={t('workouts.cardio.durationHint')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="0:50:00"
            required
            {...text('cardio.duration_s')}
          />
          <TextField
            label={t('workouts.cardio.distance', { unit: distanceUnit(system) })}
            inputMode="decimal"
            autoComplete="off"
            {...text('cardio.distance_m')}
          />
          <TextField
            label={t('workouts.cardio.elevation')}
            inputMode="decimal"
            autoComplete="off"
            {...text('cardio.elevation_gain_m')}
          />
          <div className="cardio-form__row">
            <TextField
              label={t('workouts.cardio.avgHeartRate')}
              inputMode="numeric"
              autoComplete="off"
              {...text('cardio.avg_heart_rate')}
            />
            <TextField
              label={t('workouts.cardio.maxHeartRate')}
              inputMode="numeric"
              autoComplete="off"
              {...text('cardio.max_heart_rate')}
            />
          </div>
          <TextField
            label={t('workouts.cardio.calories')}
            inputMode="decimal"
            autoComplete="off"
            {...text('cardio.calories_kcal')}
          />
          <TextField
            label={t('workouts.cardio.titleLabel')}
            hint={t('workouts.cardio.titleHint')}
            maxLength={TITLE_MAX}
            {...text('title')}
          />
          <div className="field">
            <label className="field__label" htmlFor={notesId}>
              {t('workouts.cardio.notes')}
            </label>
            <textarea
              id={notesId}
              className="field__input"
              rows={3}
              maxLength={NOTES_MAX}
              value={values.notes}
              onChange={(event) => setValue('notes', event.target.value)}
              aria-invalid={errors.notes ? true : undefined}
              aria-describedby={errors.notes ? `${notesId}-error` : undefined}
            />
            {errors.notes ? (
              <p id={`${notesId}-error`} className="field__error">
                {errors.notes}
              </p>
            ) : null}
          </div>
          <WorkoutVisibilityField value={visibility} onValueChange={setVisibility} withDefault />
          {form.formError ? <ErrorState message={form.formError} /> : null}
          <div className="form__actions">
            <Button type="submit" variant="primary" size="lg" disabled={saving || !userId}>
              {saving ? t('workouts.cardio.saving') : t('workouts.cardio.save')}
            </Button>
            <ButtonLink to={paths.log} variant="ghost">
              {t('forms.cancel')}
            </ButtonLink>
          </div>
        </form>
      </Card>
    </div>
  );
}
