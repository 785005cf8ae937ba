import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { fractionDigitsFor, unitOf, type NutrientKey } from '../lib/nutrients';

/** A nutrient's name, unit and amounts in the UI language ("Vitamin C", "mg", "12.5 mg"). */
export function useNutrientFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const unit = (key: NutrientKey) => t(`nutrition.units.${unitOf(key)}`);
  const number = (key: NutrientKey, value: number) =>
    formatNumber(value, locale, { maxFractionDigits: fractionDigitsFor(value, unitOf(key)) });
  return {
    name: (key: NutrientKey) => t(`nutrition.nutrients.${key}`),
    unit,
    number,
    amount: (key: NutrientKey, value: number) => `${number(key, value)} ${unit(key)}`,
    locale,
  };
}
