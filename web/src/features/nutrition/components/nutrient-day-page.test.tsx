import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { testNutritionPaths as paths } from '../lib/fixtures';
import { NutrientDayPage } from './nutrient-day-page';

const entry = (nutrient: string, amount: number, target: number | null, more: Record<string, unknown> = {}) => ({
  nutrient,
  amount,
  incomplete: false,
  target,
  share: target === null ? null : amount / target,
  upper_limit: null,
  above_upper_limit: false,
  ...more,
});

describe('the nutrient day page', () => {
  it('groups the nutrients, shows each as a share of its target and flags the upper limit', async () => {
    fakeApi({
      'GET /api/v1/nutrition/days/2026-12-05': () =>
        json({
          date: '2026-12-05',
          nutrients: [
            entry('energy_kcal', 1800, 2400),
            entry('protein_g', 96, 120),
            entry('vitamin_c_mg', 60, 75, { incomplete: true }),
            entry('sodium_mg', 2600, 1500, { upper_limit: 2300, above_upper_limit: true }),
            entry('caffeine_mg', 200, null),
          ],
        }),
    });
    renderRoutes([{ path: '*', element: <NutrientDayPage date="2026-12-05" paths={paths} /> }]);

    const macros = await screen.findByRole('region', { name: 'Energy and macros' });
    // 1800 of 2400 kcal is 75%.
    expect(within(macros).getByText('1,800 kcal of 2,400 kcal · 75%')).toBeInTheDocument();
    expect(within(macros).getByRole('meter', { name: 'Protein' })).toHaveAttribute('aria-valuenow', '80');

    const vitamins = screen.getByRole('region', { name: 'Vitamins' });
    expect(within(vitamins).getByText('Some foods don’t list this')).toBeInTheDocument();

    const minerals = screen.getByRole('region', { name: 'Minerals' });
    expect(within(minerals).getByText('Above upper limit')).toBeInTheDocument();
    expect(within(minerals).getByText('The upper limit is 2,300 mg.')).toBeInTheDocument();
    // 2600 of 1500 mg is 173%; the bar is full, not wider.
    expect(within(minerals).getByRole('meter', { name: 'Sodium' })).toHaveAttribute('aria-valuenow', '100');
    expect(within(minerals).getByText('2,600 mg of 1,500 mg · 173%')).toBeInTheDocument();
    expect(screen.getByText('1 nutrient is above its upper limit')).toBeInTheDocument();

    const other = screen.getByRole('region', { name: 'Other' });
    expect(within(other).getByText('200 mg (no target)')).toBeInTheDocument();
    expect(within(other).queryByRole('meter')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Fats' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Diary of this day' })).toHaveAttribute('href', '/food/2026-12-05');
  });
});
