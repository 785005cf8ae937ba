import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { activeWorkoutStore } from '../lib/active-workout-store';
import { catalogueExercise, testPaths } from '../testing';
import { ProgramsPage } from './programs-page';

const routine = (id: string, name: string) => ({
  id,
  name,
  notes: null,
  items: [{ exercise_id: 'barbell-back-squat', target_sets: 3 }],
  visibility: 'private',
  created_at: '',
  updated_at: '',
});

afterEach(() => localStorage.clear());

describe('ProgramsPage', () => {
  it('saves a new program of my routines in order, with labels', async () => {
    const api = fakeApi({
      'GET /api/v1/programs': () => json({ items: [] }),
      'GET /api/v1/routines': () => json({ items: [routine('r1', 'Push'), routine('r2', 'Pull')] }),
      'POST /api/v1/programs': (request: FakeRequest) =>
        json({ ...(request.body as object), id: 'p1', created_at: '', updated_at: '' }, 201),
    });
    renderRoutes([{ path: '/programs', element: <ProgramsPage userId="u1" paths={testPaths} /> }], '/programs');

    fireEvent.click(await screen.findByRole('button', { name: 'New program' }));
    const editor = screen.getByRole('form', { name: 'New program' });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Name' }), { target: { value: ' Split ' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add a routine' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Add a routine' }));
    fireEvent.change(within(editor).getByRole('combobox', { name: 'Routine 1' }), { target: { value: 'r1' } });
    fireEvent.change(within(editor).getByRole('combobox', { name: 'Routine 2' }), { target: { value: 'r2' } });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Label of routine 2 (optional)' }), {
      target: { value: 'Day B' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Move routine 2 up' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save program' }));

    await waitFor(() => expect(api.to('POST /api/v1/programs')).toHaveLength(1));
    expect(api.to('POST /api/v1/programs')[0]?.body).toEqual({
      name: 'Split',
      notes: null,
      routines: [
        { routine_id: 'r2', label: 'Day B' },
        { routine_id: 'r1', label: null },
      ],
    });
  });

  it('saves a change with the revision it was loaded at, and says so when it changed elsewhere', async () => {
    const api = fakeApi({
      'GET /api/v1/programs': () =>
        json({
          items: [
            {
              id: 'p1',
              rev: 7,
              name: 'PPL',
              notes: null,
              next_routine_id: 'r1',
              routines: [{ routine_id: 'r1', label: 'Day A', routine_name: 'Push' }],
              created_at: '',
              updated_at: '',
            },
          ],
        }),
      'GET /api/v1/routines': () => json({ items: [routine('r1', 'Push')] }),
      'PUT /api/v1/programs/p1': () => problem(412, { detail: 'This program changed since you read it.' }),
    });
    renderRoutes([{ path: '/programs', element: <ProgramsPage userId="u1" paths={testPaths} /> }], '/programs');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit PPL' }));
    const editor = screen.getByRole('form', { name: 'Edit program' });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Name' }), { target: { value: 'Push Pull Legs' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save program' }));

    await waitFor(() => expect(api.to('PUT /api/v1/programs/p1')).toHaveLength(1));
    expect(api.to('PUT /api/v1/programs/p1')[0]?.headers.get('If-Match')).toBe('"p-7"');
    expect(await screen.findByText(/changed on another device/)).toBeInTheDocument();
  });

  it('asks before deleting a program: Cancel keeps it, Delete deletes it once', async () => {
    let items: unknown[] = [
      {
        id: 'p1',
        rev: 3,
        name: 'PPL',
        notes: null,
        routines: [{ routine_id: 'r1', label: null, routine_name: 'Push' }],
        created_at: '',
        updated_at: '',
      },
    ];
    const api = fakeApi({
      'GET /api/v1/programs': () => json({ items }),
      'GET /api/v1/routines': () => json({ items: [routine('r1', 'Push')] }),
      'DELETE /api/v1/programs/p1': () => {
        items = [];
        return noContent();
      },
    });
    renderRoutes([{ path: '/programs', element: <ProgramsPage userId="u1" paths={testPaths} /> }], '/programs');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit PPL' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete program' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete "PPL"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to('DELETE /api/v1/programs/p1')).toHaveLength(0);
    expect(screen.getByRole('form', { name: 'Edit program' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Delete program' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete "PPL"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText(/No programs yet/)).toBeInTheDocument();
    expect(screen.getByText('Program deleted.')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/programs/p1')).toHaveLength(1);
  });

  it('shows each program with its routines in order, each one to start', async () => {
    fakeApi({
      'GET /api/v1/programs': () =>
        json({
          items: [
            {
              id: 'p1',
              name: 'PPL',
              notes: null,
              routines: [
                { routine_id: 'r1', label: 'Day A', routine_name: 'Push' },
                { routine_id: 'gone', label: 'Day B', routine_name: null },
              ],
              created_at: '',
              updated_at: '',
            },
          ],
        }),
      'GET /api/v1/routines': () => json({ items: [routine('r1', 'Push')] }),
    });
    renderRoutes([{ path: '/programs', element: <ProgramsPage userId="u1" paths={testPaths} /> }], '/programs');

    expect(await screen.findByRole('heading', { name: 'PPL' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Push' })).toHaveAttribute('href', '/routines/r1');
    expect(screen.getByText('(deleted routine)')).toBeInTheDocument();
    // No next routine named: one Start per live routine, no "Start next".
    expect(screen.getAllByRole('button', { name: /^Start/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Start next/ })).not.toBeInTheDocument();
  });

  it('shows the routine that is next and starts a workout from it with "Start next"', async () => {
    fakeApi({
      'GET /api/v1/programs': () =>
        json({
          items: [
            {
              id: 'p1',
              name: 'PPL',
              notes: null,
              next_routine_id: 'r2',
              routines: [
                { routine_id: 'r1', label: 'Day A', routine_name: 'Push' },
                { routine_id: 'r2', label: 'Day B', routine_name: 'Pull' },
              ],
              created_at: '',
              updated_at: '',
            },
          ],
        }),
      'GET /api/v1/routines': () => json({ items: [routine('r1', 'Push'), routine('r2', 'Pull')] }),
      'GET /api/v1/exercises/barbell-back-squat': () => json(catalogueExercise('barbell-back-squat', 'Barbell Back Squat')),
      'GET /api/v1/exercises/barbell-back-squat/last-sets': () => json({ workout_id: null, started_at: null, items: [] }),
    });
    const { router } = renderRoutes(
      [
        { path: '/programs', element: <ProgramsPage userId="u1" paths={testPaths} /> },
        { path: '/log/active', element: <p>Logging</p> },
      ],
      '/programs',
    );

    expect(await screen.findByText('Next: Day B: Pull')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items.find((li) => li.getAttribute('aria-current') === 'step')).toHaveTextContent('Day B: Pull');
    fireEvent.click(screen.getByRole('button', { name: 'Start next Day B: Pull of PPL' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/log/active'));
    const started = activeWorkoutStore('u1').get();
    expect(started).toMatchObject({ title: 'Pull', routine_id: 'r2' });
    expect(started?.blocks).toHaveLength(1);
  });
});
