import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import type { Club, ClubMember, ClubPost } from '../api/clubs';
import { ClubPage } from './club-page';
import type { ClubPaths } from './club-paths';
import { ClubsPage, NewClubPage } from './clubs-page';

const paths: ClubPaths = {
  clubs: '/community/clubs',
  newClub: '/community/clubs/new',
  club: (id) => `/community/clubs/${id}`,
  challenge: (id) => `/community/challenges/${id}`,
  newClubChallenge: (clubId) => `/community/challenges/new?club_id=${clubId}`,
};
const noChallenges = () => json({ items: [], next_cursor: null });
const anna = { username: 'anna', display_name: 'Anna', avatar_url: null };
const ben = { username: 'ben', display_name: 'Ben', avatar_url: null };

function club(overrides: Partial<Club> = {}): Club {
  return {
    id: 'c1',
    name: 'Trail Runners',
    description: 'Sundays\nat nine',
    access: 'public',
    created_at: '2026-12-01T10:00:00Z',
    member_count: 2,
    owner: anna,
    ...overrides,
  };
}
const member = (user: typeof anna, role: ClubMember['role'], state: ClubMember['state'] = 'active'): ClubMember => ({
  user,
  role,
  state,
  joined_at: '2026-12-01T10:00:00Z',
});
const post = (overrides: Partial<ClubPost> = {}): ClubPost => ({
  id: 'p1',
  author: ben,
  body: '<b>Hi</b>\nsee you',
  created_at: '2026-12-02T10:00:00Z',
  may_delete: false,
  ...overrides,
});

function renderClub(id = 'c1', viewer = 'cleo') {
  return renderRoutes(
    [
      { path: '/community/clubs/:id', element: <ClubPage id={id} paths={paths} viewer={viewer} /> },
      { path: '/community/clubs', element: <p>The list</p> },
    ],
    `/community/clubs/${id}`,
  );
}

describe('the club page', () => {
  it('shows a public club to a stranger with its posts as plain text, and joins it', async () => {
    let joined = false;
    const api = fakeApi({
      'GET /api/v1/clubs/c1': () => json(joined ? club({ my_role: 'member', my_state: 'active', member_count: 3 }) : club()),
      'GET /api/v1/clubs/c1/posts': () => json({ items: [post()], next_cursor: null }),
      'GET /api/v1/clubs/c1/members': () => json({ items: [member(anna, 'owner'), member(ben, 'member')], next_cursor: null }),
      'GET /api/v1/challenges': noChallenges,
      'PUT /api/v1/clubs/c1/membership': () => {
        joined = true;
        return json(club({ my_role: 'member', my_state: 'active', member_count: 3 }));
      },
    });
    renderClub();
    expect(await screen.findByRole('heading', { level: 1, name: 'Trail Runners' })).toBeInTheDocument();
    // Markup in a post is text, never HTML.
    expect(await screen.findByText(/<b>Hi<\/b>/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Write to the club' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete post' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(api.to('PUT /api/v1/clubs/c1/membership')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Leave club' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Write to the club' })).toBeInTheDocument();
  });

  it('keeps a private club closed to a stranger and lets them ask to join', async () => {
    const api = fakeApi({
      'GET /api/v1/clubs/c1': () => json(club({ access: 'private', member_count: 1 })),
      'PUT /api/v1/clubs/c1/membership': () => json(club({ access: 'private', my_role: 'member', my_state: 'pending' })),
    });
    renderClub();
    expect(await screen.findByText('A private club')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Ask to join' }));
    await waitFor(() => expect(api.to('PUT /api/v1/clubs/c1/membership')).toHaveLength(1));
    expect(api.to('GET /api/v1/clubs/c1/posts')).toHaveLength(0);
  });

  it('gives the owner requests to approve, member actions and a composer', async () => {
    const api = fakeApi({
      'GET /api/v1/clubs/c1': () => json(club({ access: 'private', my_role: 'owner', my_state: 'active' })),
      'GET /api/v1/clubs/c1/posts': () => json({ items: [post({ may_delete: true })], next_cursor: null }),
      'GET /api/v1/clubs/c1/members': () => json({ items: [member(anna, 'owner'), member(ben, 'member')], next_cursor: null }),
      'GET /api/v1/clubs/c1/requests': () =>
        json({ items: [member({ username: 'cleo', display_name: 'Cleo', avatar_url: null }, 'member', 'pending')], next_cursor: null }),
      'POST /api/v1/clubs/c1/requests/cleo/approve': () => json(member({ username: 'cleo', display_name: 'Cleo', avatar_url: null }, 'member')),
      'PATCH /api/v1/clubs/c1/members/ben': () => json(member(ben, 'admin')),
      'POST /api/v1/clubs/c1/posts': () => json(post({ id: 'p2', author: anna, body: 'Hello', may_delete: true }), 201),
      'GET /api/v1/challenges': noChallenges,
    });
    renderClub();
    const requests = await screen.findByRole('region', { name: 'Requests to join' });
    fireEvent.click(within(requests).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.to('POST /api/v1/clubs/c1/requests/cleo/approve')).toHaveLength(1));
    const members = screen.getByRole('region', { name: 'Members' });
    // The owner cannot be removed or demoted: only ben has actions.
    expect(within(members).getAllByRole('button', { name: 'Remove' })).toHaveLength(1);
    fireEvent.click(within(members).getByRole('button', { name: 'Make admin' }));
    await waitFor(() => expect(api.to('PATCH /api/v1/clubs/c1/members/ben')[0]?.body).toEqual({ role: 'admin' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Write to the club' }), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(api.to('POST /api/v1/clubs/c1/posts')[0]?.body).toEqual({ body: 'Hello' }));
    expect(screen.getByRole('region', { name: 'Club settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete club' })).toBeInTheDocument();
  });
});

describe('reporting on the club page', () => {
  it("offers to report the club and others' posts, not your own", async () => {
    const api = fakeApi({
      'GET /api/v1/clubs/c1': () => json(club({ my_role: 'member', my_state: 'active' })),
      'GET /api/v1/clubs/c1/posts': () => json({ items: [post(), post({ id: 'p2', author: anna, body: 'From Anna' })], next_cursor: null }),
      'GET /api/v1/clubs/c1/members': () => json({ items: [member(anna, 'owner'), member(ben, 'member')], next_cursor: null }),
      'GET /api/v1/challenges': noChallenges,
      'POST /api/v1/reports': () => json({ id: 'r1', kind: 'club_post', item_id: 'p2', reason: 'spam', details: '', state: 'open', created_at: '2026-12-02T11:00:00Z' }, 201),
    });
    renderClub('c1', 'ben');
    expect(await screen.findByRole('button', { name: 'Report the club Trail Runners' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: "Report Anna's post" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Report Ben's post" })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: "Report Anna's post" }));
    const dialog = await screen.findByRole('dialog', { name: 'Report this' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([{ kind: 'club_post', id: 'p2', reason: 'spam', details: '' }]));
  });
});

describe("the club page's challenges", () => {
  const challenge = { id: 'ch1', title: 'December miles', starts_on: '2026-12-01', ends_on: '2026-12-31' };
  function clubApi(role: 'member' | 'admin') {
    return fakeApi({
      'GET /api/v1/clubs/c1': () => json(club({ my_role: role, my_state: 'active' })),
      'GET /api/v1/clubs/c1/posts': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/clubs/c1/members': () => json({ items: [member(anna, 'owner')], next_cursor: null }),
      'GET /api/v1/clubs/c1/requests': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/challenges': () => json({ items: [challenge], next_cursor: null }),
    });
  }

  it("lists the club's challenges with links to them; a member gets no link to make one", async () => {
    const api = clubApi('member');
    renderClub();
    const section = await screen.findByRole('region', { name: 'Challenges' });
    expect(await within(section).findByRole('link', { name: 'December miles' })).toHaveAttribute('href', '/community/challenges/ch1');
    expect(api.to('GET /api/v1/challenges').map((r) => r.query.get('club_id'))).toEqual(['c1']);
    expect(within(section).queryByRole('link', { name: 'New club challenge' })).not.toBeInTheDocument();
  });

  it("gives the club's admins a link to a new club challenge", async () => {
    clubApi('admin');
    renderClub();
    const section = await screen.findByRole('region', { name: 'Challenges' });
    expect(within(section).getByRole('link', { name: 'New club challenge' })).toHaveAttribute(
      'href',
      '/community/challenges/new?club_id=c1',
    );
  });
});

describe('the clubs list and the new club page', () => {
  it('lists your clubs and searches public ones', async () => {
    const api = fakeApi({
      'GET /api/v1/clubs': (request) =>
        json({
          items: request.query.get('mine') === 'true' ? [club({ my_role: 'owner', my_state: 'active' })] : [club({ id: 'c2', name: 'Rowers' })],
          next_cursor: null,
        }),
    });
    renderRoutes([{ path: '/community/clubs', element: <ClubsPage paths={paths} /> }], '/community/clubs');
    expect(await screen.findByRole('link', { name: 'Trail Runners' })).toHaveAttribute('href', '/community/clubs/c1');
    expect(await screen.findByRole('link', { name: 'Rowers' })).toHaveAttribute('href', '/community/clubs/c2');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search public clubs by name' }), { target: { value: 'row' } });
    await waitFor(() => expect(api.to('GET /api/v1/clubs').some((r) => r.query.get('q') === 'row')).toBe(true));
  });

  it('creates a club and opens it', async () => {
    const api = fakeApi({
      'POST /api/v1/clubs': () => json(club({ id: 'c9', my_role: 'owner', my_state: 'active' }), 201),
    });
    renderRoutes(
      [
        { path: '/community/clubs/new', element: <NewClubPage paths={paths} /> },
        { path: '/community/clubs/:id', element: <p>Club opened</p> },
      ],
      '/community/clubs/new',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create club' }));
    expect(await screen.findByText('Give the club a name.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/clubs')).toHaveLength(0);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Trail Runners' } });
    fireEvent.click(screen.getByRole('radio', { name: /Private/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create club' }));
    expect(await screen.findByText('Club opened')).toBeInTheDocument();
    expect(api.to('POST /api/v1/clubs')[0]?.body).toEqual({ name: 'Trail Runners', description: '', access: 'private' });
  });
});
