import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { GoalInput } from '../lib/metrics';
import { goalFixture } from '../lib/goal-fixtures';
import { GoalDetailPage } from './goal-detail-page';

const paths = {
  goals: '/goals',
  newGoal: '/goals/new',
  goal: (id: string) => `/goals/${id}`,
  edit: (id: string) => `/goals/${id}/edit`,
};

afterEach(() => localStorage.clear());

function renderDetail() {
  return renderRoutes(
    [
      { path: '/goals/:id', element: <GoalDetailPage id="g1" paths={paths} timeZone="UTC" /> },
      { path: '/goals', element: <p>The goals list</p> },
    ],
    '/goals/g1',
  );
}

const history = {
  items: [
    { period_start: '2026-11-23', period_end: '2026-11-29', value: 21000, target: 20000, reached: true },
    { period_start: '2026-11-16', period_end: '2026-11-22', value: null, target: 20000, reached: false },
  ],
};

describe("a goal's page", () => {
  it('lists the past periods, hit or missed, with value and target', async () => {
    fakeApi({
      'GET /api/v1/goals/g1': () => json(goalFixture()),
      'GET /api/v1/goals/g1/history': () => json(history),
    });
    renderDetail();
    const table = await screen.findByRole('table', { name: 'Past periods of Run 20 km a week' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['21 km of 20 km', 'Hit'],
      ['Nothing yet of 20 km', 'Missed'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Nov 23, 2026 – Nov 29, 2026');
    expect(screen.getByRole('link', { name: 'Change' })).toHaveAttribute('href', '/goals/g1/edit');
  });

  it('archives with If-Match, sending the goal as it is but archived', async () => {
    let stored = goalFixture();
    const api = fakeApi({
      'GET /api/v1/goals/g1': () => json(stored),
      'GET /api/v1/goals/g1/history': () => json({ items: [] }),
      'PUT /api/v1/goals/g1': (request: FakeRequest) => {
        stored = goalFixture({ archived: (request.body as GoalInput).archived, rev: 5 });
        return json(stored);
      },
    });
    renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    const [put] = api.to('PUT /api/v1/goals/g1');
    expect(put?.headers.get('If-Match')).toBe('"g-4"');
    expect(put?.body).toMatchObject({ archived: true, metric: 'distance', target: 20000, sport: 'run', period: 'week' });
    expect(screen.getByText(/This goal is archived/)).toBeInTheDocument();
  });

  it('says the goal changed elsewhere and reads it again on a 412', async () => {
    const api = fakeApi({
      'GET /api/v1/goals/g1': () => json(goalFixture()),
      'GET /api/v1/goals/g1/history': () => json({ items: [] }),
      'PUT /api/v1/goals/g1': () => problem(412, { title: 'Precondition Failed' }),
    });
    renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('This goal was changed elsewhere')).toBeInTheDocument();
    await waitFor(() => expect(api.to('GET /api/v1/goals/g1')).toHaveLength(2));
  });

  it('deletes after asking, then goes back to the list', async () => {
    const api = fakeApi({
      'GET /api/v1/goals/g1': () => json(goalFixture()),
      'GET /api/v1/goals/g1/history': () => json({ items: [] }),
      'DELETE /api/v1/goals/g1': () => noContent(),
    });
    renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Run 20 km a week”?' });
    expect(api.to('DELETE /api/v1/goals/g1')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete goal' }));
    expect(await screen.findByText('The goals list')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/goals/g1')).toHaveLength(1);
  });

  it('says when the goal does not exist', async () => {
    fakeApi({ 'GET /api/v1/goals/g1': () => problem(404, { title: 'Not Found' }) });
    renderDetail();
    expect(await screen.findByText('This goal does not exist (any more). It may have been deleted.')).toBeInTheDocument();
  });
});
