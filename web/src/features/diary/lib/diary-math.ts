import type { DiaryDay, DiaryItem, DiaryMeal, FoodPortion, NutrientAmounts } from './model';
import { standardMeals } from './model';

/** The four figures the diary shows everywhere: energy and the three macros. */
export interface Macros {
  energy_kcal: number;
  protein_g: number;
  carbohydrate_g: number;
  fat_g: number;
}

export const macroKeys = ['energy_kcal', 'protein_g', 'carbohydrate_g', 'fat_g'] as const satisfies ReadonlyArray<
  keyof Macros
>;

export const noMacros: Macros = { energy_kcal: 0, protein_g: 0, carbohydrate_g: 0, fat_g: 0 };

/**
 * Grams of `count` of a food's portion. A portion says how many of its name its grams are
 * ("0.5 cup" = 120 g), so one of the name is grams / amount.
 */
export function portionGrams(portion: Pick<FoodPortion, 'amount' | 'grams'>, count: number): number {
  if (!(portion.amount > 0) || !(count > 0)) return 0;
  return (portion.grams / portion.amount) * count;
}

/** What `grams` of a food give, from its nutrients per 100 g (a nutrient it lacks counts 0). */
export function macrosForGrams(per100g: NutrientAmounts, grams: number): Macros {
  const factor = grams > 0 ? grams / 100 : 0;
  return {
    energy_kcal: (per100g.energy_kcal ?? 0) * factor,
    protein_g: (per100g.protein_g ?? 0) * factor,
    carbohydrate_g: (per100g.carbohydrate_g ?? 0) * factor,
    fat_g: (per100g.fat_g ?? 0) * factor,
  };
}

/** The sum of the items' nutrients as logged. */
export function macroTotals(items: ReadonlyArray<Pick<DiaryItem, 'nutrients'>>): Macros {
  const total = { ...noMacros };
  for (const item of items) {
    for (const key of macroKeys) total[key] += item.nutrients[key] ?? 0;
  }
  return total;
}

/** Every item of the day, meal after meal. */
export function dayItems(day: Pick<DiaryDay, 'meals'>): DiaryItem[] {
  return day.meals.flatMap((meal) => meal.items);
}

/**
 * The meals to show: breakfast, lunch, dinner and snacks always (empty ones too, so there is
 * always somewhere to add to), then the user's own in the server's order.
 */
export function mealsToShow(day: Pick<DiaryDay, 'meals'> | undefined): DiaryMeal[] {
  const byName = new Map((day?.meals ?? []).map((meal) => [meal.name, meal]));
  const empty = (name: string): DiaryMeal => ({ name, items: [], totals: { amounts: {}, incomplete: [] } });
  const standard = standardMeals.map((name) => byName.get(name) ?? empty(name));
  const own = (day?.meals ?? []).filter((meal) => !(standardMeals as readonly string[]).includes(meal.name));
  return [...standard, ...own];
}

/**
 * How full a ring is: eaten / target, null without a (positive) target. Not capped: above 1
 * is "over", which the ring shows as a full circle in another colour.
 */
export function ringFraction(value: number, target: number | null | undefined): number | null {
  if (target === null || target === undefined || !(target > 0)) return null;
  return Math.max(0, value) / target;
}

/** The day's energy budget: the target plus the exercise energy the server counts (0 when not). */
export function energyBudget(target: number | null | undefined, exerciseKcal: number): number | null {
  if (target === null || target === undefined) return null;
  return target + exerciseKcal;
}

/** How far along the circle a ring's arc goes (0 to 1), and whether it went over. */
export function ringArc(fraction: number | null): { arc: number; over: boolean } {
  if (fraction === null || !Number.isFinite(fraction)) return { arc: 0, over: false };
  return { arc: Math.min(1, Math.max(0, fraction)), over: fraction > 1 };
}

// ----- Days (YYYY-MM-DD; the diary's days are the user's local days, named by the server) -----

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day `n` days after `day` (before, for negative n). */
export function addDays(day: string, n: number): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + n));
  return date.toISOString().slice(0, 10);
}

/** Today (YYYY-MM-DD) on the clocks of an IANA time zone; this device's day if it does not know the zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const format = (zone: string | undefined) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
  try {
    return format(timeZone);
  } catch {
    return format(undefined);
  }
}

/** A day as a Date at noon UTC, for Intl formatting with timeZone UTC (no day shifts). */
export function dayAsDate(day: string): Date {
  const match = DAY_PATTERN.exec(day);
  if (!match) return new Date(NaN);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}
