import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format';
import { isStandardMeal, type DiaryItem, type FoodPortion } from '../lib/model';

/** A meal's name to show: the four standard ones translated, the user's own as written. */
export function mealLabel(name: string, t: TFunction): string {
  return isStandardMeal(name) ? t(`diary.meals.${name}`) : name;
}

/** Energy as the diary shows it: whole kcal. */
export function kcal(value: number, locale: string): string {
  return formatNumber(Math.round(value), locale);
}

/** Grams of a macro: one decimal below 10 g, whole grams above. */
export function grams(value: number, locale: string): string {
  return formatNumber(value, locale, { maxFractionDigits: value < 10 ? 1 : 0 });
}

/** How much of a food an item is: "2 × large", "150 g", or "Quick add". */
export function itemAmount(item: DiaryItem, t: TFunction, locale: string): string {
  if (item.kind === 'quick') return t('diary.item.quick');
  if (item.portion) return t('diary.item.portion', { count: formatNumber(item.portion.count, locale, { maxFractionDigits: 2 }), name: item.portion.name });
  if (item.grams !== null) return t('diary.item.grams', { grams: formatNumber(item.grams, locale, { maxFractionDigits: 1 }) });
  return '';
}

/** A portion as the picker offers it: "1 large (50 g)". */
export function portionLabel(portion: FoodPortion, t: TFunction, locale: string): string {
  return t('diary.portion.option', {
    amount: formatNumber(portion.amount, locale, { maxFractionDigits: 2 }),
    name: portion.name,
    grams: formatNumber(portion.grams, locale, { maxFractionDigits: 1 }),
  });
}

/** A meal's name inside a sentence ("Copy yesterday's breakfast"; German keeps the capital). */
export function mealInSentence(name: string, t: TFunction): string {
  return isStandardMeal(name) ? t(`diary.mealsInSentence.${name}`) : name;
}
