import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { BodyPage } from './body-page';

afterEach(() => localStorage.clear());

describe('BodyPage', () => {
  it('records a weight typed in pounds as kg, and shows the trend and the table', async () => {
    unitSystemStore.set('imperial');
    const stored: Array<{ id: string; kind: string; day: string; value: number; updated_at: string }> = [
      { id: 'm1', kind: 'weight', day: '2025-05-01', value: 80, updated_at: '' },
    ];
    const api = fakeApi({
      'GET /api/v1/measurements': () => json({ items: stored }),
      'PUT /api/v1/measurements': (request: FakeRequest) => {
        const input = request.body as { kind: string; day: string; value: number };
        const saved = { ...input, id: 'm2', updated_at: '' };
        stored.push(saved);
        return json(saved);
      },
    });
    renderWithApp(<BodyPage userId="u1" />, '/body');

    expect(await screen.findByRole('img', { name: 'Weight over time' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-05-08' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '175.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Saved: Weight 175\.5 lb/)).toBeInTheDocument();
    const put = api.to('PUT /api/v1/measurements')[0]?.body as { kind: string; day: string; value: number };
    expect(put.kind).toBe('weight');
    expect(put.day).toBe('2025-05-08');
    expect(put.value).toBeCloseTo(175.5 * 0.45359237, 10);

    const table = screen.getByRole('table', { name: 'Weight by day, newest first' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('May 8, 2025175.5');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('May 1, 2025176.37');
  });

  it('records an own kind with its unit and remembers it', async () => {
    const api = fakeApi({
      'GET /api/v1/measurements': (request: FakeRequest) => json({ items: request.query.get('kind') === 'weight' ? [] : [] }),
      'PUT /api/v1/measurements': (request: FakeRequest) => json({ ...(request.body as object), id: 'm1', updated_at: '' }),
    });
    renderWithApp(<BodyPage userId="u1" />, '/body');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: '__new__' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Waist' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Unit (optional)' }), { target: { value: 'cm' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '82' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.to('PUT /api/v1/measurements')).toHaveLength(1));
    expect(api.to('PUT /api/v1/measurements')[0]?.body).toMatchObject({ kind: 'waist', value: 82, unit: 'cm' });
    expect(await screen.findAllByRole('option', { name: 'Waist' })).toHaveLength(2);
  });
});
