import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Button,
  Card,
  Checkbox,
  ErrorState,
  LoadingState,
  Notice,
  NumberField,
  PageHeader,
  RadioGroup,
  SelectField,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import {
  formatWeight,
  fromDisplayLength,
  fromDisplayWeight,
  lengthUnit,
  toDisplayLength,
  toDisplayWeight,
  useUnitSystem,
  weightUnit,
} from '@/lib/units';
import { useTargets } from '../api/get-targets';
import type { NutritionTargets, NutritionTargetsInput } from '../api/keys';
import { useTargetsPreview } from '../api/preview-targets';
import { usePutTargets } from '../api/put-targets';
import { splitFieldErrors } from '../lib/server-errors';
import {
  activityLevels,
  checkTargetsForm,
  formToInput,
  sexes,
  targetsToForm,
  type TargetsForm,
} from '../lib/targets-form';
import type { NutritionPaths } from '../paths';
import { useNutrientFormat } from './use-nutrient-format';
import './nutrition.css';

/** How long the form waits after the last change before asking for a preview. */
export const TARGETS_PREVIEW_DELAY_MS = 300;

/** /food/targets: daily targets by hand or computed from the profile, explained. */
export function TargetsPage({ paths }: { paths: NutritionPaths }) {
  const { t } = useTranslation();
  const targets = useTargets();
  if (targets.isPending) return <LoadingState label={t('nutrition.targets.loading')} />;
  if (targets.isError) {
    return (
      <div className="nutrition-page">
        <PageHeader title={t('nutrition.targets.title')} back={<Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>} />
        <ErrorState message={errorMessage(targets.error, t)} onRetry={() => void targets.refetch()} />
      </div>
    );
  }
  return <TargetsEditor saved={targets.data} paths={paths} />;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
    // The value's content, not its identity, is what changes the preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return debounced;
}

function TargetsEditor({ saved, paths }: { saved: NutritionTargets; paths: NutritionPaths }) {
  const { t, i18n } = useTranslation();
  const format = useNutrientFormat();
  const [system] = useUnitSystem();
  const [form, setForm] = useState<TargetsForm>(() => targetsToForm(saved));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [savedNotice, setSavedNotice] = useState(false);
  const put = usePutTargets();
  const heightId = useId();
  const explainId = useId();
  const microId = useId();

  const input = formToInput(form);
  const previewInput = useDebounced<NutritionTargetsInput | null>(input, TARGETS_PREVIEW_DELAY_MS);
  const preview = useTargetsPreview(previewInput);
  const shown = preview.data ?? saved;

  const problems = checkTargetsForm(form);
  const number = (value: number, digits = 0) => formatNumber(value, i18n.language, { maxFractionDigits: digits });
  // Height and weight in the user's units; the form and the API keep cm and kg.
  const heightShown = (cm: number) => toDisplayLength(cm / 100, system);
  const problemValues = {
    min: number(heightShown(50), 1),
    max: number(heightShown(275), 1),
    unit: lengthUnit(system),
  };
  const errorOf = (field: string) => {
    const problem = problems[field];
    if (problem === 'height') return t('nutrition.targets.problems.height', problemValues);
    if (problem === 'weeklyChange') {
      return t('nutrition.targets.problems.weeklyChange', {
        max: number(toDisplayWeight(1, system), 1),
        unit: weightUnit(system),
      });
    }
    return problem ? t(`nutrition.targets.problems.${problem}`) : serverErrors[field];
  };
  const set = <K extends keyof TargetsForm>(key: K, value: TargetsForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setSavedNotice(false);
    setServerErrors({});
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError([]);
    if (!input) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    put.mutate(input, {
      onSuccess: (result) => {
        setForm(targetsToForm(result));
        setSavedNotice(true);
      },
      onError: (error) => {
        const known = (field: string) =>
          ['energy_kcal', 'protein_g', 'carbohydrate_g', 'fat_g', 'profile.height_cm', 'profile.weekly_change_kg'].includes(field) ||
          field.startsWith('micronutrients.');
        const { fields, others } = splitFieldErrors(error, known);
        setServerErrors(fields);
        setFormError(Object.keys(fields).length > 0 || others.length > 0 ? others : [errorMessage(error, t)]);
      },
    });
  };

  const explanation = shown.computed;
  const missingLink = (item: NutritionTargets['missing'][number]) => {
    switch (item) {
      case 'birth_year':
        return <Link to={paths.me}>{t('nutrition.targets.missing.birth_year')}</Link>;
      case 'weight':
        return <Link to={paths.body}>{t('nutrition.targets.missing.weight')}</Link>;
      case 'height_cm':
        return <a href={`#${heightId}`}>{t('nutrition.targets.missing.height_cm')}</a>;
      case 'sex':
        return <span>{t('nutrition.targets.missing.sex')}</span>;
    }
  };

  return (
    <div className="nutrition-page">
      <PageHeader
        title={t('nutrition.targets.title')}
        intro={t('nutrition.targets.intro')}
        back={<Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>}
      />
      <form className="nutrition-form" noValidate onSubmit={onSubmit}>
        <RadioGroup
          legend={t('nutrition.targets.mode')}
          name="targets-mode"
          value={form.mode}
          onValueChange={(mode) => set('mode', mode)}
          options={[
            { value: 'computed', label: t('nutrition.targets.computed'), description: t('nutrition.targets.computedHint') },
            { value: 'manual', label: t('nutrition.targets.manual'), description: t('nutrition.targets.manualHint') },
          ]}
        />

        {form.mode === 'manual' ? (
          <div className="nutrient-fields">
            <NumberField
              label={format.name('energy_kcal')}
              unit={format.unit('energy_kcal')}
              integer
              min={500}
              max={10000}
              value={form.energy_kcal}
              onValueChange={(v) => set('energy_kcal', v)}
              error={errorOf('energy_kcal')}
              required
            />
            {(['protein_g', 'carbohydrate_g', 'fat_g'] as const).map((key) => (
              <NumberField
                key={key}
                label={format.name(key)}
                unit={format.unit(key)}
                min={0}
                value={form[key]}
                onValueChange={(v) => set(key, v)}
                error={errorOf(key)}
              />
            ))}
          </div>
        ) : (
          <div className="nutrient-fields">
            <SelectField
              label={t('nutrition.targets.sex')}
              value={form.sex}
              onValueChange={(v) => set('sex', v as TargetsForm['sex'])}
              options={sexes.map((s) => ({ value: s, label: t(`nutrition.targets.sexes.${s}`) }))}
            />
            <div id={heightId}>
              <NumberField
                label={t('nutrition.targets.height')}
                unit={lengthUnit(system)}
                min={heightShown(50)}
                max={heightShown(275)}
                maxFractionDigits={1}
                value={form.height_cm === null ? null : heightShown(form.height_cm)}
                onValueChange={(v) => set('height_cm', v === null ? null : Number((fromDisplayLength(v, system) * 100).toFixed(4)))}
                error={errorOf('profile.height_cm')}
              />
            </div>
            <SelectField
              label={t('nutrition.targets.activity')}
              value={form.activity_level}
              onValueChange={(v) => set('activity_level', v as TargetsForm['activity_level'])}
              options={activityLevels.map((a) => ({ value: a, label: t(`nutrition.targets.activities.${a}`) }))}
            />
            <NumberField
              label={t('nutrition.targets.weeklyChange')}
              hint={t('nutrition.targets.weeklyChangeHint')}
              unit={t('nutrition.targets.perWeek', { unit: weightUnit(system) })}
              min={toDisplayWeight(-1, system)}
              max={toDisplayWeight(1, system)}
              step={system === 'imperial' ? 0.5 : 0.25}
              value={toDisplayWeight(form.weekly_change_kg, system)}
              onValueChange={(v) => set('weekly_change_kg', v === null ? 0 : Number(fromDisplayWeight(v, system).toFixed(6)))}
              error={errorOf('profile.weekly_change_kg')}
            />
          </div>
        )}

        <Checkbox
          label={t('nutrition.targets.includeExercise')}
          checked={form.include_exercise_energy}
          onCheckedChange={(v) => set('include_exercise_energy', v)}
        />

        <Card className="nutrition-section">
          <h2 id={explainId} className="nutrition-section__title">
            {t('nutrition.targets.resultTitle')}
          </h2>
          {preview.isFetching ? <p className="nutrition-muted">{t('nutrition.targets.previewing')}</p> : null}
          {preview.isError ? <p className="field__error">{errorMessage(preview.error, t)}</p> : null}
          {shown.daily ? (
            <dl className="nutrition-facts">
              <div>
                <dt>{format.name('energy_kcal')}</dt>
                <dd className="nutrition-number">{format.amount('energy_kcal', shown.daily.energy_kcal)}</dd>
              </div>
              {(['protein_g', 'carbohydrate_g', 'fat_g'] as const).map((key) => (
                <div key={key}>
                  <dt>{format.name(key)}</dt>
                  <dd className="nutrition-number">{format.amount(key, shown.daily?.[key] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="nutrition-muted">{t('nutrition.targets.noDaily')}</p>
          )}
          {form.mode === 'computed' && explanation ? (
            <ol className="targets-explain nutrition-number">
              <li>
                {t('nutrition.targets.explain.bmr', {
                  kcal: number(explanation.bmr_kcal),
                  weight: formatWeight(explanation.weight_kg, system, i18n.language, 1),
                  height: `${number(heightShown(form.height_cm ?? 0), 1)} ${lengthUnit(system)}`,
                  age: number(explanation.age_years),
                })}
              </li>
              <li>
                {t('nutrition.targets.explain.tdee', {
                  factor: number(explanation.activity_factor, 3),
                  kcal: number(explanation.tdee_kcal),
                })}
              </li>
              <li>
                {t('nutrition.targets.explain.adjustment', {
                  kcal: `${explanation.daily_adjustment_kcal > 0 ? '+' : ''}${number(explanation.daily_adjustment_kcal)}`,
                  change: `${form.weekly_change_kg > 0 ? '+' : ''}${formatWeight(form.weekly_change_kg, system, i18n.language)}`,
                })}
              </li>
              <li>
                {explanation.floor_applied
                  ? t('nutrition.targets.explain.floorApplied', { floor: number(explanation.floor_kcal) })
                  : t('nutrition.targets.explain.floorNotApplied', { floor: number(explanation.floor_kcal) })}
              </li>
              <li>
                <strong>{t('nutrition.targets.explain.target', { kcal: number(explanation.target_kcal) })}</strong>
              </li>
              <li>
                {t('nutrition.targets.explain.protein', {
                  perKg: number(explanation.protein_g_per_kg, 1),
                  grams: number(explanation.protein_g_per_kg * explanation.weight_kg),
                })}
              </li>
            </ol>
          ) : null}
          {form.include_exercise_energy ? <p className="nutrition-muted">{t('nutrition.targets.exerciseNote')}</p> : null}
          {shown.missing.length > 0 ? (
            <div className="targets-missing">
              <p>{t('nutrition.targets.missingTitle')}</p>
              <ul>
                {shown.missing.map((item) => (
                  <li key={item}>{missingLink(item)}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>

        <section className="nutrition-section" aria-labelledby={microId}>
          <h2 id={microId} className="nutrition-section__title">
            {t('nutrition.targets.microTitle')}
          </h2>
          <p className="nutrition-muted">{t('nutrition.targets.microIntro')}</p>
          {shown.micronutrients.length === 0 ? (
            <p className="nutrition-muted">{t('nutrition.targets.microNone')}</p>
          ) : (
            <div className="nutrition-table-wrap">
              <table className="nutrient-table micro-table">
                <thead>
                  <tr>
                    <th scope="col">{t('nutrition.nutrient')}</th>
                    <th scope="col">{t('nutrition.targets.reference')}</th>
                    <th scope="col">{t('nutrition.targets.upperLimit')}</th>
                    <th scope="col">{t('nutrition.targets.yours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.micronutrients.map((m) => (
                    <tr key={m.nutrient}>
                      <th scope="row">{format.name(m.nutrient)}</th>
                      <td className="nutrition-number">
                        {format.amount(m.nutrient, m.amount)}{' '}
                        <span className="nutrition-muted">{t(`nutrition.targets.basis.${m.basis}`)}</span>
                      </td>
                      <td className="nutrition-number">
                        {m.upper_limit === null ? t('nutrition.targets.noLimit') : format.amount(m.nutrient, m.upper_limit)}
                      </td>
                      <td>
                        <NumberField
                          label={t('nutrition.targets.override', { nutrient: format.name(m.nutrient) })}
                          hideLabel
                          unit={format.unit(m.nutrient)}
                          min={0}
                          value={form.overrides[m.nutrient] ?? null}
                          onValueChange={(v) => {
                            const overrides = { ...form.overrides };
                            if (v === null) delete overrides[m.nutrient];
                            else overrides[m.nutrient] = v;
                            set('overrides', overrides);
                          }}
                          error={errorOf(`micronutrients.${m.nutrient}`)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        {formError.length > 0 ? (
          <div className="error-state" role="alert">
            {formError.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
        {savedNotice ? <Notice>{t('nutrition.targets.saved')}</Notice> : null}
        <div className="nutrition-form__actions">
          <Button type="submit" disabled={put.isPending}>
            {put.isPending ? t('nutrition.saving') : t('nutrition.targets.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
