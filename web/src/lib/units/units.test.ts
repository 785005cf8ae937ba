import { describe, expect, it } from 'vitest';
import { formatInputNumber, formatWeight } from './format';
import {
  fromDisplayDistance,
  fromDisplayWeight,
  kgToLb,
  lbToKg,
  parseDecimal,
  roundKgForSystem,
  roundToIncrement,
  stepValue,
  tidyWeightKg,
  toDisplayDistance,
  toDisplayWeight,
} from './units';

describe('weight conversion', () => {
  it('converts by the exact international pound', () => {
    expect(lbToKg(1)).toBe(0.45359237);
    expect(kgToLb(100)).toBeCloseTo(220.462262, 6);
    expect(lbToKg(kgToLb(61.5))).toBeCloseTo(61.5, 12);
  });

  it('shows and reads kg unchanged for metric, pounds for imperial', () => {
    expect(toDisplayWeight(60, 'metric')).toBe(60);
    expect(fromDisplayWeight(60, 'metric')).toBe(60);
    expect(toDisplayWeight(lbToKg(135), 'imperial')).toBeCloseTo(135, 10);
    expect(fromDisplayWeight(135, 'imperial')).toBeCloseTo(61.23497, 5);
  });

  it('converts distances to km or miles', () => {
    expect(toDisplayDistance(5000, 'metric')).toBe(5);
    expect(toDisplayDistance(1609.344, 'imperial')).toBe(1);
    expect(fromDisplayDistance(2.5, 'metric')).toBe(2500);
    expect(fromDisplayDistance(1, 'imperial')).toBe(1609.344);
  });
});

describe('rounding to a loadable step', () => {
  it('rounds kilograms to 2.5 and pounds to 5, halves up', () => {
    expect(roundToIncrement(61, 'metric')).toBe(60);
    expect(roundToIncrement(61.25, 'metric')).toBe(62.5);
    expect(roundToIncrement(63.7, 'metric')).toBe(62.5);
    expect(roundToIncrement(132.28, 'imperial')).toBe(130);
    expect(roundToIncrement(132.5, 'imperial')).toBe(135);
    expect(roundToIncrement(2.4999999999, 'metric')).toBe(2.5);
  });

  it('rounds kg in the unit the user loads: 60 kg is 130 lb', () => {
    expect(roundKgForSystem(60, 'metric')).toBe(60);
    expect(toDisplayWeight(roundKgForSystem(60, 'imperial'), 'imperial')).toBeCloseTo(130, 10);
  });

  it('keeps a weight that reads cleanly in the unit, and rounds conversion noise', () => {
    expect(tidyWeightKg(61, 'metric')).toBe(61);
    expect(tidyWeightKg(61.25, 'metric')).toBe(61.25);
    expect(tidyWeightKg(lbToKg(135), 'imperial')).toBe(lbToKg(135));
    expect(toDisplayWeight(tidyWeightKg(60, 'imperial'), 'imperial')).toBeCloseTo(130, 10);
    expect(tidyWeightKg(lbToKg(100), 'metric')).toBe(45);
  });
});

describe('parseDecimal', () => {
  it('reads either decimal separator and ignores spaces', () => {
    expect(parseDecimal('62.5')).toBe(62.5);
    expect(parseDecimal('62,5')).toBe(62.5);
    expect(parseDecimal(' 100 ')).toBe(100);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('7.')).toBe(7);
  });

  it('gives null for empty text and NaN for anything else', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('  ')).toBeNull();
    expect(parseDecimal('1,000.5')).toBeNaN();
    expect(parseDecimal('abc')).toBeNaN();
    expect(parseDecimal('1e3')).toBeNaN();
  });
});

describe('formatting', () => {
  it('shows a weight in the user unit with its symbol', () => {
    expect(formatWeight(62.5, 'metric', 'en')).toBe('62.5 kg');
    expect(formatWeight(1234.5, 'metric', 'de')).toBe('1.234,5 kg');
    expect(formatWeight(lbToKg(135), 'imperial', 'en')).toBe('135 lb');
  });

  it('writes input numbers without grouping, with the locale decimal sign', () => {
    expect(formatInputNumber(1234.5, 'en')).toBe('1234.5');
    expect(formatInputNumber(1234.5, 'de')).toBe('1234,5');
    expect(parseDecimal(formatInputNumber(1234.56, 'de'))).toBe(1234.56);
  });
});

describe('stepValue', () => {
  it('goes from a multiple of the step to the next one, from anything else to the nearest in that direction', () => {
    expect(stepValue(60, 2.5, 1)).toBe(62.5);
    expect(stepValue(60, 2.5, -1)).toBe(57.5);
    expect(stepValue(61, 2.5, 1)).toBe(62.5);
    expect(stepValue(61, 2.5, -1)).toBe(60);
    expect(stepValue(0.3, 0.1, 1)).toBe(0.4);
    expect(stepValue(135, 5, 1)).toBe(140);
  });

  it('never goes below 0', () => {
    expect(stepValue(1, 2.5, -1)).toBe(0);
    expect(stepValue(0, 2.5, -1)).toBe(0);
  });

  it('rounds with the step given instead of the default', () => {
    expect(roundToIncrement(61, 'metric', 1)).toBe(61);
    expect(roundToIncrement(61.3, 'metric', 0.5)).toBe(61.5);
    expect(roundToIncrement(132.28, 'imperial', 2.5)).toBe(132.5);
  });
});
