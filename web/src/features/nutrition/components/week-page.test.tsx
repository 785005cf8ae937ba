import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { testNutritionPaths as paths } from '../lib/fixtures';
import { WeekPage } from './week-page';

const dates = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];

describe('the week page', () => {
  it('counts the days that hit protein, shows each day against the target and links to it', async () => {
    const api = fakeApi({
      'GET /api/v1/nutrition/week': () =>
        json({
          start: '2026-11-30',
          end: '2026-12-06',
          days: dates.map((date, i) => ({
            date,
            items: i < 5 ? 4 : 0,
            energy_kcal: i < 5 ? 2000 : 0,
            protein_g: i < 5 ? 100 : 0,
            carbohydrate_g: i < 5 ? 200 : 0,
            fat_g: i < 5 ? 80 : 0,
            exercise_kcal: i === 1 ? 300 : 0,
            energy_on_target: i < 5 ? i !== 2 : null,
            protein_hit: i < 5 ? i !== 4 : null,
          })),
          targets: { energy_kcal: 2100, protein_g: 100, carbohydrate_g: 250, fat_g: 70 },
          days_logged: 5,
          energy_days_on_target: 4,
          protein_days_hit: 4,
          average: { energy_kcal: 2000, protein_g: 100, carbohydrate_g: 200, fat_g: 80 },
        }),
    });
    renderRoutes([{ path: '*', element: <WeekPage date="2026-12-02" paths={paths} /> }]);
    expect(await screen.findByText('4 of 7 days hit protein')).toBeInTheDocument();
    expect(screen.getByText('4 of 7 days on calorie target')).toBeInTheDocument();
    expect(api.to('GET /api/v1/nutrition/week')[0]?.query.get('date')).toBe('2026-12-02');

    const table = screen.getByRole('table');
    const tuesday = within(table).getByRole('row', { name: /Tue Dec 1/ });
    // 2000 kcal against 2100 plus 300 from training; 100 g protein = 400 kcal, 200 g carbs =
    // 800 kcal, 80 g fat = 720 kcal: 21 / 42 / 38 % of 1920 kcal.
    expect(tuesday).toHaveTextContent('2,000 / 2,400');
    expect(tuesday).toHaveTextContent('21 / 42 / 38');
    expect(within(tuesday).getByRole('link')).toHaveAttribute('href', '/food/2026-12-01');
    expect(within(table).getByRole('row', { name: /Sun Dec 6/ })).toHaveTextContent('Not logged');
    expect(screen.getByRole('link', { name: '← Previous week' })).toHaveAttribute('href', '/food/week?date=2026-11-29');
    expect(screen.getByRole('link', { name: 'Next week →' })).toHaveAttribute('href', '/food/week?date=2026-12-07');
  });
});
