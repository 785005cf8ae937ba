import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, ErrorState, PageHeader, RadioGroup, SelectField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import type { Me } from '@/lib/auth/get-me';
import { useUpdateMe } from '@/lib/auth/update-me';
import { formatNumber } from '@/lib/format';
import { supportedLanguages, type Language } from '@/lib/i18n';
import {
  preferencesForUnitSystem,
  unitSystemFromPreferences,
  unitSystems,
  useUnitSystem,
  useWeightIncrement,
  weightIncrementChoices,
  weightUnit,
  type UnitPreferences,
  type UnitSystem,
} from '@/lib/units';
import { TrainingPreferences } from './training-preferences';
import './me-page.css';

export interface MePaths {
  history: string;
  routines: string;
  programs: string;
  exercises: string;
  import: string;
  body: string;
  security: string;
  goals: string;
  records: string;
  people: string;
  profile: string;
  privacy: string;
}

/** /me: the user's own places (goals, history, routines, programs, exercises, import, body, security) and preferences. */
export function MePage({ me, paths }: { me: Me; paths: MePaths }) {
  const { t, i18n } = useTranslation();
  const [system, setLocalSystem] = useUnitSystem();
  const update = useUpdateMe();
  // Each preference saves on its own, so one's progress or failure shows next to it.
  const updateLanguage = useUpdateMe();
  const updateStep = useUpdateMe();
  const step = useWeightIncrement();
  const unit = weightUnit(system);
  const stepChoices = weightIncrementChoices[unit].includes(step)
    ? weightIncrementChoices[unit]
    : [...weightIncrementChoices[unit], step].sort((a, b) => a - b);
  // The choice shows at once, in the same render as the click: a pending mutation's state reaches
  // the component a tick later, and a controlled radio would flip back meanwhile. A failed save
  // shows the saved value again.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const [chosenStep, setChosenStep] = useState<number | null>(null);
  const language: Language = chosenLanguage ?? me.preferences.locale;
  const chooseLanguage = (locale: Language) => {
    setChosenLanguage(locale);
    updateLanguage.mutate({ preferences: { locale } }, { onError: () => setChosenLanguage(null) });
  };
  const chooseStep = (weightIncrement: number) => {
    setChosenStep(weightIncrement);
    updateStep.mutate({ preferences: { weight_increment: weightIncrement } }, { onError: () => setChosenStep(null) });
  };
  // Saved to the profile (PATCH /api/v1/me); the copy in this browser serves while signed out.
  const setSystem = (next: UnitSystem) => {
    setLocalSystem(next);
    setChosenStep(null);
    update.mutate({ preferences: preferencesForUnitSystem(next) });
  };
  const placesId = useId();
  const prefsId = useId();
  const places = [
    { to: paths.goals, title: t('me.goals'), body: t('me.goalsBody') },
    { to: paths.history, title: t('me.history'), body: t('me.historyBody') },
    { to: paths.routines, title: t('me.routines'), body: t('me.routinesBody') },
    { to: paths.programs, title: t('me.programs'), body: t('me.programsBody') },
    { to: paths.exercises, title: t('me.exercises'), body: t('me.exercisesBody') },
    { to: paths.import, title: t('me.import'), body: t('me.importBody') },
    { to: paths.body, title: t('me.body'), body: t('me.bodyBody') },
    { to: paths.records, title: t('progress.records.title'), body: t('progress.records.meBody') },
    { to: paths.people, title: t('me.people'), body: t('me.peopleBody') },
    { to: paths.profile, title: t('me.profile'), body: t('me.profileBody') },
    { to: paths.privacy, title: t('me.privacy'), body: t('me.privacyBody') },
    { to: paths.security, title: t('me.security'), body: t('me.securityBody') },
  ];
  return (
    <div className="me-page">
      <PageHeader title={me.username} documentTitle={t('me.documentTitle')} />
      <section aria-labelledby={placesId}>
        <h2 id={placesId} className="visually-hidden">
          {t('me.places')}
        </h2>
        <ul className="me-places">
          {places.map((place) => (
            <li key={place.to}>
              <Link className="me-place" to={place.to}>
                <span className="me-place__title">{place.title}</span>
                <span className="me-place__body">{place.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={prefsId}>
        <Card className="me-prefs">
          <h2 id={prefsId} className="me-prefs__title">
            {t('me.preferences')}
          </h2>
          <RadioGroup
            legend={t('units.system.legend')}
            name="units"
            value={update.isPending ? unitSystemFromPreferences(update.variables.preferences as UnitPreferences) : system}
            onValueChange={setSystem}
            options={unitSystems.map((s) => ({
              value: s,
              label: t(`units.system.${s}`),
              description: t(`units.system.${s}Hint`),
            }))}
          />
          {update.isPending ? (
            <p className="me-prefs__note" role="status">
              {t('me.unitsSaving')}
            </p>
          ) : null}
          {update.isError ? (
            <ErrorState title={t('me.unitsSaveFailed')} message={errorMessage(update.error, t)} />
          ) : null}
          <p className="me-prefs__note">{t('units.system.note')}</p>
          <SelectField
            label={t('me.weightIncrement')}
            aria-describedby={`${prefsId}-step-hint`}
            value={String(chosenStep ?? step)}
            options={stepChoices.map((s) => ({
              value: String(s),
              label: `${formatNumber(s, i18n.language, { maxFractionDigits: 2 })} ${unit}`,
            }))}
            onValueChange={(value) => chooseStep(Number(value))}
          />
          <p id={`${prefsId}-step-hint`} className="me-prefs__note">
            {t('me.weightIncrementHint')}
          </p>
          {updateStep.isPending ? (
            <p className="me-prefs__note" role="status">
              {t('me.weightIncrementSaving')}
            </p>
          ) : null}
          {updateStep.isError ? (
            <ErrorState title={t('me.weightIncrementSaveFailed')} message={errorMessage(updateStep.error, t)} />
          ) : null}
          <RadioGroup
            legend={t('me.language')}
            name="language"
            value={language}
            onValueChange={chooseLanguage}
            options={supportedLanguages.map((l) => ({ value: l, label: t(`me.languages.${l}`) }))}
          />
          {updateLanguage.isPending ? (
            <p className="me-prefs__note" role="status">
              {t('me.languageSaving')}
            </p>
          ) : null}
          {updateLanguage.isError ? (
            <ErrorState title={t('me.languageSaveFailed')} message={errorMessage(updateLanguage.error, t)} />
          ) : null}
        </Card>
      </section>
      <TrainingPreferences me={me} />
    </div>
  );
}
