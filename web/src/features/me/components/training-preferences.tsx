import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorState, NumberField, RadioGroup } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import type { Me } from '@/lib/auth/get-me';
import { useUpdateMe } from '@/lib/auth/update-me';

type Preferences = Me['preferences'];
type WeekStart = Preferences['week_start'];
type OneRepMaxFormula = Preferences['one_rep_max_formula'];
type NumberPreference = 'birth_year' | 'max_heart_rate' | 'resting_heart_rate';

/** The server's ranges (src/core/limits.hpp kBirthYear, kMaxHeartRateBpm, kProfileRestingHeartRateBpm). */
const BIRTH_YEAR_MIN = 1900;
const MAX_HEART_RATE = { min: 100, max: 250 } as const;
const RESTING_HEART_RATE = { min: 20, max: 150 } as const;

const weekStarts: readonly WeekStart[] = ['monday', 'sunday', 'saturday'];
const formulas: readonly OneRepMaxFormula[] = ['epley', 'brzycki'];

/**
 * The preferences that decide how training is counted: the first day of a week (weekly goals,
 * streaks, summaries), the one-rep-max formula (records, goals) and what heart-rate zones start
 * from. Each saves on its own and shows its own progress or failure, as the others on /me do.
 */
export function TrainingPreferences({ me }: { me: Me }) {
  const { t } = useTranslation();
  const headingId = useId();
  const updateWeekStart = useUpdateMe();
  const updateFormula = useUpdateMe();
  // The choice shows in the same render as the click (see the language choice on MePage).
  const [chosenWeekStart, setChosenWeekStart] = useState<WeekStart | null>(null);
  const [chosenFormula, setChosenFormula] = useState<OneRepMaxFormula | null>(null);
  const chooseWeekStart = (week_start: WeekStart) => {
    setChosenWeekStart(week_start);
    updateWeekStart.mutate({ preferences: { week_start } }, { onError: () => setChosenWeekStart(null) });
  };
  const chooseFormula = (one_rep_max_formula: OneRepMaxFormula) => {
    setChosenFormula(one_rep_max_formula);
    updateFormula.mutate({ preferences: { one_rep_max_formula } }, { onError: () => setChosenFormula(null) });
  };
  const year = new Date().getFullYear();
  return (
    <section aria-labelledby={headingId} className="me-training">
      <Card className="me-prefs">
        <h2 id={headingId} className="me-prefs__title">
          {t('me.training')}
        </h2>
        <p className="me-prefs__note">{t('me.trainingHint')}</p>
        <RadioGroup
          legend={t('me.weekStart')}
          name="week-start"
          value={chosenWeekStart ?? me.preferences.week_start}
          onValueChange={chooseWeekStart}
          options={weekStarts.map((day) => ({ value: day, label: t(`me.weekStarts.${day}`) }))}
        />
        {updateWeekStart.isPending ? (
          <p className="me-prefs__note" role="status">
            {t('me.weekStartSaving')}
          </p>
        ) : null}
        {updateWeekStart.isError ? (
          <ErrorState title={t('me.weekStartSaveFailed')} message={errorMessage(updateWeekStart.error, t)} />
        ) : null}
        <RadioGroup
          legend={t('me.oneRepMaxFormula')}
          name="one-rep-max-formula"
          value={chosenFormula ?? me.preferences.one_rep_max_formula}
          onValueChange={chooseFormula}
          options={formulas.map((formula) => ({
            value: formula,
            label: t(`me.oneRepMaxFormulas.${formula}`),
            description: t(`me.oneRepMaxFormulaHints.${formula}`),
          }))}
        />
        {updateFormula.isPending ? (
          <p className="me-prefs__note" role="status">
            {t('me.oneRepMaxFormulaSaving')}
          </p>
        ) : null}
        {updateFormula.isError ? (
          <ErrorState title={t('me.oneRepMaxFormulaSaveFailed')} message={errorMessage(updateFormula.error, t)} />
        ) : null}
        <NumberPreferenceForm
          field="birth_year"
          label={t('me.birthYear')}
          hint={t('me.birthYearHint')}
          saved={me.preferences.birth_year}
          min={BIRTH_YEAR_MIN}
          max={year}
        />
        <NumberPreferenceForm
          field="max_heart_rate"
          label={t('me.maxHeartRate')}
          hint={t('me.maxHeartRateHint')}
          unit={t('me.bpm')}
          saved={me.preferences.max_heart_rate}
          min={MAX_HEART_RATE.min}
          max={MAX_HEART_RATE.max}
        />
        <NumberPreferenceForm
          field="resting_heart_rate"
          label={t('me.restingHeartRate')}
          hint={t('me.restingHeartRateHint')}
          unit={t('me.bpm')}
          saved={me.preferences.resting_heart_rate}
          min={RESTING_HEART_RATE.min}
          max={RESTING_HEART_RATE.max}
        />
      </Card>
    </section>
  );
}

/**
 * One whole-number preference that may be unknown: typed, then saved with its button (or
 * Enter). Emptying the field and saving forgets it (null).
 */
function NumberPreferenceForm({
  field,
  label,
  hint,
  unit,
  saved,
  min,
  max,
}: {
  field: NumberPreference;
  label: string;
  hint: string;
  unit?: string;
  saved: number | null;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [draft, setDraft] = useState<number | null>(saved);
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    update.mutate({ preferences: { [field]: draft } }, { onSuccess: () => setDone(true) });
  };
  const fieldError =
    update.error instanceof ApiError ? update.error.fieldError(`preferences.${field}`) : undefined;
  return (
    <form className="me-number-pref" onSubmit={submit} noValidate>
      <NumberField
        label={label}
        hint={hint}
        integer
        min={min}
        max={max}
        unit={unit}
        value={draft}
        onValueChange={(value) => {
          setDraft(value);
          setDone(false);
        }}
        error={fieldError}
      />
      <div className="me-number-pref__actions">
        <Button type="submit" variant="secondary" disabled={update.isPending || draft === saved}>
          {update.isPending ? t('me.numberSaving') : t('me.numberSave')}
          <span className="visually-hidden"> {label}</span>
        </Button>
        {done && !update.isPending && draft === saved ? (
          <p className="me-prefs__note" role="status">
            {t('me.numberSaved')}
          </p>
        ) : null}
      </div>
      {update.isError && !fieldError ? (
        <ErrorState title={t('me.numberSaveFailed')} message={errorMessage(update.error, t)} />
      ) : null}
    </form>
  );
}
