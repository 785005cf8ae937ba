import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, noContent, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ProfilePage } from './profile-page';

const paths = { profile: (u: string) => `/u/${u}`, editProfile: '/settings/profile' };

function profile(overrides: Record<string, unknown> = {}) {
  return {
    username: 'bob',
    display_name: 'Bob Builder',
    avatar_url: null,
    bio: 'Runs.\nLifts.',
    followers_count: 3,
    following_count: 1,
    requires_approval: true,
    connections_visible: true,
    stats: { workouts_this_year: 42, workouts_this_week: 2, distance_this_year_m: 123400 },
    relation: { self: false, following: 'none', follows_you: true, blocked_by_you: false, muted: false },
    ...overrides,
  };
}

describe('the profile page', () => {
  it('shows the name, bio, counts and the stats the owner shows', async () => {
    fakeApi({ 'GET /api/v1/users/bob': () => json(profile()) });
    renderWithApp(<ProfilePage username="bob" paths={paths} activity={<p>Bob's workouts</p>} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Bob Builder' })).toBeInTheDocument();
    expect(screen.getByText('@bob')).toBeInTheDocument();
    expect(screen.getByText(/Runs\./)).toBeInTheDocument();
    expect(screen.getByText('3 followers')).toBeInTheDocument();
    expect(screen.getByText('1 following')).toBeInTheDocument();
    expect(screen.getByText('Follows you')).toBeInTheDocument();
    const stats = screen.getByRole('list', { name: 'Stats' });
    expect(within(stats).getByText('42 workouts this year')).toBeInTheDocument();
    expect(within(stats).getByText('2 workouts this week')).toBeInTheDocument();
    expect(within(stats).getByText('123.4 km this year')).toBeInTheDocument();
    expect(screen.getByText("Bob's workouts")).toBeInTheDocument();
  });

  it('offers to report another user by username, never yourself', async () => {
    const api = fakeApi({
      'GET /api/v1/users/bob': () => json(profile()),
      'GET /api/v1/users/me': () => json(profile({ username: 'me', display_name: 'Me', relation: { self: true, following: 'none', follows_you: false, blocked_by_you: false, muted: false } })),
      'POST /api/v1/reports': () => json({ id: 'r1', kind: 'user', item_id: 'bob', reason: 'spam', details: '', state: 'open', created_at: '2026-12-01T09:00:00Z' }, 201),
    });
    const { unmount } = renderWithApp(<ProfilePage username="bob" paths={paths} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Report Bob Builder' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([{ kind: 'user', id: 'bob', reason: 'spam', details: '' }]));
    unmount();

    renderWithApp(<ProfilePage username="me" paths={paths} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Me' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Report/ })).toBeNull();
  });

  it('asks to follow a user who approves followers, then shows the request', async () => {
    let following = 'none';
    const api = fakeApi({
      'GET /api/v1/users/bob': () => json(profile({ relation: { self: false, following, follows_you: false, blocked_by_you: false, muted: false } })),
      'PUT /api/v1/users/bob/follow': () => {
        following = 'pending';
        return json({ state: 'pending' });
      },
    });
    renderWithApp(<ProfilePage username="bob" paths={paths} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Ask to follow' }));
    expect(await screen.findByRole('button', { name: 'Requested — cancel' })).toBeInTheDocument();
    expect(api.to('PUT /api/v1/users/bob/follow')).toHaveLength(1);
  });

  it('blocks only after the user confirms', async () => {
    const api = fakeApi({
      'GET /api/v1/users/bob': () => json(profile()),
      'PUT /api/v1/users/bob/block': () => noContent(),
    });
    renderWithApp(<ProfilePage username="bob" paths={paths} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Block' }));
    const dialog = await screen.findByRole('dialog', { name: 'Block Bob Builder?' });
    expect(api.to('PUT /api/v1/users/bob/block')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Block' }));
    await waitFor(() => expect(api.to('PUT /api/v1/users/bob/block')).toHaveLength(1));
  });

  it('lists followers when the owner lets the viewer see them', async () => {
    fakeApi({
      'GET /api/v1/users/bob': () => json(profile()),
      'GET /api/v1/users/bob/followers': () =>
        json({ items: [{ username: 'ann', display_name: 'Ann', avatar_url: null }], next_cursor: null }),
    });
    renderWithApp(<ProfilePage username="bob" paths={paths} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Followers' }));
    expect(await screen.findByRole('link', { name: /Ann/ })).toHaveAttribute('href', '/u/ann');
  });

  it('says a missing or hidden profile is not found', async () => {
    fakeApi({ 'GET /api/v1/users/ghost': () => problem(404) });
    renderWithApp(<ProfilePage username="ghost" paths={paths} />);

    expect(await screen.findByText('There is no such profile, or it is not shown to you.')).toBeInTheDocument();
  });
});
