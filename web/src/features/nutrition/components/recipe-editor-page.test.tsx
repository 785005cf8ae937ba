import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { RecipeInput } from '../api/keys';
import { foodFixture, recipeFixture, testNutritionPaths as paths } from '../lib/fixtures';
import { RecipeEditorPage } from './recipe-editor-page';

// The worked example of recipe-math.test.ts: 200 g oats and 2 large eggs for 2 servings give
// 460.5 kcal (shown rounded: 461 kcal) and 23.2 g protein (23 g) per serving.
const oats = foodFixture({ id: 'oats', name: 'Oats', per_100g: { energy_kcal: 389, protein_g: 16.9, fiber_g: 10.6 } });
const egg = foodFixture({
  id: 'egg',
  name: 'Egg, whole, raw',
  portions: [{ name: 'large', amount: 1, grams: 50 }],
  per_100g: { energy_kcal: 143, protein_g: 12.6 },
});

function search(request: FakeRequest) {
  const q = request.query.get('q') ?? '';
  return json({ items: [oats, egg].filter((f) => f.name.toLowerCase().startsWith(q.toLowerCase())) });
}

function renderEditor() {
  return renderRoutes(
    [
      { path: '/food/recipes/new', element: <RecipeEditorPage paths={paths} /> },
      { path: '/food/recipes/:id', element: <p>The recipe page</p> },
    ],
    '/food/recipes/new',
  );
}

async function addIngredient(typed: string, name: string) {
  fireEvent.change(screen.getByLabelText('Add an ingredient'), { target: { value: typed } });
  // The search waits for typing to stop; a busy machine may take a while to answer.
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^${name}`) }, { timeout: 3000 }));
}

describe('the recipe editor', () => {
  it('adds ingredients found as you type, previews per serving, and saves with its own id', async () => {
    const api = fakeApi({
      'GET /api/v1/foods': search,
      'POST /api/v1/recipes': (request) => json(recipeFixture({ id: (request.body as { id: string }).id }), 201),
    });
    renderEditor();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Porridge' } });
    fireEvent.change(screen.getByLabelText('Servings'), { target: { value: '2' } });

    await addIngredient('oat', 'Oats');
    // A food without portions starts at 100 g.
    fireEvent.change(screen.getByLabelText('Amount of Oats'), { target: { value: '200' } });
    await addIngredient('egg', 'Egg, whole, raw');
    // A food with portions starts at 1 of its first portion.
    expect(screen.getByLabelText('Unit of Egg, whole, raw')).toHaveValue('large');
    fireEvent.change(screen.getByLabelText('Amount of Egg, whole, raw'), { target: { value: '2' } });

    const preview = screen.getByRole('table', { name: 'Nutrition per serving (preview)' });
    expect(within(preview).getByRole('row', { name: /Energy/ })).toHaveTextContent('461 kcal');
    expect(within(preview).getByRole('row', { name: /Protein/ })).toHaveTextContent('23 g');
    // Fibre comes from the oats only: 10.6 g, marked as incomplete.
    expect(within(preview).getByRole('row', { name: /Fibre/ })).toHaveTextContent('11 g');
    expect(within(preview).getByRole('row', { name: /Fibre/ })).toHaveTextContent('Some foods don’t list this');

    fireEvent.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(await screen.findByText('The recipe page')).toBeInTheDocument();
    const body = api.to('POST /api/v1/recipes')[0]?.body as RecipeInput & { id: string };
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toEqual({
      id: body.id,
      name: 'Porridge',
      servings: 2,
      cooked_weight_g: null,
      ingredients: [
        { food_id: 'oats', grams: 200 },
        { food_id: 'egg', portion: { name: 'large', count: 2 } },
      ],
    });
    // The search waited for the typing to stop: one request per word typed, not per key.
    expect(api.to('GET /api/v1/foods').map((r) => r.query.get('q'))).toEqual(['oat', 'egg']);
  });

  it('asks for a name and an ingredient before sending anything', async () => {
    const api = fakeApi({ 'GET /api/v1/foods': search });
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(await screen.findByText('Give the recipe a name.')).toBeInTheDocument();
    expect(screen.getByText('Add at least one ingredient.')).toBeInTheDocument();
    expect(api.requests).toEqual([]);
  });

  it('shows the server’s field error at the ingredient it names, and retries with the same id', async () => {
    let calls = 0;
    const api = fakeApi({
      'GET /api/v1/foods': search,
      'POST /api/v1/recipes': (request) => {
        calls += 1;
        if (calls === 1) {
          return problem(422, {
            title: 'Invalid input',
            errors: [{ field: 'ingredients[0].grams', message: 'Too many grams for one ingredient.' }],
          });
        }
        return json(recipeFixture({ id: (request.body as { id: string }).id }), 201);
      },
    });
    renderEditor();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Oat bowl' } });
    await addIngredient('oat', 'Oats');
    fireEvent.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(await screen.findByText(/Too many grams for one ingredient\./)).toBeInTheDocument();
    expect(screen.getByLabelText('Amount of Oats')).toHaveAttribute('aria-invalid', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Save recipe' }));
    expect(await screen.findByText('The recipe page')).toBeInTheDocument();
    const [first, second] = api.to('POST /api/v1/recipes').map((r) => (r.body as { id: string }).id);
    expect(second).toBe(first);
  });
});
