import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { catalogueExercise, testPaths } from '../testing';
import { RoutineEditorPage } from './routine-editor-page';

const exercises = [catalogueExercise('barbell-bench-press', 'Barbell Bench Press'), catalogueExercise('pull-up', 'Pull-Up', { log_type: 'reps' })];

afterEach(() => localStorage.clear());

async function add(name: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add exercise' }));
  const sheet = screen.getByRole('dialog', { name: 'Add exercise' });
  fireEvent.click(await within(sheet).findByRole('button', { name: new RegExp(name) }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add exercise' })).not.toBeInTheDocument());
}

describe('RoutineEditorPage', () => {
  it('saves a new routine in order, with a superset and targets (weights in kg whatever the unit)', async () => {
    unitSystemStore.set('imperial');
    const api = fakeApi({
      'GET /api/v1/exercises': () => json({ items: exercises, next_cursor: null }),
      'POST /api/v1/routines': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: '' }, 201),
    });
    const { router } = renderRoutes(
      [
        { path: '/routines/new', element: <RoutineEditorPage paths={testPaths} /> },
        { path: '/routines', element: <p>Routines</p> },
      ],
      '/routines/new',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    expect(await screen.findByText('Give the routine a name.')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Upper' } });
    await add('Pull-Up');
    await add('Barbell Bench Press');
    const bench = screen.getByRole('group', { name: /^2\. Barbell Bench Press/ });
    fireEvent.change(within(bench).getByRole('textbox', { name: 'Weight (lb)' }), { target: { value: '135' } });
    fireEvent.change(within(bench).getByRole('textbox', { name: 'Sets' }), { target: { value: '4' } });
    fireEvent.change(within(bench).getByRole('combobox', { name: 'Superset' }), { target: { value: '1' } });
    fireEvent.click(within(bench).getByRole('button', { name: 'Move Barbell Bench Press up' }));
    const pull = screen.getByRole('group', { name: /^2\. Pull-Up/ });
    fireEvent.change(within(pull).getByRole('combobox', { name: 'Superset' }), { target: { value: '1' } });
    fireEvent.change(within(pull).getByRole('textbox', { name: 'Rest (s)' }), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/routines'));
    const body = api.to('POST /api/v1/routines')[0]?.body as { name: string; items: Array<Record<string, unknown>> };
    expect(body.name).toBe('Upper');
    expect(body.items).toEqual([
      { exercise_id: 'barbell-bench-press', superset_group: 1, target_sets: 4, target_reps: 10, target_weight_kg: 135 * 0.45359237, target_percent_1rm: null, rest_s: null },
      { exercise_id: 'pull-up', superset_group: 1, target_sets: 3, target_reps: 10, target_weight_kg: null, target_percent_1rm: null, rest_s: 60 },
    ]);
  });

  it('loads a routine with its exercise names and replaces it with PUT', async () => {
    const api = fakeApi({
      'GET /api/v1/routines/r1': () =>
        json({
          id: 'r1',
          rev: 12,
          name: 'Upper',
          notes: null,
          items: [{ exercise_id: 'pull-up', target_sets: 3, target_reps: 8, superset_group: null, rest_s: null }],
          created_at: '',
          updated_at: 'v1',
        }),
      'GET /api/v1/exercises/pull-up': () => json(exercises[1]),
      'PUT /api/v1/routines/r1': (request: FakeRequest) => json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: 'v2' }),
    });
    renderRoutes([{ path: '/routines/:id', element: <RoutineEditorPage id="r1" paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/r1');

    const item = await screen.findByRole('group', { name: /^1\. Pull-Up/ });
    fireEvent.change(within(item).getByRole('textbox', { name: 'Reps' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    await waitFor(() => expect(api.to('PUT /api/v1/routines/r1')).toHaveLength(1));
    expect((api.to('PUT /api/v1/routines/r1')[0]?.body as { items: Array<{ target_reps: number }> }).items[0]?.target_reps).toBe(10);
    // Saved against the revision it was loaded at: a change made elsewhere since is not overwritten.
    expect(api.to('PUT /api/v1/routines/r1')[0]?.headers.get('If-Match')).toBe('"r-12"');
  });

  it('keeps a routine private unless the owner shares it as a template', async () => {
    const api = fakeApi({
      'GET /api/v1/routines/r1': () =>
        json({ id: 'r1', name: 'Upper', notes: null, items: [], visibility: 'public', created_at: '', updated_at: 'v1' }),
      'PUT /api/v1/routines/r1': (request: FakeRequest) => json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: 'v2' }),
      'POST /api/v1/routines': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'r2', created_at: '', updated_at: '' }, 201),
    });
    renderRoutes([{ path: '/routines/:id', element: <RoutineEditorPage id="r1" paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/r1');
    const share = await screen.findByRole('checkbox', { name: 'Share as template' });
    expect(share).toBeChecked();
    fireEvent.click(share);
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    await waitFor(() => expect(api.to('PUT /api/v1/routines/r1')).toHaveLength(1));
    expect((api.to('PUT /api/v1/routines/r1')[0]?.body as { visibility: string }).visibility).toBe('private');
  });

  it('saves a new routine as private by default', async () => {
    const api = fakeApi({
      'POST /api/v1/routines': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'r2', created_at: '', updated_at: '' }, 201),
    });
    renderRoutes([{ path: '/routines/new', element: <RoutineEditorPage paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/new');
    expect(screen.getByRole('checkbox', { name: 'Share as template' })).not.toBeChecked();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Quiet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    await waitFor(() => expect(api.to('POST /api/v1/routines')).toHaveLength(1));
    expect((api.to('POST /api/v1/routines')[0]?.body as { visibility: string }).visibility).toBe('private');
  });

  it('takes a load as % 1RM (decimals with either separator), saving it instead of a weight', async () => {
    const api = fakeApi({
      'GET /api/v1/exercises': () => json({ items: exercises, next_cursor: null }),
      'POST /api/v1/routines': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: '' }, 201),
    });
    const { router } = renderRoutes(
      [
        { path: '/routines/new', element: <RoutineEditorPage paths={testPaths} /> },
        { path: '/routines', element: <p>Routines</p> },
      ],
      '/routines/new',
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Heavy' } });
    await add('Barbell Bench Press');
    const bench = screen.getByRole('group', { name: /^1\. Barbell Bench Press/ });
    fireEvent.change(within(bench).getByRole('textbox', { name: 'Weight (kg)' }), { target: { value: '100' } });
    const loadAs = within(bench).getByRole('combobox', { name: 'Load in' });
    expect(loadAs).toHaveValue('weight');
    fireEvent.change(loadAs, { target: { value: 'percent' } });
    expect(within(bench).queryByRole('textbox', { name: 'Weight (kg)' })).not.toBeInTheDocument();
    const percent = within(bench).getByRole('textbox', { name: 'Weight (% of 1RM)' });
    expect(percent).toHaveAttribute('inputmode', 'decimal');
    fireEvent.change(percent, { target: { value: '72.5' } });
    fireEvent.change(percent, { target: { value: '77,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/routines'));
    const body = api.to('POST /api/v1/routines')[0]?.body as { items: Array<Record<string, unknown>> };
    expect(body.items[0]).toMatchObject({ target_percent_1rm: 77.5, target_weight_kg: null });
  });

  it('switching back to a weight saves the weight and clears the percentage', async () => {
    const api = fakeApi({
      'GET /api/v1/routines/r1': () =>
        json({
          id: 'r1',
          name: 'Heavy',
          notes: null,
          items: [{ exercise_id: 'barbell-bench-press', target_sets: 5, target_reps: 5, target_weight_kg: null, target_percent_1rm: 75, superset_group: null, rest_s: 180 }],
          created_at: '',
          updated_at: 'v1',
        }),
      'GET /api/v1/exercises/barbell-bench-press': () => json(exercises[0]),
      'PUT /api/v1/routines/r1': (request: FakeRequest) => json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: 'v2' }),
    });
    renderRoutes([{ path: '/routines/:id', element: <RoutineEditorPage id="r1" paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/r1');

    const item = await screen.findByRole('group', { name: /^1\. Barbell Bench Press/ });
    // A routine saved with a percentage opens with it.
    expect(within(item).getByRole('combobox', { name: 'Load in' })).toHaveValue('percent');
    expect(within(item).getByRole('textbox', { name: 'Weight (% of 1RM)' })).toHaveValue('75');
    fireEvent.change(within(item).getByRole('combobox', { name: 'Load in' }), { target: { value: 'weight' } });
    fireEvent.change(within(item).getByRole('textbox', { name: 'Weight (kg)' }), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    await waitFor(() => expect(api.to('PUT /api/v1/routines/r1')).toHaveLength(1));
    const body = api.to('PUT /api/v1/routines/r1')[0]?.body as { items: Array<Record<string, unknown>> };
    expect(body.items[0]).toMatchObject({ target_weight_kg: 90, target_percent_1rm: null, rest_s: 180 });
  });

  it('refuses a percentage of 1RM that is 0 or above 100, and saves nothing', async () => {
    const api = fakeApi({
      'GET /api/v1/exercises': () => json({ items: exercises, next_cursor: null }),
      'POST /api/v1/routines': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'r1', created_at: '', updated_at: '' }, 201),
    });
    renderRoutes([{ path: '/routines/new', element: <RoutineEditorPage paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/new');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Heavy' } });
    await add('Barbell Bench Press');
    const bench = screen.getByRole('group', { name: /^1\. Barbell Bench Press/ });
    fireEvent.change(within(bench).getByRole('combobox', { name: 'Load in' }), { target: { value: 'percent' } });
    const percent = within(bench).getByRole('textbox', { name: 'Weight (% of 1RM)' });

    fireEvent.change(percent, { target: { value: '120' } });
    expect(percent).toHaveAccessibleDescription(/Enter a percentage from 1 to 100\./);
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Every percentage of 1RM must be from 1 to 100.');

    fireEvent.change(percent, { target: { value: '0' } });
    expect(percent).toHaveAttribute('aria-invalid', 'true');
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    expect(api.to('POST /api/v1/routines')).toHaveLength(0);

    fireEvent.change(percent, { target: { value: '100' } });
    expect(percent).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByRole('button', { name: 'Save routine' }));
    await waitFor(() => expect(api.to('POST /api/v1/routines')).toHaveLength(1));
    expect((api.to('POST /api/v1/routines')[0]?.body as { items: Array<Record<string, unknown>> }).items[0]).toMatchObject({
      target_percent_1rm: 100,
    });
  });

  it('moves an exercise out of a superset at its edge instead of splitting the group', async () => {
    fakeApi({
      'GET /api/v1/routines/r1': () =>
        json({
          id: 'r1',
          name: 'Upper',
          notes: null,
          items: [
            { exercise_id: 'barbell-bench-press', target_sets: 3, superset_group: 1 },
            { exercise_id: 'pull-up', target_sets: 3, superset_group: 1 },
            { exercise_id: 'barbell-row', target_sets: 3, superset_group: null },
          ],
          created_at: '',
          updated_at: 'v1',
        }),
      'GET /api/v1/exercises/barbell-bench-press': () => json(exercises[0]),
      'GET /api/v1/exercises/pull-up': () => json(exercises[1]),
      'GET /api/v1/exercises/barbell-row': () => json(catalogueExercise('barbell-row', 'Barbell Row')),
    });
    renderRoutes([{ path: '/routines/:id', element: <RoutineEditorPage id="r1" paths={testPaths} /> }, { path: '/routines', element: <p /> }], '/routines/r1');
    await screen.findByRole('group', { name: /^3\. Barbell Row/ });
    // Each exercise is a fieldset whose legend is "n. Name" and its superset badge.
    const order = () => screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent);

    // The row goes above the whole superset, not between its two exercises.
    fireEvent.click(screen.getByRole('button', { name: 'Move Barbell Row up' }));
    expect(order()).toEqual(['1. Barbell Row', '2. Barbell Bench Press Superset 1', '3. Pull-Up Superset 1']);
    // Inside the group: the order of the round changes, the group stays.
    fireEvent.click(screen.getByRole('button', { name: 'Move Pull-Up up' }));
    expect(order()).toEqual(['1. Barbell Row', '2. Pull-Up Superset 1', '3. Barbell Bench Press Superset 1']);
    // Past the group's edge: out of the superset (which, left with one exercise, ends).
    fireEvent.click(screen.getByRole('button', { name: 'Move Pull-Up up' }));
    expect(order()).toEqual(['1. Pull-Up', '2. Barbell Row', '3. Barbell Bench Press']);
  });
});
