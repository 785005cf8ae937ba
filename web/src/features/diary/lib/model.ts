import type { Schema } from '@/lib/api/types';

export type DiaryDay = Schema<'DiaryDay'>;
export type DiaryMeal = Schema<'DiaryMeal'>;
export type DiaryItem = Schema<'DiaryItem'>;
export type DiaryItemInput = Schema<'DiaryItemInput'>;
export type DiaryItemPatch = Schema<'DiaryItemPatch'>;
export type Food = Schema<'Food'>;
export type FoodPortion = Schema<'FoodPortion'>;
export type NutrientAmounts = Schema<'NutrientAmounts'>;
export type DailyTargets = Schema<'DailyTargets'>;

/** The four meals every day shows, in this order, before the user's own meal names. */
export const standardMeals = ['breakfast', 'lunch', 'dinner', 'snacks'] as const;
export type StandardMeal = (typeof standardMeals)[number];

export function isStandardMeal(name: string): name is StandardMeal {
  return (standardMeals as readonly string[]).includes(name);
}

/** What the diary page links to; other features build those pages. */
export interface DiaryPaths {
  /** The diary of a day (YYYY-MM-DD). */
  day: (date: string) => string;
  recipes: string;
  targets: string;
  week: string;
  /** Every nutrient of a day. */
  nutrients: (date: string) => string;
  /** The form for a food of one's own, with a barcode filled in when given. */
  newFood: (barcode?: string) => string;
}

/** A UUID: crypto.randomUUID where the page is a secure context, else from getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
