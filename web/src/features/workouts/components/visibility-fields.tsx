import { useTranslation } from 'react-i18next';
import { Checkbox, ChoiceGroup, RadioGroup } from '@/components/ui';
import type { Schema } from '@/lib/api/types';

export type WorkoutVisibility = Schema<'ItemVisibility'>;
export type HiddenDetail = Schema<'HiddenDetail'>;
/** "default": name none, so the server gives the owner's default (for the sport). */
export type VisibilityChoice = WorkoutVisibility | 'default';

const hiddenDetails: readonly HiddenDetail[] = ['start_time', 'map', 'heart_rate', 'pace', 'calories', 'weights'];

/** Who may see a workout: private, followers or public, each with a line saying who that is. */
export function WorkoutVisibilityField({
  value,
  onValueChange,
  withDefault = false,
}: {
  value: VisibilityChoice;
  onValueChange: (value: VisibilityChoice) => void;
  /** Offers "my default" (a new workout). */
  withDefault?: boolean;
}) {
  const { t } = useTranslation();
  const options: Array<{ value: VisibilityChoice; label: string; description: string }> = (
    ['private', 'followers', 'public'] as const
  ).map((v) => ({ value: v, label: t(`workouts.visibility.${v}`), description: t(`workouts.visibility.${v}Hint`) }));
  if (withDefault)
    options.unshift({ value: 'default', label: t('workouts.visibility.default'), description: t('workouts.visibility.defaultHint') });
  return <RadioGroup legend={t('workouts.visibility.legend')} name="visibility" value={value} onValueChange={onValueChange} options={options} />;
}

/** The details others who may see the workout do not see. */
export function HiddenDetailsField({ value, onValueChange }: { value: HiddenDetail[]; onValueChange: (value: HiddenDetail[]) => void }) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup legend={t('workouts.visibility.hideLegend')} hint={t('workouts.visibility.hideHint')}>
      {hiddenDetails.map((detail) => (
        <Checkbox
          key={detail}
          label={t(`workouts.visibility.hide.${detail}`)}
          checked={value.includes(detail)}
          onCheckedChange={(checked) =>
            onValueChange(checked ? hiddenDetails.filter((d) => d === detail || value.includes(d)) : value.filter((d) => d !== detail))
          }
        />
      ))}
    </ChoiceGroup>
  );
}

/** The line on a workout's page saying who can see it. */
export function WhoCanSee({ visibility }: { visibility: WorkoutVisibility | undefined }) {
  const { t } = useTranslation();
  return <p className="workout-visibility">{t('workouts.visibility.whoCanSee', { who: t(`workouts.visibility.${visibility ?? 'private'}`) })}</p>;
}
