import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { challengeFixture } from '../lib/challenge-fixtures';
import { ChallengesPage } from './challenges-page';

const paths = { challenges: '/community/challenges', newChallenge: '/community/challenges/new', challenge: (id: string) => `/c/${id}` };

afterEach(() => localStorage.clear());

describe('the challenges page', () => {
  it('lists yours and the active, upcoming and ended ones, each from its own query', async () => {
    const upcoming = challengeFixture({
      id: 'c2',
      title: 'New year climb',
      metric: 'elevation',
      sport: null,
      status: 'upcoming',
      joined: false,
      invited: true,
      access: 'invite',
      progress: null,
      member_count: 1,
    });
    const api = fakeApi({
      'GET /api/v1/challenges': (request: FakeRequest) => {
        if (request.query.get('mine') === 'true') return json({ items: [challengeFixture(), upcoming], next_cursor: null });
        const status = request.query.get('status');
        if (status === 'active') return json({ items: [challengeFixture()], next_cursor: null });
        if (status === 'upcoming') return json({ items: [upcoming], next_cursor: null });
        return json({ items: [], next_cursor: null });
      },
    });
    renderWithApp(<ChallengesPage paths={paths} />);

    const yours = await screen.findByRole('region', { name: 'Yours' });
    expect(await within(yours).findByRole('link', { name: 'December miles' })).toHaveAttribute('href', '/c/c1');
    expect(within(yours).getByRole('link', { name: 'New year climb' })).toHaveAttribute('href', '/c/c2');
    const active = screen.getByRole('region', { name: 'Active' });
    const card = within(active).getByRole('link', { name: 'December miles' }).closest('.challenge-card') as HTMLElement;
    expect(within(card).getByText('Distance · Run · 2 members')).toBeInTheDocument();
    expect(within(card).getByText('Your progress: 12.5 km')).toBeInTheDocument();
    expect(within(card).getByText('Joined')).toBeInTheDocument();
    const soon = screen.getByRole('region', { name: 'Upcoming' });
    expect(within(soon).getByText('Elevation · All sports · 1 member')).toBeInTheDocument();
    expect(within(soon).getByText('Invited')).toBeInTheDocument();
    expect(within(soon).getByText('Invite only')).toBeInTheDocument();
    expect(await screen.findByText('No challenge has ended yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New challenge' })).toHaveAttribute('href', '/community/challenges/new');
    expect(api.to('GET /api/v1/challenges').map((r) => r.query.toString()).sort()).toEqual([
      'mine=true&limit=50',
      'status=active&limit=50',
      'status=ended&limit=50',
      'status=upcoming&limit=50',
    ]);
  });

  it('says so when a list cannot be loaded', async () => {
    fakeApi({ 'GET /api/v1/challenges': () => problem(500, { detail: 'Something broke.' }) });
    renderWithApp(<ChallengesPage paths={paths} />);
    await waitFor(() => expect(screen.getAllByText('The challenges could not be loaded.')).toHaveLength(4));
  });
});
