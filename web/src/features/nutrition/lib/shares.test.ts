import { describe, expect, it } from 'vitest';
import { describeShare, macroSplit } from './shares';

describe('a nutrient as a share of its target', () => {
  it('fills the bar by the share and rounds the percentage', () => {
    expect(describeShare({ share: 0.456, above_upper_limit: false })).toEqual({ status: 'under', fill: 0.456, percent: 46 });
  });

  it('counts a share of 1 or more as met, with the bar full', () => {
    expect(describeShare({ share: 1, above_upper_limit: false })).toEqual({ status: 'met', fill: 1, percent: 100 });
    expect(describeShare({ share: 1.735, above_upper_limit: false })).toEqual({ status: 'met', fill: 1, percent: 174 });
  });

  it('flags an amount above the upper limit even when the share alone looks fine', () => {
    expect(describeShare({ share: 2.5, above_upper_limit: true })).toEqual({ status: 'aboveLimit', fill: 1, percent: 250 });
    // Sodium has an upper limit but no target in some profiles.
    expect(describeShare({ share: null, above_upper_limit: true })).toEqual({ status: 'aboveLimit', fill: 0, percent: null });
  });

  it('shows no percentage without a target', () => {
    expect(describeShare({ share: null, above_upper_limit: false })).toEqual({ status: 'noTarget', fill: 0, percent: null });
  });
});

describe('the macro split', () => {
  it('weighs grams by 4, 4 and 9 kcal', () => {
    // 100 g protein = 400 kcal, 200 g carbohydrate = 800 kcal, 80 g fat = 720 kcal: 1920 kcal.
    const split = macroSplit({ protein_g: 100, carbohydrate_g: 200, fat_g: 80 });
    expect(split?.protein).toBeCloseTo(400 / 1920, 10);
    expect(split?.carbohydrate).toBeCloseTo(800 / 1920, 10);
    expect(split?.fat).toBeCloseTo(720 / 1920, 10);
  });

  it('has none for a day without macros', () => {
    expect(macroSplit({ protein_g: 0, carbohydrate_g: 0, fat_g: 0 })).toBeNull();
  });
});
