import { describe, expect, it } from 'vitest';
import {
  addDays,
  energyBudget,
  isIsoDay,
  macroTotals,
  macrosForGrams,
  mealsToShow,
  portionGrams,
  ringArc,
  ringFraction,
  todayIn,
} from './diary-math';

describe('portionGrams', () => {
  it('takes a count of a portion of one ("1 large" = 50 g): 2 large eggs are 100 g', () => {
    expect(portionGrams({ amount: 1, grams: 50 }, 2)).toBe(100);
  });

  it('scales a portion given for another amount ("0.5 cup" = 120 g): 1.5 cups are 360 g', () => {
    // one cup = 120 / 0.5 = 240 g; 1.5 cups = 360 g
    expect(portionGrams({ amount: 0.5, grams: 120 }, 1.5)).toBe(360);
  });

  it('is 0 for no count or a broken portion', () => {
    expect(portionGrams({ amount: 1, grams: 50 }, 0)).toBe(0);
    expect(portionGrams({ amount: 0, grams: 50 }, 1)).toBe(0);
  });
});

describe('macrosForGrams', () => {
  it('scales per-100 g values (150 g of 143 kcal / 12.56 g protein per 100 g)', () => {
    const m = macrosForGrams({ energy_kcal: 143, protein_g: 12.56, carbohydrate_g: 0.72, fat_g: 9.51 }, 150);
    expect(m.energy_kcal).toBeCloseTo(214.5, 9);
    expect(m.protein_g).toBeCloseTo(18.84, 9);
    expect(m.carbohydrate_g).toBeCloseTo(1.08, 9);
    expect(m.fat_g).toBeCloseTo(14.265, 9);
  });

  it('counts a nutrient the food does not give as 0', () => {
    expect(macrosForGrams({ energy_kcal: 200 }, 50)).toEqual({ energy_kcal: 100, protein_g: 0, carbohydrate_g: 0, fat_g: 0 });
  });
});

describe('macroTotals', () => {
  it('adds the items as logged, missing nutrients as 0', () => {
    const totals = macroTotals([
      { nutrients: { energy_kcal: 143, protein_g: 12.6, fat_g: 9.5 } },
      { nutrients: { energy_kcal: 250, carbohydrate_g: 30 } },
      { nutrients: {} },
    ]);
    expect(totals.energy_kcal).toBe(393);
    expect(totals.protein_g).toBeCloseTo(12.6, 9);
    expect(totals.carbohydrate_g).toBe(30);
    expect(totals.fat_g).toBeCloseTo(9.5, 9);
  });

  it('is all zeros for no items', () => {
    expect(macroTotals([])).toEqual({ energy_kcal: 0, protein_g: 0, carbohydrate_g: 0, fat_g: 0 });
  });
});

describe('rings', () => {
  it('is eaten / target: 1500 of 2000 kcal is 0.75, 2500 of 2000 is 1.25 (over)', () => {
    expect(ringFraction(1500, 2000)).toBe(0.75);
    expect(ringFraction(2500, 2000)).toBe(1.25);
    expect(ringArc(0.75)).toEqual({ arc: 0.75, over: false });
    expect(ringArc(1.25)).toEqual({ arc: 1, over: true });
  });

  it('has no fraction without a target', () => {
    expect(ringFraction(100, null)).toBeNull();
    expect(ringFraction(100, 0)).toBeNull();
    expect(ringArc(null)).toEqual({ arc: 0, over: false });
  });

  it('counts exercise energy into the budget: 2000 + 350 = 2350', () => {
    expect(energyBudget(2000, 350)).toBe(2350);
    expect(ringFraction(1175, energyBudget(2000, 350))).toBe(0.5);
    expect(energyBudget(null, 350)).toBeNull();
  });
});

describe('meals to show', () => {
  it('always shows the four meals in order, then the own ones in the server order', () => {
    const meal = (name: string) => ({ name, items: [], totals: { amounts: {}, incomplete: [] } });
    const names = mealsToShow({ meals: [meal('dinner'), meal('pre-workout'), meal('breakfast'), meal('late')] }).map(
      (m) => m.name,
    );
    expect(names).toEqual(['breakfast', 'lunch', 'dinner', 'snacks', 'pre-workout', 'late']);
    expect(mealsToShow(undefined).map((m) => m.name)).toEqual(['breakfast', 'lunch', 'dinner', 'snacks']);
  });
});

describe('days', () => {
  it('steps over month and year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows real days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('week')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
  });

  it("names today on the user's clocks: 23:30 UTC is already tomorrow in Berlin", () => {
    const now = new Date('2026-12-06T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-12-06');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-12-07');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-12-06');
  });
});
