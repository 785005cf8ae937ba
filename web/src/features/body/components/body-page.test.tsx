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
      const same = stored.findIndex((m) => m.kind === input.kind && m.day === input.day);
      const saved = { unit: '', ...input, id: same >= 0 ? stored[same]!.id : `m${stored.length + 1}`, updated_at: '' };
      if (same >= 0) stored.splice(same, 1, saved);
      else stored.push(saved);
      return json(saved);
    },
    'DELETE /api/v1/measurements/m1': () => {
      stored.splice(
        stored.findIndex((m) => m.id === 'm1'),
        1,
      );
      return new Response(null, { status: 204 });
    },
  });
}

describe('BodyPage', () => {
  it('records a weight typed in pounds as kg, and shows the trend and the table', async () => {
    unitSystemStore.set('imperial');
    const stored: Stored[] = [{ id: 'm1', kind: 'weight', day: '2025-05-01', value: 80, unit: 'kg', updated_at: '' }];
    const api = measurementsApi(stored);
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

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
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

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
    const { unmount } = renderWithApp(<BodyPage timeZone="UTC" />, '/body');

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
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');
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
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

    fireEvent.change(screen.getByRole('combobox', { name: 'What' }), { target: { value: 'waist' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter a value from 20 to 300 cm.')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/measurements')).toHaveLength(0);
  });

  it('records an own kind with its unit, and lists it once the server has it', async () => {
    const api = measurementsApi([]);
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

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

  it('refuses a day after today in the user’s time zone, sending nothing', async () => {
    const api = measurementsApi([]);
    renderWithApp(<BodyPage timeZone="Europe/Berlin" />, '/body');

    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2999-01-01' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Choose today or an earlier day.')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/measurements')).toHaveLength(0);
  });

  it('asks before a second value for the same day replaces the first', async () => {
    const stored: Stored[] = [{ id: 'm1', kind: 'weight', day: '2025-05-01', value: 80, unit: 'kg', updated_at: '' }];
    const api = measurementsApi(stored);
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');
    await screen.findByRole('table', { name: 'Weight by day, newest first' });

    const enter = () => {
      fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-05-01' } });
      fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '81' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    };
    enter();
    const dialog = await screen.findByRole('dialog', { name: 'Replace this day’s value?' });
    expect(dialog).toHaveTextContent('Weight on May 1, 2025 is already 80 kg. Replace it with 81 kg?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the old value' }));
    expect(api.to('PUT /api/v1/measurements')).toHaveLength(0);

    enter();
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(api.to('PUT /api/v1/measurements')).toHaveLength(1));
    expect(api.to('PUT /api/v1/measurements')[0]?.body).toMatchObject({ kind: 'weight', day: '2025-05-01', value: 81 });
    // A new day saves at once.
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-05-02' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '80.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.to('PUT /api/v1/measurements')).toHaveLength(2));
  });

  it('asks before deleting an entry', async () => {
    const stored: Stored[] = [{ id: 'm1', kind: 'weight', day: '2025-05-01', value: 80, unit: 'kg', updated_at: '' }];
    const api = measurementsApi(stored);
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

    const remove = await screen.findByRole('button', { name: 'Delete entry of May 1, 2025' });
    fireEvent.click(remove);
    const dialog = await screen.findByRole('dialog', { name: 'Delete this entry?' });
    expect(dialog).toHaveTextContent('Weight on May 1, 2025: 80 kg.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.to('DELETE /api/v1/measurements/m1')).toHaveLength(0);

    fireEvent.click(remove);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.to('DELETE /api/v1/measurements/m1')).toHaveLength(1));
  });

  it('shows the chart over 4 weeks, 3 months, a year or everything', async () => {
    // Days counted back from today (UTC, the user's zone here): 3, 40, 200 and 500 days ago.
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const stored: Stored[] = [500, 200, 40, 3].map((days, i) => ({
      id: `m${i + 1}`,
      kind: 'weight',
      day: ago(days),
      value: 80 + i,
      unit: 'kg',
      updated_at: '',
    }));
    measurementsApi(stored);
    renderWithApp(<BodyPage timeZone="UTC" />, '/body');

    const range = await screen.findByRole('group', { name: 'Chart range' });
    expect(within(range).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/^4 entries/)).toBeInTheDocument();
    fireEvent.click(within(range).getByRole('button', { name: '1 year' }));
    expect(screen.getByText(/^3 entries/)).toBeInTheDocument();
    fireEvent.click(within(range).getByRole('button', { name: '3 months' }));
    expect(screen.getByText(/^2 entries/)).toBeInTheDocument();
    fireEvent.click(within(range).getByRole('button', { name: '4 weeks' }));
    expect(screen.getByText(/^1 entry/)).toBeInTheDocument();
    expect(within(range).getByRole('button', { name: '4 weeks' })).toHaveAttribute('aria-pressed', 'true');
    // The table still lists every entry.
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(5);
  });
});
