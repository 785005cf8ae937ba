import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { NutritionTargets, NutritionTargetsInput } from '../api/keys';
import { testNutritionPaths as paths } from '../lib/fixtures';
import { TargetsPage } from './targets-page';

const unset: NutritionTargets = {
  mode: 'none',
  daily: null,
  include_exercise_energy: false,
  profile: { sex: 'unspecified', height_cm: null, activity_level: 'sedentary', weekly_change_kg: 0 },
  micronutrients: [{ nutrient: 'iron_mg', amount: 8, basis: 'rda', upper_limit: 45 }],
  computed: null,
  missing: ['birth_year', 'height_cm', 'weight', 'sex'],
};

// A woman of 35, 168 cm, 65 kg, moderately active, losing 0.5 kg a week, as the server would
// explain it: BMR 10 x 65 + 6.25 x 168 - 5 x 35 - 161 = 1364; x 1.55 = 2114.2; 0.5 x 7700 / 7 =
// 550 less: 1564.2 kcal, above the 1200 kcal floor.
function computedAnswer(request: FakeRequest): NutritionTargets {
  const input = request.body as NutritionTargetsInput;
  return {
    ...unset,
    mode: 'computed',
    profile: input.profile ?? unset.profile,
    daily: { energy_kcal: 1564, protein_g: 104, carbohydrate_g: 180, fat_g: 52 },
    computed: {
      weight_kg: 65,
      age_years: 35,
      bmr_kcal: 1364,
      activity_factor: 1.55,
      tdee_kcal: 2114.2,
      daily_adjustment_kcal: -550,
      floor_kcal: 1200,
      floor_applied: false,
      target_kcal: 1564.2,
      protein_g_per_kg: 1.6,
    },
    missing: [],
  };
}

describe('the targets page', () => {
  it('says what is missing, with links, then explains the computed targets from the preview', async () => {
    const api = fakeApi({
      'GET /api/v1/nutrition/targets': () => json(unset),
      'POST /api/v1/nutrition/targets/preview': (request) =>
        json((request.body as NutritionTargetsInput).profile?.height_cm ? computedAnswer(request) : unset),
      'PUT /api/v1/nutrition/targets': (request) => json(computedAnswer(request)),
    });
    renderRoutes([{ path: '*', element: <TargetsPage paths={paths} /> }]);
    expect(await screen.findByRole('link', { name: 'Your birth year (on your profile)' })).toHaveAttribute('href', '/me');
    expect(screen.getByRole('link', { name: 'A body-weight measurement' })).toHaveAttribute('href', '/body');

    fireEvent.change(screen.getByLabelText('Sex'), { target: { value: 'female' } });
    fireEvent.change(screen.getByLabelText('Height'), { target: { value: '168' } });
    fireEvent.change(screen.getByLabelText('Activity level'), { target: { value: 'moderate' } });
    fireEvent.change(screen.getByLabelText('Weekly weight change'), { target: { value: '-0.5' } });
    fireEvent.click(screen.getByLabelText(/Count workouts’ energy/));

    expect(
      await screen.findByText('Basal metabolic rate (Mifflin-St Jeor) for 65 kg, 168 cm, 35 years: 1,364 kcal', undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('× activity factor 1.55 = 2,114 kcal a day (total energy expenditure)')).toBeInTheDocument();
    expect(screen.getByText('-550 kcal a day for -0.5 kg a week (7,700 kcal per kg over 7 days)')).toBeInTheDocument();
    expect(screen.getByText('Above the minimum of 1,200 kcal')).toBeInTheDocument();
    expect(screen.getByText('Target: 1,564 kcal a day')).toBeInTheDocument();
    expect(screen.getByText('Protein: 1.6 g per kg of body weight = 104 g')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'A body-weight measurement' })).toBeNull();
    // Typing did not send a preview per key: the last one carries the whole form.
    const previews = api.to('POST /api/v1/nutrition/targets/preview');
    expect(previews.at(-1)?.body).toEqual({
      mode: 'computed',
      include_exercise_energy: true,
      profile: { sex: 'female', height_cm: 168, activity_level: 'moderate', weekly_change_kg: -0.5 },
      micronutrients: {},
    });
    expect(previews.length).toBeLessThanOrEqual(3);

    const iron = screen.getByRole('row', { name: /Iron/ });
    expect(iron).toHaveTextContent('8 mg RDA');
    expect(iron).toHaveTextContent('45 mg');
    fireEvent.change(within(iron).getByLabelText('Your own target for Iron'), { target: { value: '18' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save targets' }));
    expect(await screen.findByText('Targets saved.')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/nutrition/targets')[0]?.body).toMatchObject({ micronutrients: { iron_mg: 18 } });
  });
});
