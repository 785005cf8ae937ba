import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, testUser, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { testPaths } from '../testing';
import { HistoryPage } from './history-page';
import { queueDelete, resetPendingEditsForTests } from '../lib/pending-edits';

function summary(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title,
    kind: 'strength',
    started_at: '2025-05-01T16:00:00Z',
    time_zone: 'UTC',
    totals: { sets: 10, reps: 84, volume_kg: 4567.5, exercises: 5 },
    exercise_names: ['Barbell Back Squat', 'Pull-Up'],
    ...extra,
  };
}

describe('HistoryPage', () => {
  it('hides a workout deleted on this device while its delete waits for the server', async () => {
    await resetPendingEditsForTests();
    await queueDelete(testUser.id, 'w2', 3, { title: 'Push', started_at: '2025-05-01T16:00:00Z' });
    fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/workouts': () => json({ items: [summary('w1', 'Legs'), summary('w2', 'Push')], next_cursor: null }),
    });
    renderWithApp(<HistoryPage paths={testPaths} />, '/workouts');

    expect(await screen.findByRole('link', { name: 'Legs' })).toBeInTheDocument();
    // Once /me has named the user, the pending delete of w2 applies.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Push' })).not.toBeInTheDocument());
    expect(screen.getByText('1 workout shown')).toBeInTheDocument();
    await resetPendingEditsForTests();
  });

  it('lists workouts newest first with totals and exercises, and loads more by cursor', async () => {
    const api = fakeApi({
      'GET /api/v1/workouts': (request: FakeRequest) =>
        request.query.get('cursor') === 'c1'
          ? json({ items: [summary('w3', 'Older')], next_cursor: null })
          : json({ items: [summary('w1', 'Legs'), summary('w2', 'Push', { totals: { sets: 1, reps: 1, volume_kg: 0, exercises: 1 } })], next_cursor: 'c1' }),
    });
    renderWithApp(<HistoryPage paths={testPaths} />, '/workouts');

    const list = await screen.findByRole('list', { name: 'Workouts' });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('link', { name: 'Legs' })).toHaveAttribute('href', '/workouts/w1');
    expect(first).toHaveTextContent('10 sets · 84 reps · 4,567.5 kg');
    expect(first).toHaveTextContent('Barbell Back Squat, Pull-Up');
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('1 set · 1 rep · 0 kg');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Older' })).toBeInTheDocument();
    expect(api.to('GET /api/v1/workouts').map((r) => r.query.get('cursor'))).toEqual([null, 'c1']);
  });

  it('shows the perceived effort a workout was rated with', async () => {
    fakeApi({
      'GET /api/v1/workouts': () =>
        json({ items: [summary('w1', 'Legs', { perceived_effort: 9 }), summary('w2', 'Push', { perceived_effort: null })], next_cursor: null }),
    });
    renderWithApp(<HistoryPage paths={testPaths} />, '/workouts');

    const items = within(await screen.findByRole('list', { name: 'Workouts' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Perceived effort: 9 of 10');
    expect(items[1]).not.toHaveTextContent('Perceived effort');
  });

  it('marks a workout that has notes, next to how it felt', async () => {
    fakeApi({
      'GET /api/v1/workouts': () =>
        json({
          items: [
            summary('w1', 'Legs', { perceived_effort: 7, has_notes: true }),
            summary('w2', 'Push', { perceived_effort: null, has_notes: true }),
            summary('w3', 'Pull', { perceived_effort: null, has_notes: false }),
          ],
          next_cursor: null,
        }),
    });
    renderWithApp(<HistoryPage paths={testPaths} />, '/workouts');

    const items = within(await screen.findByRole('list', { name: 'Workouts' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Perceived effort: 7 of 10 · Has notes');
    expect(items[1]).toHaveTextContent('Has notes');
    expect(items[2]).not.toHaveTextContent('Has notes');
  });

  it('searches and filters by kind through the address', async () => {
    const api = fakeApi({ 'GET /api/v1/workouts': () => json({ items: [], next_cursor: null }) });
    const { router } = renderWithApp(<HistoryPage paths={testPaths} />, '/workouts');

    expect(await screen.findByText(/No workouts yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log a workout' })).toHaveAttribute('href', '/log');

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'cardio' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search workouts' }), { target: { value: 'squat' } });
    await waitFor(() => expect(router.state.location.search).toBe('?q=squat&kind=cardio'));
    await waitFor(() => expect(api.to('GET /api/v1/workouts').at(-1)?.query.toString()).toBe('q=squat&kind=cardio&limit=20'));
    expect(await screen.findByText('No workout matches. Try another word or kind.')).toBeInTheDocument();
  });
});
