import type { Food, Recipe } from '../api/keys';
import type { NutritionPaths } from '../paths';

/** Test data shaped like the API's answers. */
export function foodFixture(overrides: Partial<Food> = {}): Food {
  return {
    id: 'f1',
    source: 'usda',
    name: 'Food',
    brand: null,
    barcode: null,
    food_group: null,
    portions: [],
    per_100g: { energy_kcal: 100 },
    owned: false,
    ...overrides,
  };
}

export function recipeFixture(overrides: Partial<Recipe> = {}): Recipe {
  return {
    id: 'r1',
    food_id: 'recipe-r1',
    name: 'Porridge',
    servings: 2,
    cooked_weight_g: null,
    ingredients: [],
    total_weight_g: 300,
    per_serving: { amounts: { energy_kcal: 460.5 }, incomplete: [] },
    per_100g: { amounts: { energy_kcal: 307 }, incomplete: [] },
    updated_at: '2026-12-06T10:00:00Z',
    ...overrides,
  };
}

export const testNutritionPaths: NutritionPaths = {
  diary: '/food',
  diaryDay: (date) => `/food/${date}`,
  recipes: '/food/recipes',
  newRecipe: '/food/recipes/new',
  recipe: (id) => `/food/recipes/${id}`,
  editRecipe: (id) => `/food/recipes/${id}/edit`,
  newFood: '/food/foods/new',
  editFood: (id) => `/food/foods/${id}/edit`,
  targets: '/food/targets',
  nutrientDay: (date) => `/food/day/${date}/nutrients`,
  week: (date) => (date ? `/food/week?date=${date}` : '/food/week'),
  me: '/me',
  body: '/body',
};
