import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { GoalInput } from '../lib/metrics';
import { goalFixture } from '../lib/goal-fixtures';
import { GoalEditorPage } from './goal-editor-page';

const paths = {
  goals: '/goals',
  newGoal: '/goals/new',
  goal: (id: string) => `/goals/${id}`,
  edit: (id: string) => `/goals/${id}/edit`,
};

afterEach(() => localStorage.clear());

function renderEditor(path = '/goals/new') {
  return renderRoutes(
    [
      { path: '/goals/new', element: <GoalEditorPage paths={paths} timeZone="UTC" /> },
      { path: '/goals/:id/edit', element: <GoalEditorPage id="g1" paths={paths} timeZone="UTC" /> },
      { path: '/goals/:id', element: <p>The goal page</p> },
    ],
    path,
  );
}

/** The answer POST /goals/preview gives for an input: its target as the explanation. */
function previewOf(input: GoalInput, explanation = `Target ${input.target}.`) {
  return {
    period_start: '2026-11-30',
    period_end: '2026-12-06',
    value: 5000,
    target: input.target,
    unit: 'm',
    fraction: 5000 / input.target,
    reached: false,
    reached_at: null,
    on_track: false,
    projected_date: null,
    explanation,
  };
}

const kinds = () => json({ items: [] });

describe('the goal editor', () => {
  it('previews the goal a moment after it becomes valid, in SI, and creates it with its own id', async () => {
    const api = fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'POST /api/v1/goals/preview': (request: FakeRequest) => json(previewOf(request.body as GoalInput)),
      'POST /api/v1/goals': (request: FakeRequest) =>
        json(goalFixture({ id: (request.body as { id: string }).id }), 201),
    });
    renderEditor();
    expect(await screen.findByText('Fill in the goal to see its progress before you save it.')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Target'), { target: { value: '25' } });
    expect(await screen.findByText('Target 25000.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/goals/preview').map((r) => r.body)).toEqual([
      { metric: 'distance', target: 25000, direction: 'increase', period: 'week', archived: false },
    ]);
    expect(screen.getByText('5 km of 25 km')).toBeInTheDocument();
    expect(screen.getByText('Behind')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByText('The goal page')).toBeInTheDocument();
    const [created] = api.to('POST /api/v1/goals');
    const body = created?.body as GoalInput & { id: string };
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toMatchObject({ metric: 'distance', target: 25000, period: 'week' });
  });

  it('sends the same id again when a create is retried, so it cannot make the goal twice', async () => {
    let calls = 0;
    const api = fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'POST /api/v1/goals/preview': (request: FakeRequest) => json(previewOf(request.body as GoalInput)),
      'POST /api/v1/goals': () => {
        calls += 1;
        return calls === 1 ? problem(503, { title: 'Service Unavailable' }) : json(goalFixture(), 200);
      },
    });
    renderEditor();
    fireEvent.change(await screen.findByLabelText('Target'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(api.to('POST /api/v1/goals')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Set goal' })).toBeEnabled());
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByText('The goal page')).toBeInTheDocument();
    const ids = api.to('POST /api/v1/goals').map((r) => (r.body as { id: string }).id);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('shows the answer to the latest input, whatever order the answers come in', async () => {
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const api = fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'POST /api/v1/goals/preview': async (request: FakeRequest) => {
        const input = request.body as GoalInput;
        if (input.target === 10000) await firstHeld;
        return json(previewOf(input));
      },
    });
    renderEditor();
    fireEvent.change(await screen.findByLabelText('Target'), { target: { value: '10' } });
    await waitFor(() => expect(api.to('POST /api/v1/goals/preview')).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: '15' } });
    expect(await screen.findByText('Target 15000.')).toBeInTheDocument();
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('Target 15000.')).toBeInTheDocument();
    expect(screen.queryByText('Target 10000.')).not.toBeInTheDocument();
  });

  it("shows the server's field errors next to their fields", async () => {
    fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'POST /api/v1/goals/preview': (request: FakeRequest) => json(previewOf(request.body as GoalInput)),
      'POST /api/v1/goals': () =>
        problem(422, {
          title: 'Unprocessable Content',
          errors: [{ field: 'target', message: 'must be at most 1000000 km' }],
        }),
    });
    renderEditor();
    fireEvent.change(await screen.findByLabelText('Target'), { target: { value: '99999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByText('Target must be at most 1000000 km')).toBeInTheDocument();
    expect(screen.getByLabelText('Target')).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for the fields a metric needs: an exercise found by search and the reps for a weight-for-reps goal', async () => {
    const api = fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'GET /api/v1/exercises': () =>
        json({ items: [{ id: 'barbell-back-squat', name: 'Back Squat' }], next_cursor: null }),
      'GET /api/v1/exercises/barbell-back-squat': () => json({ id: 'barbell-back-squat', name: 'Back Squat' }),
      'POST /api/v1/goals/preview': (request: FakeRequest) => json({ ...previewOf(request.body as GoalInput), unit: 'kg' }),
      'POST /api/v1/goals': () => json(goalFixture(), 201),
    });
    renderEditor();
    fireEvent.change(await screen.findByLabelText('What to count'), { target: { value: 'weight_for_reps' } });
    expect(screen.queryByLabelText('Sport')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    expect(await screen.findByText('Choose an exercise.')).toBeInTheDocument();
    expect(screen.getByText('Enter the number of reps (1 or more).')).toBeInTheDocument();
    expect(api.to('POST /api/v1/goals')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Exercise'), { target: { value: 'squat' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Back Squat' }));
    expect(await screen.findByText('Back Squat')).toBeInTheDocument();
    expect(api.to('GET /api/v1/exercises')[0]?.query.get('q')).toBe('squat');
    fireEvent.change(screen.getByLabelText('Reps'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(api.to('POST /api/v1/goals')).toHaveLength(1));
    expect(api.to('POST /api/v1/goals')[0]?.body).toMatchObject({
      metric: 'weight_for_reps',
      target: 100,
      exercise_id: 'barbell-back-squat',
      reps: 5,
    });
  });

  it('saves a change with If-Match; when the goal changed elsewhere it says so and shows it as it is now', async () => {
    let stored = goalFixture();
    const api = fakeApi({
      'GET /api/v1/measurements/kinds': kinds,
      'GET /api/v1/goals/g1': () => json(stored),
      'POST /api/v1/goals/preview': (request: FakeRequest) => json(previewOf(request.body as GoalInput)),
      'PUT /api/v1/goals/g1': (request: FakeRequest) => {
        if (request.headers.get('If-Match') !== `"g-${stored.rev}"`) return problem(412, { title: 'Precondition Failed' });
        stored = { ...stored, ...(request.body as GoalInput), rev: stored.rev + 1 };
        return json(stored);
      },
    });
    renderEditor('/goals/g1/edit');
    const target = await screen.findByLabelText('Target');
    expect(target).toHaveValue('20');
    // Meanwhile, another device makes it 30 km.
    stored = { ...stored, target: 30000, rev: 5 };
    fireEvent.change(target, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('This goal was changed elsewhere')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/goals/g1')[0]?.headers.get('If-Match')).toBe('"g-4"');
    await waitFor(() => expect(screen.getByLabelText('Target')).toHaveValue('30'));

    fireEvent.change(screen.getByLabelText('Target'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('The goal page')).toBeInTheDocument();
    expect(api.to('PUT /api/v1/goals/g1')[1]?.headers.get('If-Match')).toBe('"g-5"');
    expect(stored.target).toBe(25000);
  });
});
