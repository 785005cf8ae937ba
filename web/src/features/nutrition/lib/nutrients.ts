import type { Schema } from '@/lib/api/types';

export type NutrientKey = Schema<'NutrientKey'>;
export type NutrientAmounts = Schema<'NutrientAmounts'>;
export type NutrientUnit = 'kcal' | 'g' | 'mg' | 'ug';
export type NutrientGroup = 'energyMacros' | 'fats' | 'vitamins' | 'minerals' | 'other';

/** The closed list of nutrients (src/core/nutrients.hpp), in its order, each with its group. */
export const nutrientGroups: ReadonlyArray<{ group: NutrientGroup; keys: readonly NutrientKey[] }> = [
  { group: 'energyMacros', keys: ['energy_kcal', 'protein_g', 'carbohydrate_g', 'fiber_g', 'sugars_g', 'fat_g'] },
  {
    group: 'fats',
    keys: [
      'saturated_fat_g',
      'monounsaturated_fat_g',
      'polyunsaturated_fat_g',
      'trans_fat_g',
      'omega3_g',
      'omega6_g',
      'cholesterol_mg',
    ],
  },
  {
    group: 'vitamins',
    keys: [
      'vitamin_a_ug',
      'vitamin_c_mg',
      'vitamin_d_ug',
      'vitamin_e_mg',
      'vitamin_k_ug',
      'thiamin_mg',
      'riboflavin_mg',
      'niacin_mg',
      'pantothenic_acid_mg',
      'vitamin_b6_mg',
      'folate_ug',
      'vitamin_b12_ug',
      'choline_mg',
    ],
  },
  {
    group: 'minerals',
    keys: [
      'sodium_mg',
      'potassium_mg',
      'calcium_mg',
      'iron_mg',
      'magnesium_mg',
      'phosphorus_mg',
      'zinc_mg',
      'copper_mg',
      'manganese_mg',
      'selenium_ug',
    ],
  },
  { group: 'other', keys: ['caffeine_mg', 'alcohol_g', 'water_g'] },
];

export const allNutrients: readonly NutrientKey[] = nutrientGroups.flatMap((g) => g.keys);

/** The form's first nutrients; the others sit under "more nutrients". */
export const mainNutrients: readonly NutrientKey[] = [
  'energy_kcal',
  'protein_g',
  'carbohydrate_g',
  'sugars_g',
  'fiber_g',
  'fat_g',
  'saturated_fat_g',
  'sodium_mg',
];

export function groupOf(key: NutrientKey): NutrientGroup {
  return nutrientGroups.find((g) => g.keys.includes(key))?.group ?? 'other';
}

/** The unit a nutrient's amounts are in: its name ends with it. */
export function unitOf(key: NutrientKey): NutrientUnit {
  const suffix = key.slice(key.lastIndexOf('_') + 1);
  return suffix === 'kcal' || suffix === 'mg' || suffix === 'ug' ? suffix : 'g';
}

/** Digits worth showing: whole kcal; one decimal below 10 of a unit, none above. */
export function fractionDigitsFor(value: number, unit: NutrientUnit): number {
  if (unit === 'kcal') return 0;
  return Math.abs(value) < 10 ? 1 : 0;
}
