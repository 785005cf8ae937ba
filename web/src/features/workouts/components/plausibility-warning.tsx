import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { formatWeight, type UnitSystem } from '@/lib/units';
import type { Warning } from '../lib/plausibility';

/**
 * The typo guard's question under a set: what looks wrong, and a button to keep it. Changing
 * the value answers it too (the warning goes when the value is plausible).
 */
export function PlausibilityWarning({
  warnings,
  system,
  number,
  exerciseName,
  onConfirm,
}: {
  warnings: readonly Warning[];
  system: UnitSystem;
  number: number;
  exerciseName: string;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const text = (w: Warning) => {
    if (w.field === 'weight') {
      return w.reason === 'aboveBest'
        ? t('workouts.active.weightAboveBest', { best: formatWeight(w.bestKg, system, i18n.language) })
        : t('workouts.active.weightAboveUsual', { bound: formatWeight(w.boundKg, system, i18n.language) });
    }
    return w.reason === 'aboveBest'
      ? t('workouts.active.repsAboveBest', { best: formatNumber(w.best, i18n.language) })
      : t('workouts.active.repsAboveUsual', { bound: formatNumber(w.bound, i18n.language) });
  };
  return (
    <div className="plausibility-warning">
      {warnings.map((w) => (
        <p key={w.field} className="plausibility-warning__text">
          {text(w)}
        </p>
      ))}
      <Button variant="secondary" onClick={onConfirm}>
        {t('workouts.active.confirmValues')}
        <span className="visually-hidden"> {t('workouts.active.confirmValuesOf', { number, exercise: exerciseName })}</span>
      </Button>
    </div>
  );
}
