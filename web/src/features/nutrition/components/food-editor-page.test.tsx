import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { FoodInput } from '../api/keys';
import { foodFixture, testNutritionPaths as paths } from '../lib/fixtures';
import { FoodEditorPage } from './food-editor-page';

function renderEditor(barcode?: string) {
  return renderRoutes(
    [
      { path: '/food/foods/new', element: <FoodEditorPage barcode={barcode} paths={paths} /> },
      { path: '/food', element: <p>The diary</p> },
    ],
    '/food/foods/new',
  );
}

describe('the food form', () => {
  it('starts with the scanned barcode and refuses a wrong check digit before sending', () => {
    const api = fakeApi({});
    renderEditor('4006381333932');
    expect(screen.getByLabelText(/^Barcode/)).toHaveValue('4006381333932');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Muesli bar' } });
    fireEvent.change(screen.getByLabelText('Energy'), { target: { value: '420' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save food' }));
    expect(screen.getByText('This barcode’s last digit does not fit: check the digits for a typo.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Barcode/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests).toEqual([]);
  });

  it('asks for energy, the one nutrient every label has', () => {
    fakeApi({});
    renderEditor();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Muesli bar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save food' }));
    expect(screen.getByText('Energy is needed: it is on every label.')).toBeInTheDocument();
  });

  it('saves name, brand, barcode, portions and nutrients per 100 g, and shows the server’s field errors', async () => {
    let calls = 0;
    const api = fakeApi({
      'POST /api/v1/foods': (request) => {
        calls += 1;
        if (calls === 1) {
          return problem(409, {
            title: 'Conflict',
            errors: [{ field: 'barcode', message: 'You already have a food with this barcode.' }],
          });
        }
        return json(foodFixture({ id: (request.body as { id: string }).id, owned: true, source: 'custom' }), 201);
      },
    });
    renderEditor('4006381333931');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Muesli bar' } });
    fireEvent.change(screen.getByLabelText('Brand (optional)'), { target: { value: 'Acme' } });
    fireEvent.change(screen.getByLabelText('Energy'), { target: { value: '420' } });
    fireEvent.change(screen.getByLabelText('Protein'), { target: { value: '8,5' } });
    // A nutrient from the "more nutrients" list.
    fireEvent.click(screen.getByText('More nutrients'));
    fireEvent.change(screen.getByLabelText('Iron'), { target: { value: '2.1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a portion' }));
    fireEvent.change(screen.getByLabelText('Portion name'), { target: { value: 'bar' } });
    fireEvent.change(screen.getByLabelText('Weigh'), { target: { value: '45' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save food' }));
    expect(await screen.findByText('You already have a food with this barcode.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Barcode/)).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(screen.getByLabelText(/^Barcode/), { target: { value: '73513537' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save food' }));
    expect(await screen.findByText('The diary')).toBeInTheDocument();
    const [first, second] = api.to('POST /api/v1/foods').map((r) => r.body as FoodInput & { id: string });
    expect(second?.id).toBe(first?.id);
    expect(second).toEqual({
      id: first?.id,
      name: 'Muesli bar',
      brand: 'Acme',
      barcode: '73513537',
      portions: [{ name: 'bar', amount: 1, grams: 45 }],
      per_100g: { energy_kcal: 420, protein_g: 8.5, iron_mg: 2.1 },
    });
  });
});
