import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, testMeta, testUser } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { routes } from './routes';

const signedIn = { 'GET /api/v1/meta': () => json(testMeta), 'GET /api/v1/me': () => json(testUser) };

describe('the nutrition routes (beside the diary)', () => {
  it('loads the recipes page at /food/recipes', async () => {
    fakeApi({ ...signedIn, 'GET /api/v1/recipes': () => json({ items: [] }) });
    renderRoutes(routes, '/food/recipes');
    expect(await screen.findByRole('heading', { level: 1, name: 'Recipes' })).toBeInTheDocument();
    expect(await screen.findByText('No recipes yet')).toBeInTheDocument();
  });

  it('starts a new food with the scanned barcode from ?barcode=', async () => {
    fakeApi(signedIn);
    renderRoutes(routes, '/food/foods/new?barcode=4006381333931&next=%2Ffood%2F2026-12-05');
    expect(await screen.findByRole('heading', { level: 1, name: 'New food' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Barcode/)).toHaveValue('4006381333931');
  });

  it('asks for a day at /food/day/:date/nutrients', async () => {
    const api = fakeApi({
      ...signedIn,
      'GET /api/v1/nutrition/days/2026-12-05': () => json({ date: '2026-12-05', nutrients: [] }),
    });
    renderRoutes(routes, '/food/day/2026-12-05/nutrients');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nutrients' })).toBeInTheDocument();
    expect(api.to('GET /api/v1/nutrition/days/2026-12-05')).toHaveLength(1);
  });

  it('asks for the week of ?date= at /food/week', async () => {
    const api = fakeApi({ ...signedIn, 'GET /api/v1/nutrition/week': () => problem(422, { detail: 'Not a date.' }) });
    renderRoutes(routes, '/food/week?date=2026-12-02');
    expect(await screen.findByRole('heading', { level: 1, name: 'Week' })).toBeInTheDocument();
    expect(api.to('GET /api/v1/nutrition/week')[0]?.query.get('date')).toBe('2026-12-02');
  });
});
