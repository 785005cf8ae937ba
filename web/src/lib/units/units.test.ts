import { describe, expect, it } from 'vitest';
import { formatElevation, formatInputNumber, formatWeight } from './format';
import {
  fromDisplayDistance,
  fromDisplayLength,
  fromDisplayWeight,
  inchesToMetres,
  kgToLb,
  lbToKg,
  lengthUnit,
  metresToInches,
  parseDecimal,
  roundKgForSystem,
  roundToIncrement,
  stepValue,
  tidyWeightKg,
  toDisplayDistance,
  toDisplayLength,
  toDisplayWeight,
} from './units';

describe('elevation', () => {
  it('is metres, or feet (0.3048 m exactly) for the imperial system', () => {
    expect(formatElevation(120, 'metric', 'en')).toBe('120 m');
    expect(formatElevation(304.8, 'imperial', 'en')).toBe('1,000 ft');
    expect(formatElevation(1000, 'imperial', 'de')).toBe('3.281 ft');
  });
});

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

describe('length conversion', () => {
  it('converts by the exact international inch', () => {
    expect(inchesToMetres(1)).toBe(0.0254);
    expect(inchesToMetres(100)).toBeCloseTo(2.54, 12);
    expect(metresToInches(0.0254)).toBe(1);
    expect(metresToInches(1)).toBeCloseTo(39.3700787, 6); // 1 / 0.0254
  });

  it('shows metres in cm for metric and in inches for imperial', () => {
    expect(lengthUnit('metric')).toBe('cm');
    expect(lengthUnit('imperial')).toBe('in');
    expect(toDisplayLength(0.84, 'metric')).toBe(84);
    expect(toDisplayLength(0.855, 'metric')).toBe(85.5);
    expect(toDisplayLength(0.8382, 'imperial')).toBe(33); // 33 x 2.54 cm = 83.82 cm
    expect(toDisplayLength(1, 'imperial')).toBeCloseTo(39.37007874, 8);
  });

  it('reads cm or inches as metres for the API', () => {
    expect(fromDisplayLength(84, 'metric')).toBe(0.84);
    expect(fromDisplayLength(85.5, 'metric')).toBe(0.855);
    expect(fromDisplayLength(33, 'imperial')).toBe(0.8382);
    expect(fromDisplayLength(40, 'imperial')).toBe(1.016);
    expect(fromDisplayLength(14.5, 'imperial')).toBe(0.3683);
    expect(toDisplayLength(fromDisplayLength(32.75, 'imperial'), 'imperial')).toBe(32.75);
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
