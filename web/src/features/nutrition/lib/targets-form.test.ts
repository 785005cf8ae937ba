import { describe, expect, it } from 'vitest';
import { checkTargetsForm, formToInput, type TargetsForm } from './targets-form';

const computed: TargetsForm = {
  mode: 'computed',
  energy_kcal: null,
  protein_g: null,
  carbohydrate_g: null,
  fat_g: null,
  sex: 'female',
  height_cm: 168,
  activity_level: 'moderate',
  weekly_change_kg: -0.5,
  include_exercise_energy: true,
  overrides: { iron_mg: 15 },
};

describe('the targets form', () => {
  it('sends the profile, not the macros, when computed', () => {
    expect(formToInput({ ...computed, protein_g: 120 })).toEqual({
      mode: 'computed',
      include_exercise_energy: true,
      profile: { sex: 'female', height_cm: 168, activity_level: 'moderate', weekly_change_kg: -0.5 },
      micronutrients: { iron_mg: 15 },
    });
  });

  it('sends energy and the macros given when manual', () => {
    const input = formToInput({ ...computed, mode: 'manual', energy_kcal: 2200, protein_g: 140 });
    expect(input).toMatchObject({ mode: 'manual', energy_kcal: 2200, protein_g: 140 });
    expect(input).not.toHaveProperty('fat_g');
  });

  it('refuses what the contract refuses', () => {
    expect(checkTargetsForm({ ...computed, mode: 'manual', energy_kcal: 499 })).toEqual({ energy_kcal: 'energy' });
    expect(checkTargetsForm({ ...computed, height_cm: 49 })).toEqual({ 'profile.height_cm': 'height' });
    expect(checkTargetsForm({ ...computed, weekly_change_kg: -1.25 })).toEqual({ 'profile.weekly_change_kg': 'weeklyChange' });
    expect(formToInput({ ...computed, mode: 'manual', energy_kcal: null })).toBeNull();
    // Manual energy is not needed in computed mode.
    expect(checkTargetsForm(computed)).toEqual({});
  });
});
