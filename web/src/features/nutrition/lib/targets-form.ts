import type { NutritionTargets, NutritionTargetsInput } from '../api/keys';
import type { NutrientKey } from './nutrients';

export type TargetsMode = 'manual' | 'computed';
export type Sex = NutritionTargets['profile']['sex'];
export type ActivityLevel = NutritionTargets['profile']['activity_level'];

export const activityLevels: readonly ActivityLevel[] = ['sedentary', 'light', 'moderate', 'active', 'very_active'];
export const sexes: readonly Sex[] = ['female', 'male', 'unspecified'];

export interface TargetsForm {
  mode: TargetsMode;
  energy_kcal: number | null;
  protein_g: number | null;
  carbohydrate_g: number | null;
  fat_g: number | null;
  sex: Sex;
  height_cm: number | null;
  activity_level: ActivityLevel;
  weekly_change_kg: number;
  include_exercise_energy: boolean;
  /** Your own targets for some nutrients, replacing the reference intakes. */
  overrides: Partial<Record<NutrientKey, number>>;
}

/** The form for the targets in force; without any, computed from the profile is the suggestion. */
export function targetsToForm(targets: NutritionTargets): TargetsForm {
  const overrides: TargetsForm['overrides'] = {};
  for (const m of targets.micronutrients) if (m.basis === 'custom') overrides[m.nutrient] = m.amount;
  return {
    mode: targets.mode === 'manual' ? 'manual' : 'computed',
    energy_kcal: targets.daily?.energy_kcal ?? null,
    protein_g: targets.daily?.protein_g ?? null,
    carbohydrate_g: targets.daily?.carbohydrate_g ?? null,
    fat_g: targets.daily?.fat_g ?? null,
    sex: targets.profile.sex,
    height_cm: targets.profile.height_cm,
    activity_level: targets.profile.activity_level,
    weekly_change_kg: targets.profile.weekly_change_kg,
    include_exercise_energy: targets.include_exercise_energy,
    overrides,
  };
}

export type TargetsProblem = 'energy' | 'macro' | 'height' | 'weeklyChange' | 'override';

/** What the contract refuses, by the server's field path. */
export function checkTargetsForm(form: TargetsForm): Partial<Record<string, TargetsProblem>> {
  const found: Partial<Record<string, TargetsProblem>> = {};
  if (form.mode === 'manual') {
    if (form.energy_kcal === null || form.energy_kcal < 500 || form.energy_kcal > 10000) found.energy_kcal = 'energy';
    const macroMax = { protein_g: 1000, carbohydrate_g: 2000, fat_g: 1000 } as const;
    for (const key of ['protein_g', 'carbohydrate_g', 'fat_g'] as const) {
      const value = form[key];
      if (value !== null && (value < 0 || value > macroMax[key])) found[key] = 'macro';
    }
  }
  if (form.height_cm !== null && (form.height_cm < 50 || form.height_cm > 275)) found['profile.height_cm'] = 'height';
  if (!(form.weekly_change_kg >= -1 && form.weekly_change_kg <= 1)) found['profile.weekly_change_kg'] = 'weeklyChange';
  for (const [key, value] of Object.entries(form.overrides)) {
    if (value !== undefined && value < 0) found[`micronutrients.${key}`] = 'override';
  }
  return found;
}

/** The request body for the form, or null while it has a problem. */
export function formToInput(form: TargetsForm): NutritionTargetsInput | null {
  if (Object.keys(checkTargetsForm(form)).length > 0) return null;
  const input: NutritionTargetsInput = {
    mode: form.mode,
    include_exercise_energy: form.include_exercise_energy,
    profile: {
      sex: form.sex,
      height_cm: form.height_cm,
      activity_level: form.activity_level,
      weekly_change_kg: form.weekly_change_kg,
    },
    micronutrients: { ...form.overrides },
  };
  if (form.mode === 'manual') {
    input.energy_kcal = form.energy_kcal ?? 0;
    if (form.protein_g !== null) input.protein_g = form.protein_g;
    if (form.carbohydrate_g !== null) input.carbohydrate_g = form.carbohydrate_g;
    if (form.fat_g !== null) input.fat_g = form.fat_g;
  }
  return input;
}
