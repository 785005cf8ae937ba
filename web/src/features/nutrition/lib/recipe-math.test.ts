import { describe, expect, it } from 'vitest';
import { portionGrams, recipePreview } from './recipe-math';

// Worked by hand: porridge for 2 from 200 g oats (per 100 g: 389 kcal, 16.9 g protein, 10.6 g
// fibre) and 2 large eggs (portion "large": amount 1, 50 g; per 100 g: 143 kcal, 12.6 g protein,
// no fibre given).
// Eggs: 2 x 50 g = 100 g. Energy: 389 x 2 + 143 x 1 = 778 + 143 = 921 kcal -> 460.5 per serving.
// Protein: 16.9 x 2 + 12.6 = 33.8 + 12.6 = 46.4 g -> 23.2 per serving.
// Fibre: only the oats give it: 21.2 g -> 10.6 per serving, marked incomplete.
// Cooked weight 600 g: per 100 g = 921 / 6 = 153.5 kcal; without it, 300 g: 307 kcal.
const oats = { per100g: { energy_kcal: 389, protein_g: 16.9, fiber_g: 10.6 }, grams: 200 };
const egg = { name: 'large', amount: 1, grams: 50 };

describe('the recipe preview', () => {
  it('weighs a portion by its count', () => {
    expect(portionGrams(egg, 2)).toBe(100);
    // "cup" given as 2 cups weighing 480 g: 1.5 cups are 360 g.
    expect(portionGrams({ name: 'cup', amount: 2, grams: 480 }, 1.5)).toBe(360);
  });

  it('divides the ingredients by the servings, and by the cooked weight per 100 g', () => {
    const eggs = { per100g: { energy_kcal: 143, protein_g: 12.6 }, grams: portionGrams(egg, 2) };
    const preview = recipePreview([oats, eggs], 2, 600);
    expect(preview.perServing.amounts.energy_kcal).toBeCloseTo(460.5, 9);
    expect(preview.perServing.amounts.protein_g).toBeCloseTo(23.2, 9);
    expect(preview.perServing.amounts.fiber_g).toBeCloseTo(10.6, 9);
    expect(preview.perServing.incomplete).toEqual(['fiber_g']);
    expect(preview.perServing.amounts.fat_g).toBeUndefined();
    expect(preview.totalWeightG).toBe(600);
    expect(preview.per100g.amounts.energy_kcal).toBeCloseTo(153.5, 9);
  });

  it('uses the ingredients weight without a cooked weight', () => {
    const eggs = { per100g: { energy_kcal: 143, protein_g: 12.6 }, grams: 100 };
    const preview = recipePreview([oats, eggs], 2, null);
    expect(preview.totalWeightG).toBe(300);
    expect(preview.per100g.amounts.energy_kcal).toBeCloseTo(307, 9);
  });

  it('gives nothing for no ingredients', () => {
    const preview = recipePreview([], 4, null);
    expect(preview.perServing.amounts).toEqual({});
    expect(preview.totalWeightG).toBe(0);
  });
});
