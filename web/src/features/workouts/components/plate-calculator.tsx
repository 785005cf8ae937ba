import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, NumberField } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { toDisplayWeight, weightUnit, type UnitSystem } from '@/lib/units';
import { loadBar, plateSetFor } from '../lib/plates';

export interface PlateCalculatorProps {
  open: boolean;
  onClose: () => void;
  /** The weight to start with, in kg (the next set's), or null. */
  weightKg: number | null;
  system: UnitSystem;
}

/** Which plates go on each side of the bar for a weight, drawn and listed. */
export function PlateCalculator({ open, onClose, weightKg, system }: PlateCalculatorProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('workouts.plates.title')} onClose={onClose}>
      {open ? <PlateCalculatorBody initial={weightKg === null ? null : toDisplayWeight(weightKg, system)} system={system} /> : null}
      <div className="dialog__actions">
        <Button variant="primary" onClick={onClose}>
          {t('workouts.plates.close')}
        </Button>
      </div>
    </Dialog>
  );
}

function PlateCalculatorBody({ initial, system }: { initial: number | null; system: UnitSystem }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState<number | null>(initial);
  const unit = weightUnit(system);
  const set = plateSetFor(system);
  const load = target === null ? null : loadBar(target, set);
  const n = (value: number) => formatNumber(value, i18n.language, { maxFractionDigits: 2 });
  const plates = load ? load.perSide.flatMap(({ plate, count }) => Array.from({ length: count }, () => plate)) : [];

  return (
    <div className="plates">
      <NumberField
        label={t('workouts.plates.target', { unit })}
        value={target}
        onValueChange={setTarget}
        unit={unit}
        min={0}
        max={system === 'imperial' ? 2000 : 1000}
      />
      <p className="plates__bar-note">{t('workouts.plates.bar', { weight: n(set.bar), unit })}</p>
      {load ? (
        <>
          <div className="plates__drawing" aria-hidden="true">
            <span className="plates__sleeve" />
            {plates.map((plate, i) => (
              <span key={i} className={`plates__plate plates__plate--${plateClass(plate, set.plates)}`}>
                {n(plate)}
              </span>
            ))}
          </div>
          <div role="status" className="plates__result">
            {load.belowBar ? (
              <p>{t('workouts.plates.belowBar', { weight: n(set.bar), unit })}</p>
            ) : load.perSide.length === 0 ? (
              <p>{t('workouts.plates.barOnly')}</p>
            ) : (
              <>
                <p className="plates__per-side">{t('workouts.plates.perSide')}</p>
                <ul className="plates__list">
                  {load.perSide.map(({ plate, count }) => (
                    <li key={plate}>{t('workouts.plates.plateCount', { count, weight: n(plate), unit })}</li>
                  ))}
                </ul>
              </>
            )}
            {!load.belowBar && load.remainder > 0 ? (
              <p className="plates__remainder">
                {t('workouts.plates.remainder', { total: n(load.total), rest: n(load.remainder), unit })}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Bigger plates draw taller: the plate's rank in the set, 0 for the heaviest. */
function plateClass(plate: number, all: readonly number[]): number {
  const rank = [...all].sort((a, b) => b - a).indexOf(plate);
  return Math.max(0, Math.min(6, rank));
}
