import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, NumberField, SelectField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { macrosForGrams, portionGrams } from '../lib/diary-math';
import type { Food } from '../lib/model';
import { grams as formatGrams, kcal, portionLabel } from './format';

/** How an amount is given: in grams, or as a count of one of the food's portions. */
export type Amount = { unit: 'g'; grams: number } | { unit: 'portion'; name: string; count: number };

/** The amount's grams, with the food's portions; 0 when it names a portion the food does not have. */
export function amountGrams(food: Pick<Food, 'portions'>, amount: Amount): number {
  if (amount.unit === 'g') return amount.grams;
  const portion = food.portions.find((p) => p.name === amount.name);
  return portion ? portionGrams(portion, amount.count) : 0;
}

/** What a new item starts with: one of the food's first portion ("1 large"), else 100 g. */
export function defaultAmount(food: Pick<Food, 'portions'>): Amount {
  const first = food.portions[0];
  return first ? { unit: 'portion', name: first.name, count: 1 } : { unit: 'g', grams: 100 };
}

/** The request's way of saying the amount: `grams` or `portion {name, count}`. */
export function amountInput(amount: Amount): { grams: number } | { portion: { name: string; count: number } } {
  return amount.unit === 'g' ? { grams: amount.grams } : { portion: { name: amount.name, count: amount.count } };
}

export interface PortionPickerProps {
  food: Food;
  initial?: Amount;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (amount: Amount) => void;
}

/**
 * The amount of a food: one of its own portions ("1 large (50 g)") or grams, and how many;
 * what that gives (energy and macros) updates as it changes.
 */
export function PortionPicker({ food, initial, submitLabel, pending, error, onSubmit }: PortionPickerProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [amount, setAmount] = useState<Amount>(() => initial ?? defaultAmount(food));
  const value = amount.unit === 'g' ? amount.grams : amount.count;
  const [typed, setTyped] = useState<number | null>(value);
  const grams = typed === null ? 0 : amountGrams(food, amount);
  const preview = macrosForGrams(food.per_100g, grams);
  const unitOptions = [
    ...food.portions.map((portion) => ({ value: `portion:${portion.name}`, label: portionLabel(portion, t, locale) })),
    { value: 'g', label: t('diary.portion.grams') },
  ];
  return (
    <form
      className="form diary-portion"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed === null || typed <= 0 || grams <= 0) return;
        onSubmit(amount);
      }}
    >
      <div className="diary-portion__food">
        <p className="diary-portion__name">{food.name}</p>
        {food.brand ? <p className="diary-portion__brand">{food.brand}</p> : null}
      </div>
      <SelectField
        label={t('diary.portion.unit')}
        value={amount.unit === 'g' ? 'g' : `portion:${amount.name}`}
        options={unitOptions}
        onValueChange={(next) => {
          if (next === 'g') {
            // Keep the same quantity of food when switching to grams.
            const g = Math.round(grams) || 100;
            setAmount({ unit: 'g', grams: g });
            setTyped(g);
          } else {
            setAmount({ unit: 'portion', name: next.slice('portion:'.length), count: 1 });
            setTyped(1);
          }
        }}
      />
      <NumberField
        label={amount.unit === 'g' ? t('diary.portion.gramsAmount') : t('diary.portion.count')}
        unit={amount.unit === 'g' ? t('diary.units.g') : undefined}
        value={typed}
        min={0}
        max={amount.unit === 'g' ? 10000 : 1000}
        maxFractionDigits={amount.unit === 'g' ? 1 : 2}
        onValueChange={(n) => {
          setTyped(n);
          if (n === null) return;
          setAmount(amount.unit === 'g' ? { unit: 'g', grams: n } : { ...amount, count: n });
        }}
        data-autofocus
      />
      <dl className="diary-portion__preview" aria-live="polite" aria-label={t('diary.portion.preview')}>
        <div>
          <dt>{t('diary.rings.energy')}</dt>
          <dd>{t('diary.item.kcal', { kcal: kcal(preview.energy_kcal, locale) })}</dd>
        </div>
        <div>
          <dt>{t('diary.rings.protein')}</dt>
          <dd>{t('diary.portion.gramsValue', { grams: formatGrams(preview.protein_g, locale) })}</dd>
        </div>
        <div>
          <dt>{t('diary.rings.carbs')}</dt>
          <dd>{t('diary.portion.gramsValue', { grams: formatGrams(preview.carbohydrate_g, locale) })}</dd>
        </div>
        <div>
          <dt>{t('diary.rings.fat')}</dt>
          <dd>{t('diary.portion.gramsValue', { grams: formatGrams(preview.fat_g, locale) })}</dd>
        </div>
      </dl>
      <p className="diary-portion__weight">{t('diary.portion.weight', { grams: formatGrams(grams, locale) })}</p>
      {error ? <ErrorState inline message={errorMessage(error, t)} /> : null}
      <Button type="submit" block disabled={pending || typed === null || typed <= 0 || grams <= 0}>
        {submitLabel}
      </Button>
    </form>
  );
}
