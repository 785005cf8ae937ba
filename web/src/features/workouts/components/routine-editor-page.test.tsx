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
      { exercise_id: 'barbell-bench-press', superset_group: 1, target_sets: 4, target_reps: 10, target_weight_kg: 135 * 0.45359237, rest_s: null },
      { exercise_id: 'pull-up', superset_group: 1, target_sets: 3, target_reps: 10, target_weight_kg: null, rest_s: 60 },
    ]);
  });

  it('loads a routine with its exercise names and replaces it with PUT', async () => {
    const api = fakeApi({
      'GET /api/v1/routines/r1': () =>
        json({
          id: 'r1',
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
});
