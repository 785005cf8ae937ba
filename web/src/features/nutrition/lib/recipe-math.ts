import { allNutrients, type NutrientAmounts, type NutrientKey } from './nutrients';

export interface PortionLike {
  name: string;
  /** How many of the name `grams` weigh (1 for "1 large"). */
  amount: number;
  grams: number;
}

/** The grams of `count` of a portion: a portion of amount 2 weighing 80 g is 40 g each. */
export function portionGrams(portion: PortionLike, count: number): number {
  return (count * portion.grams) / portion.amount;
}

export interface IngredientLine {
  /** The food's nutrients per 100 g; absent ones are unknown, not zero. */
  per100g: NutrientAmounts;
  grams: number;
}

export interface PreviewTotals {
  amounts: NutrientAmounts;
  /** Nutrients some ingredient does not give: their totals count only the ones that do. */
  incomplete: NutrientKey[];
}

export interface RecipePreview {
  perServing: PreviewTotals;
  per100g: PreviewTotals;
  /** The cooked weight when given, else the ingredients' weight. */
  totalWeightG: number;
}

/**
 * The recipe's nutrition as the server will compute it, for the editor's live preview: each
 * ingredient's per-100-g amounts scaled by its grams, summed, then divided by the servings
 * (per serving) and by the total weight (per 100 g; cooking changes the weight, not the
 * nutrients). A nutrient no ingredient gives is left out; one only some give is incomplete.
 */
export function recipePreview(lines: readonly IngredientLine[], servings: number, cookedWeightG: number | null): RecipePreview {
  const totals: Partial<Record<NutrientKey, number>> = {};
  const incomplete: NutrientKey[] = [];
  for (const key of allNutrients) {
    let sum = 0;
    let known = 0;
    for (const line of lines) {
      const per100 = line.per100g[key];
      if (per100 === undefined) continue;
      sum += (per100 * line.grams) / 100;
      known += 1;
    }
    if (known === 0) continue;
    totals[key] = sum;
    if (known < lines.length) incomplete.push(key);
  }
  const ingredientsWeight = lines.reduce((total, line) => total + line.grams, 0);
  const totalWeightG = cookedWeightG !== null && cookedWeightG > 0 ? cookedWeightG : ingredientsWeight;
  const scaled = (divisor: number): NutrientAmounts => {
    const out: NutrientAmounts = {};
    for (const [key, value] of Object.entries(totals) as Array<[NutrientKey, number]>) {
      out[key] = divisor > 0 ? value / divisor : 0;
    }
    return out;
  };
  return {
    perServing: { amounts: scaled(Math.max(1, servings)), incomplete },
    per100g: { amounts: scaled(totalWeightG / 100), incomplete: [...incomplete] },
    totalWeightG,
  };
}
