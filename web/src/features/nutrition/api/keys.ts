import type { Schema } from '@/lib/api/types';

export type Food = Schema<'Food'>;
export type FoodInput = Schema<'FoodInput'>;
export type FoodPortion = Schema<'FoodPortion'>;
export type Recipe = Schema<'Recipe'>;
export type RecipeInput = Schema<'RecipeInput'>;
export type NutritionTargets = Schema<'NutritionTargets'>;
export type NutritionTargetsInput = Schema<'NutritionTargetsInput'>;
export type NutrientDay = Schema<'NutrientDay'>;
export type NutritionWeek = Schema<'NutritionWeek'>;

/**
 * Every nutrition query starts with this key, so one invalidation refreshes them all (the
 * diary's queries use the same first key where that feature names them so).
 */
export const nutritionQueryKey = ['nutrition'] as const;
export const foodsQueryKey = [...nutritionQueryKey, 'foods'] as const;
export const recipesQueryKey = [...nutritionQueryKey, 'recipes'] as const;
export const targetsQueryKey = [...nutritionQueryKey, 'targets'] as const;
