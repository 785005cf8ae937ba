import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, noContent, problem } from '@/testing/fake-api';
import type { DiaryDay, DiaryItem, DiaryPaths, Food } from '../lib/model';
import { DiaryPage } from './diary-page';

const paths: DiaryPaths = {
  day: (date) => `/food/${date}`,
  recipes: '/food/recipes',
  targets: '/food/targets',
  week: '/food/week',
  nutrients: (date) => `/food/day/${date}/nutrients`,
  newFood: (barcode) => (barcode ? `/food/foods/new?barcode=${barcode}` : '/food/foods/new'),
};

const egg: Food = {
  id: 'usda-01123',
  source: 'usda',
  name: 'Egg, whole, raw, fresh',
  brand: null,
  barcode: null,
  food_group: 'Dairy and Egg Products',
  portions: [
    { name: 'large', amount: 1, grams: 50 },
    { name: 'cup', amount: 1, grams: 243 },
  ],
  per_100g: { energy_kcal: 143, protein_g: 12.56, carbohydrate_g: 0.72, fat_g: 9.51 },
  owned: false,
};

function item(overrides: Partial<DiaryItem>): DiaryItem {
  return {
    id: 'i1',
    date: '2026-12-06',
    meal: 'breakfast',
    kind: 'food',
    food_id: egg.id,
    name: egg.name,
    grams: 100,
    portion: { name: 'large', count: 2 },
    nutrients: { energy_kcal: 143, protein_g: 12.56, carbohydrate_g: 0.72, fat_g: 9.51 },
    logged_at: '2026-12-06T08:00:00Z',
    ...overrides,
  };
}

function day(items: DiaryItem[], overrides: Partial<DiaryDay> = {}): DiaryDay {
  const meals = [...new Set(items.map((i) => i.meal))].map((name) => ({
    name,
    items: items.filter((i) => i.meal === name),
    totals: { amounts: {}, incomplete: [] },
  }));
  return {
    date: '2026-12-06',
    meals,
    totals: { amounts: {}, incomplete: [] },
    water_ml: 500,
    exercise_kcal: 0,
    targets: { energy_kcal: 2000, protein_g: 120, carbohydrate_g: 250, fat_g: 70 },
    remaining_kcal: null,
    ...overrides,
  };
}

afterEach(() => vi.restoreAllMocks());

const render = () => renderWithApp(<DiaryPage date="2026-12-06" today="2026-12-06" paths={paths} />);

describe('the diary page', () => {
  it("shows the four meals, the day's items and the rings summed from them, with what is left", async () => {
    const items = [
      item({}),
      item({ id: 'i2', meal: 'pre-workout', kind: 'quick', food_id: null, name: 'Bar', grams: null, portion: null, nutrients: { energy_kcal: 250, protein_g: 20, carbohydrate_g: 30, fat_g: 5 } }),
    ];
    fakeApi({ 'GET /api/v1/diary/2026-12-06': () => json(day(items, { exercise_kcal: 300 })) });
    render();

    const energy = await screen.findByRole('group', { name: 'Energy' });
    // 143 + 250 = 393 eaten; budget 2000 + 300 exercise = 2300; left 2300 - 393 = 1907.
    expect(energy).toHaveTextContent('393 kcal');
    expect(energy).toHaveTextContent('of 2,300 kcal');
    expect(energy).toHaveTextContent('1,907 kcal left');
    // 12.56 + 20 = 32.56 g protein, shown whole above 10 g.
    expect(screen.getByRole('group', { name: 'Protein' })).toHaveTextContent('33 g');
    expect(screen.getByRole('group', { name: 'Protein' })).toHaveTextContent('of 120 g');

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Water', 'Breakfast', 'Lunch', 'Dinner', 'Snacks', 'pre-workout']);
    const breakfast = screen.getByRole('region', { name: 'Breakfast' });
    expect(within(breakfast).getByRole('button', { name: /Egg, whole, raw, fresh\s*2 × large\s*143 kcal/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Previous day' })).toHaveAttribute('href', '/food/2026-12-05');
    expect(screen.getByRole('link', { name: 'Next day' })).toHaveAttribute('href', '/food/2026-12-07');
  });

  it("copies yesterday's breakfast in two taps, with Undo", async () => {
    const api = fakeApi({
      'GET /api/v1/diary/2026-12-06': () => json(day([])),
      'POST /api/v1/diary/2026-12-06/copy': () => json({ items: [item({ id: 'c1' }), item({ id: 'c2' })] }, 201),
      'DELETE /api/v1/diary-items/c1': () => noContent(),
      'DELETE /api/v1/diary-items/c2': () => noContent(),
    });
    render();
    const breakfast = await screen.findByRole('region', { name: 'Breakfast' });
    fireEvent.click(within(breakfast).getByRole('button', { name: 'More for Breakfast' }));
    fireEvent.click(within(breakfast).getByRole('button', { name: "Copy yesterday's breakfast" }));

    await waitFor(() => expect(api.to('POST /api/v1/diary/2026-12-06/copy')).toHaveLength(1));
    const [copy] = api.to('POST /api/v1/diary/2026-12-06/copy');
    expect(copy?.body).toEqual({ from: '2026-12-05', meal: 'breakfast' });
    expect(copy?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    // Undo takes the copies away again.
    expect(await screen.findByText('Copied 2 items')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/api/v1/diary-items/c1',
      '/api/v1/diary-items/c2',
    ]));
  });

  it('adds 2 large eggs found by search: one request for the settled query, a live preview, the portion sent', async () => {
    const api = fakeApi({
      'GET /api/v1/diary/2026-12-06': () => json(day([])),
      'GET /api/v1/foods/recent': () => json({ recent: [], frequent: [] }),
      'GET /api/v1/foods': () => json({ items: [egg] }),
      'POST /api/v1/diary/2026-12-06/items': () => json({ items: [item({})] }, 201),
    });
    render();
    await screen.findByRole('group', { name: 'Energy' });
    const breakfast = screen.getByRole('region', { name: 'Breakfast' });
    fireEvent.click(within(breakfast).getByRole('button', { name: 'Add food to Breakfast' }));
    const sheet = await screen.findByRole('dialog', { name: 'Add to Breakfast' });
    const search = within(sheet).getByRole('searchbox', { name: 'Search foods' });
    for (const typed of ['e', 'eg', 'egg']) fireEvent.change(search, { target: { value: typed } });

    fireEvent.click(await within(sheet).findByRole('button', { name: /Egg, whole, raw, fresh.*143 kcal \/ 100 g/ }));
    expect(api.to('GET /api/v1/foods').map((r) => r.query.get('q'))).toEqual(['egg']);

    // One large egg is 50 g: 71.5 kcal, shown as 72 (rounded half up); two are 100 g = 143 kcal.
    expect(within(sheet).getByLabelText('Portion')).toHaveValue('portion:large');
    expect(within(sheet).getByText('72 kcal')).toBeInTheDocument();
    fireEvent.change(within(sheet).getByLabelText('How many'), { target: { value: '2' } });
    expect(within(sheet).getByText('Weight: 100 g')).toBeInTheDocument();
    expect(within(sheet).getByText('143 kcal')).toBeInTheDocument();
    fireEvent.click(within(sheet).getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(api.to('POST /api/v1/diary/2026-12-06/items')).toHaveLength(1));
    const body = api.to('POST /api/v1/diary/2026-12-06/items')[0]?.body as { items: Array<Record<string, unknown>> };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ meal: 'breakfast', food_id: egg.id, portion: { name: 'large', count: 2 } });
    expect(body.items[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("shows the server's field error for a wrong check digit, and a way to create an unknown product", async () => {
    let answer = () => problem(422, { title: 'Invalid', errors: [{ field: 'code', message: 'has a wrong check digit' }] });
    fakeApi({
      'GET /api/v1/diary/2026-12-06': () => json(day([])),
      'GET /api/v1/foods/recent': () => json({ recent: [], frequent: [] }),
      'GET /api/v1/foods/barcode/4006381333932': () => answer(),
    });
    render();
    await screen.findByRole('group', { name: 'Energy' });
    const lunch = screen.getByRole('region', { name: 'Lunch' });
    fireEvent.click(within(lunch).getByRole('button', { name: 'Add food to Lunch' }));
    const sheet = await screen.findByRole('dialog', { name: 'Add to Lunch' });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Scan barcode' }));
    const digits = within(sheet).getByRole('textbox', { name: 'Barcode digits' });
    fireEvent.change(digits, { target: { value: '4006381333932' } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Look up' }));
    expect(await within(sheet).findByText('Barcode digits has a wrong check digit')).toBeInTheDocument();

    answer = () => problem(404, { title: 'Not found' });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Look up' }));
    expect(await within(sheet).findByRole('link', { name: 'Create this product' })).toHaveAttribute(
      'href',
      '/food/foods/new?barcode=4006381333932',
    );
  });

  it('deletes an item and offers Undo, which logs it again', async () => {
    const api = fakeApi({
      'GET /api/v1/diary/2026-12-06': () => json(day([item({})])),
      'GET /api/v1/foods/usda-01123': () => json(egg),
      'DELETE /api/v1/diary-items/i1': () => noContent(),
      'POST /api/v1/diary/2026-12-06/items': () => json({ items: [item({ id: 'i3' })] }, 201),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: /Egg, whole, raw, fresh/ }));
    const dialog = await screen.findByRole('dialog', { name: egg.name });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.to('DELETE /api/v1/diary-items/i1')).toHaveLength(1));

    // Undo logs it again as it was (a new id: the old one is a tombstone on the server).
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.to('POST /api/v1/diary/2026-12-06/items')).toHaveLength(1));
    const body = api.to('POST /api/v1/diary/2026-12-06/items')[0]?.body as { items: Array<Record<string, unknown>> };
    expect(body.items[0]).toMatchObject({ meal: 'breakfast', food_id: egg.id, portion: { name: 'large', count: 2 } });
    expect(body.items[0]?.id).not.toBe('i1');
  });
});
