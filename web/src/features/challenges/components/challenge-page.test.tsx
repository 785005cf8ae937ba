import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { challengeFixture, leaderboardFixture } from '../lib/challenge-fixtures';
import { ChallengePage } from './challenge-page';

const paths = { challenges: '/community/challenges', newChallenge: '/community/challenges/new', challenge: (id: string) => `/c/${id}` };

afterEach(() => localStorage.clear());

function renderPage(username = 'me') {
  return renderRoutes(
    [
      { path: '/c/:id', element: <ChallengePage id="c1" paths={paths} username={username} /> },
      { path: '/community/challenges', element: <p>All challenges</p> },
    ],
    '/c/c1',
  );
}

describe('the challenge page', () => {
  it('shows the description, dates, your progress and the board with your row marked', async () => {
    fakeApi({
      'GET /api/v1/challenges/c1': () => json(challengeFixture()),
      'GET /api/v1/challenges/c1/leaderboard': () => json(leaderboardFixture()),
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'December miles', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Run as far as you can.')).toBeInTheDocument();
    expect(screen.getByText('Target: 100 km')).toBeInTheDocument();
    expect(screen.getByText(/Dec 1, 2026 – Dec 31, 2026 \(Europe\/Berlin\)/)).toBeInTheDocument();
    expect(screen.getByText('12.5 km', { selector: '.challenge-page__progress' })).toBeInTheDocument();

    const board = await screen.findByRole('table', { name: 'Leaderboard' });
    const rows = within(board).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['1Bob42.2 km', '2Me Myself (you)12.5 km']);
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(rows[0]).not.toHaveAttribute('aria-current');
  });

  it('joins with the choice to show private workouts, then leaves', async () => {
    let joined = false;
    const api = fakeApi({
      'GET /api/v1/challenges/c1': () =>
        json(challengeFixture({ joined, progress: joined ? 0 : null, count_private: joined, creator: null })),
      'GET /api/v1/challenges/c1/leaderboard': () => json(leaderboardFixture({ items: [] })),
      'PUT /api/v1/challenges/c1/membership': (request: FakeRequest) => {
        joined = true;
        const { count_private } = request.body as { count_private: boolean };
        return json({ challenge_id: 'c1', joined_at: '2026-12-02T08:00:00.000Z', count_private, progress: 0 });
      },
      'DELETE /api/v1/challenges/c1/membership': () => {
        joined = false;
        return noContent();
      },
    });
    renderPage();
    expect(await screen.findByText('Join to see your progress here.')).toBeInTheDocument();
    expect(await screen.findByText('Nobody has joined yet.')).toBeInTheDocument();
    // Not a member: no invite form.
    expect(screen.queryByRole('heading', { name: 'Invite someone' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('checkbox', { name: /Show my private workouts on the board/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByRole('button', { name: 'Leave' })).toBeInTheDocument();
    expect(api.to('PUT /api/v1/challenges/c1/membership').map((r) => r.body)).toEqual([{ count_private: true }]);
    expect(screen.getByRole('heading', { name: 'Invite someone' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('button', { name: 'Join' })).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/challenges/c1/membership')).toHaveLength(1);
  });

  it('invites by username and says when the user was invited already or is unknown', async () => {
    const api = fakeApi({
      'GET /api/v1/challenges/c1': () => json(challengeFixture()),
      'GET /api/v1/challenges/c1/leaderboard': () => json(leaderboardFixture()),
      'POST /api/v1/challenges/c1/invites': (request: FakeRequest) => {
        const { username } = request.body as { username: string };
        if (username === 'ghost') return problem(404, { detail: 'No such user.' });
        return json({ username, invited: username === 'carol' }, username === 'carol' ? 201 : 200);
      },
    });
    renderPage();
    const field = await screen.findByLabelText('Username');
    fireEvent.change(field, { target: { value: ' carol ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('carol is invited.')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: 'bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('bob was invited already or has joined.')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: 'ghost' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('The invitation could not be sent.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/challenges/c1/invites').map((r) => r.body)).toEqual([
      { username: 'carol' },
      { username: 'bob' },
      { username: 'ghost' },
    ]);
  });

  it('lets its creator delete it, after asking', async () => {
    const api = fakeApi({
      'GET /api/v1/challenges/c1': () => json(challengeFixture()),
      'GET /api/v1/challenges/c1/leaderboard': () => json(leaderboardFixture()),
      'DELETE /api/v1/challenges/c1': () => noContent(),
    });
    renderPage('alice');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete challenge' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete this challenge for all its members?')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete challenge' }));
    expect(await screen.findByText('All challenges')).toBeInTheDocument();
    expect(api.to('DELETE /api/v1/challenges/c1')).toHaveLength(1);
  });

  it('is not found for someone who was not invited, without saying more', async () => {
    fakeApi({
      'GET /api/v1/challenges/c1': () => problem(404, { detail: 'There is no such challenge.' }),
      'GET /api/v1/challenges/c1/leaderboard': () => problem(404),
    });
    renderPage();
    expect(await screen.findByText('This challenge does not exist, or you were not invited.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument());
  });
});
