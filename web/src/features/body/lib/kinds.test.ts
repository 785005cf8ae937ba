import { describe, expect, it } from 'vitest';
import { displayUnit, fromDisplayValue, isBuiltIn, rangeCheck, storedUnit, todayIn, toDisplayValue } from './kinds';

describe('measurement kinds', () => {
  it('knows the built-in kinds and their SI units', () => {
    expect(storedUnit('weight')).toBe('kg');
    expect(storedUnit('body_fat')).toBe('%');
    expect(storedUnit('waist')).toBe('m');
    expect(storedUnit('calf')).toBe('m');
    expect(storedUnit('resting_heart_rate')).toBe('bpm');
    expect(storedUnit('wrist')).toBeUndefined();
    expect(isBuiltIn('hips')).toBe(true);
    expect(isBuiltIn('grip_strength')).toBe(false);
  });

  it('shows lengths in cm or in, weight in kg or lb, the rest as stored', () => {
    expect(displayUnit('waist', 'metric')).toBe('cm');
    expect(displayUnit('waist', 'imperial')).toBe('in');
    expect(displayUnit('weight', 'imperial')).toBe('lb');
    expect(displayUnit('resting_heart_rate', 'imperial')).toBe('bpm');
    expect(displayUnit('grip_strength', 'imperial', 'N')).toBe('N');

    expect(toDisplayValue('waist', 0.84, 'metric')).toBe(84);
    expect(toDisplayValue('chest', 1.016, 'imperial')).toBe(40);
    expect(toDisplayValue('weight', 0.45359237, 'imperial')).toBe(1);
    expect(toDisplayValue('body_fat', 18.5, 'imperial')).toBe(18.5);
    expect(toDisplayValue('wrist', 17, 'imperial')).toBe(17) /* an own kind's cm stay cm */;

    expect(fromDisplayValue('waist', 84, 'metric')).toBe(0.84);
    expect(fromDisplayValue('waist', 33, 'imperial')).toBe(0.8382);
    expect(fromDisplayValue('resting_heart_rate', 52, 'imperial')).toBe(52);
  });

  it('checks a built-in value against its range, given in the display unit', () => {
    expect(rangeCheck('waist', 0.84, 'metric')).toEqual({ ok: true, min: 20, max: 300, minExclusive: false });
    expect(rangeCheck('waist', 84, 'metric')?.ok).toBe(false);
    expect(rangeCheck('waist', 0.19, 'metric')?.ok).toBe(false);
    expect(rangeCheck('waist', 3, 'imperial')).toEqual({ ok: true, min: 7.874015748, max: 118.1102362205, minExclusive: false });
    expect(rangeCheck('weight', 0, 'metric')?.ok).toBe(false);
    expect(rangeCheck('wrist', 1e9, 'metric')).toBeUndefined();
  });
});

describe('todayIn', () => {
  it("gives the day on the user's zone's clocks, not this device's", () => {
    // 2026-03-01T23:30Z is already 2 March in Berlin (UTC+1) and still 1 March in New York (UTC-5).
    const now = new Date('2026-03-01T23:30:00Z');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-03-02');
    expect(todayIn('America/New_York', now)).toBe('2026-03-01');
    expect(todayIn('UTC', now)).toBe('2026-03-01');
  });
});
