import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { BodyPage } from './body-page';

afterEach(() => localStorage.clear());

interface Stored {
  id: string;
  kind: string;
  day: string;
  value: number;
  unit: string;
  updated_at: string;
}

/** A fake of the measurements API over `stored`, with the kinds list derived from it. */
function measurementsApi(stored: Stored[]) {
  return fakeApi({
    'GET /api/v1/measurements': (request: FakeRequest) =>
      json({ items: stored.filter((m) => m.kind === request.query.get('kind')).sort((a, b) => a.day.localeCompare(b.day)) }),
    'GET /api/v1/measurements/kinds': () => {
      const kinds = [...new Set(stored.map((m) => m.kind))].sort();
      return json({
        items: kinds.map((kind) => {
          const of = stored.filter((m) => m.kind === kind).sort((a, b) => a.day.localeCompare(b.day));
          const latest = of[of.length - 1]!;
          return { kind, unit: latest.unit, entries: of.length, latest: { day: latest.day, value: latest.value } };
        }),
      });
    },
    'PUT /api/v1/measurements': (request: FakeRequest) => {
      const input = request.body as { kind: string; day: string; value: number; unit?: string };
      const saved = { unit: '', ...input, id: `m${stored.length + 1}`, updated_at: '' };
      stored.push(saved);
      return json(saved);
    },
  });
}

describe('BodyPage', () => {
  it('records a weight typed in pounds as kg, and shows the trend and the table', async () => {
    unitSystemStore.set('imperial');
    const stored: Stored[] = [{ id: 'm1', kind: 'weight', day: '2025-05-01', value: 80, unit: 'kg', updated_at: '' }];
    const api = measurementsApi(stored);
    renderWithApp(<BodyPage />, '/body');

    expect(await screen.findByRole('img', { name: 'Weight over time' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-05-08' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '175.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Saved: Weight 175\.5 lb/)).toBeInTheDocument();
    const put = api.to('PUT /api/v1/measurements')[0]?.body as { kind: string; day: string; value: number; unit: string };
    expect(put.kind).toBe('weight');
    expect(put.day).toBe('2025-05-08');
    expect(put.unit).toBe('kg');
    expect(put.value).toBeCloseTo(175.5 * 0.45359237, 10);

    const table = screen.getByRole('table', { name: 'Weight by day, newest first' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('May 8, 2025175.5');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('May 1, 2025176.37');
  });

  it('lists the built-in kinds and the user’s own kinds from the server, each once', async () => {
    const stored: Stored[] = [
      { id: 'm1', kind: 'grip_strength', day: '2025-05-01', value: 41, unit: 'kg', updated_at: '' },
      { id: 'm2', kind: 'waist', day: '2025-05-01', value: 0.84, unit: 'm', updated_at: '' },
    ];
    const api = measurementsApi(stored);
    renderWithApp(<BodyPage />, '/body');

    // Two selects (record, show): an own kind from the server in each, a built-in one once in each.
    expect(await screen.findAllByRole('option', { name: 'Grip strength' })).toHaveLength(2);
    expect(screen.getAllByRole('option', { name: 'Waist' })).toHaveLength(2);
    for (const builtIn of ['Weight', 'Body fat', 'Chest', 'Hips', 'Neck', 'Upper arm', 'Thigh', 'Calf', 'Resting heart rate']) {
      expect(screen.getAllByRole('option', { name: builtIn })).toHaveLength(2);
    }
    expect(api.to('GET /api/v1/measurements/kinds')).toHaveLength(1);

    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'grip_strength' } });
    const table = await screen.findByRole('table', { name: 'Grip strength by day, newest first' });
    expect(within(table).getByRole('columnheader', { name: 'Grip strength (kg)' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('May 1, 202541');
  });

  it('takes a waist in cm and sends it in metres; shows stored metres in cm, or inches for imperial', async () => {
    const stored: Stored[] = [{ id: 'm1', kind: 'waist', day: '2025-05-01', value: 0.8382, unit: 'm', updated_at: '' }];
    const api = measurementsApi(stored);
    const { unmount } = renderWithApp(<BodyPage />, '/body');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'waist' } });
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-05-08' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '84,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Saved: Waist 84\.5 cm/)).toBeInTheDocument();
    expect(api.to('PUT /api/v1/measurements')[0]?.body).toEqual({ kind: 'waist', day: '2025-05-08', value: 0.845, unit: 'm' });
    // The history switches to the kind just saved, in cm.
    expect(await screen.findByRole('img', { name: 'Waist over time' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Waist by day, newest first' });
    expect(within(table).getByRole('columnheader', { name: 'Waist (cm)' })).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('May 8, 202584.5');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('May 1, 202583.82');
    unmount();

    // In inches: 0.8382 m is 33 in, 0.845 m is 33.27 in (0.845 / 0.0254 = 33.2677...).
    unitSystemStore.set('imperial');
    renderWithApp(<BodyPage />, '/body');
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'waist' } });
    const inches = await screen.findByRole('table', { name: 'Waist by day, newest first' });
    expect(within(inches).getByRole('columnheader', { name: 'Waist (in)' })).toBeInTheDocument();
    expect(within(inches).getAllByRole('row')[1]).toHaveTextContent('May 8, 202533.27');
    expect(within(inches).getAllByRole('row')[2]).toHaveTextContent('May 1, 202533');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'chest' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.to('PUT /api/v1/measurements')).toHaveLength(2));
    expect(api.to('PUT /api/v1/measurements')[1]?.body).toMatchObject({ kind: 'chest', value: 1.016, unit: 'm' });
  });

  it('refuses a length outside its range in the unit typed, sending nothing', async () => {
    const api = measurementsApi([]);
    renderWithApp(<BodyPage />, '/body');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'waist' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter a value from 20 to 300 cm.')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/measurements')).toHaveLength(0);
  });

  it('records an own kind with its unit, and lists it once the server has it', async () => {
    const api = measurementsApi([]);
    renderWithApp(<BodyPage />, '/body');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: '__new__' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Wrist' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Unit (optional)' }), { target: { value: 'cm' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '17' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.to('PUT /api/v1/measurements')).toHaveLength(1));
    expect(api.to('PUT /api/v1/measurements')[0]?.body).toMatchObject({ kind: 'wrist', value: 17, unit: 'cm' });
    expect(await screen.findAllByRole('option', { name: 'Wrist' })).toHaveLength(2);
    expect(api.to('GET /api/v1/measurements/kinds').length).toBeGreaterThanOrEqual(2);
    expect(localStorage.getItem('vigor.body-kinds.u1')).toBeNull();
  });
});
