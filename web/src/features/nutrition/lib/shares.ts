/** How a nutrient of a day stands against its target (GET /nutrition/days/{date}). */
export type NutrientStatus = 'aboveLimit' | 'met' | 'under' | 'noTarget';

export interface NutrientShare {
  status: NutrientStatus;
  /** How much of the bar to fill: the share, capped at 1 (a full bar). */
  fill: number;
  /** The share as a whole percentage, or null without a target. */
  percent: number | null;
}

/**
 * The bar, the percentage and the flag of one nutrient. Above the upper limit wins over
 * everything (it is what the user must see), then met (share >= 1), else under.
 */
export function describeShare(entry: { share: number | null; above_upper_limit: boolean }): NutrientShare {
  const { share } = entry;
  const percent = share === null || !Number.isFinite(share) ? null : Math.round(share * 100);
  const fill = percent === null ? 0 : Math.min(1, Math.max(0, share ?? 0));
  if (entry.above_upper_limit) return { status: 'aboveLimit', fill, percent };
  if (percent === null) return { status: 'noTarget', fill, percent };
  return { status: (share ?? 0) >= 1 ? 'met' : 'under', fill, percent };
}

/** Share of the day's energy from protein, carbohydrate and fat (4, 4 and 9 kcal per g). */
export function macroSplit(grams: { protein_g: number; carbohydrate_g: number; fat_g: number }): {
  protein: number;
  carbohydrate: number;
  fat: number;
} | null {
  const protein = grams.protein_g * 4;
  const carbohydrate = grams.carbohydrate_g * 4;
  const fat = grams.fat_g * 9;
  const total = protein + carbohydrate + fat;
  if (total <= 0) return null;
  return { protein: protein / total, carbohydrate: carbohydrate / total, fat: fat / total };
}
