import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, noContent } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { CommunityPage } from './community-page';

const paths = {
  people: '/community/people',
  challenges: '/community/challenges',
  clubs: '/community/clubs',
  userWorkout: (username: string, id: string) => `/u/${username}/workouts/${id}`,
};

afterEach(() => localStorage.clear());

const card = (id: string, username: string) => ({ user_id: id, username, display_name: username, avatar_url: null });

const run = {
  id: 'item-1',
  kind: 'workout',
  owner: card('u-bob', 'bob'),
  occurred_at: '2026-12-01T07:00:00.000Z',
  visibility: 'followers',
  workout_id: 'w-1',
  summary: { title: 'Morning run', workout_kind: 'cardio', sport: 'run', distance_m: 5000, duration_s: 1500 },
  kudos_count: 2,
  you_gave_kudos: false,
  comments_count: 1,
};

const hostile = {
  id: 'c-1',
  item_id: 'item-1',
  author: card('u-eve', 'eve'),
  body: '**hi** <img src=x onerror=alert(1)> [x](javascript:alert(1))',
  body_html: 'ignored by the web app',
  created_at: '2026-12-01T08:00:00.000Z',
  updated_at: '2026-12-01T08:00:00.000Z',
  edited: false,
};

describe('the community page', () => {
  it('shows the feed newest first with a link to the workout and loads more', async () => {
    const api = fakeApi({
      'GET /api/v1/feed': (request) =>
        request.query.get('cursor')
          ? json({ items: [{ ...run, id: 'item-0', summary: { title: 'Older ride' } }], next_cursor: null })
          : json({ items: [run], next_cursor: 'next' }),
    });
    renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    const link = await screen.findByRole('link', { name: 'Morning run' });
    expect(link).toHaveAttribute('href', '/u/bob/workouts/w-1');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Older ride')).toBeInTheDocument();
    expect(api.to('GET /api/v1/feed')[1]?.query.get('cursor')).toBe('next');
  });

  it('gives kudos with a PUT', async () => {
    const api = fakeApi({
      'GET /api/v1/feed': () => json({ items: [run], next_cursor: null }),
      'PUT /api/v1/feed-items/item-1/kudos': () => json({ kudos_count: 3, you_gave_kudos: true }),
    });
    renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Kudos · 2' }));
    await waitFor(() => expect(api.to('PUT /api/v1/feed-items/item-1/kudos')).toHaveLength(1));
  });

  it('renders comments from their body as text and elements, never as HTML, and posts new ones', async () => {
    const api = fakeApi({
      'GET /api/v1/feed': () => json({ items: [run], next_cursor: null }),
      'GET /api/v1/feed-items/item-1/comments': () => json({ items: [hostile], next_cursor: null }),
      'POST /api/v1/feed-items/item-1/comments': () => json({ ...hostile, id: 'c-2', body: 'Nice @bob' }, 201),
    });
    const { container } = renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    fireEvent.click(await screen.findByRole('button', { name: '1 comment' }));
    const thread = await screen.findByRole('region', { name: 'Comments' });
    await within(thread).findByText('hi');
    expect(container.querySelector('img')).toBeNull();
    expect(within(thread).queryByRole('link')).toBeNull();
    expect(within(thread).getByText('hi').tagName).toBe('STRONG');
    fireEvent.change(within(thread).getByLabelText('Write a comment'), { target: { value: 'Nice @bob' } });
    fireEvent.click(within(thread).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.to('POST /api/v1/feed-items/item-1/comments')[0]?.body).toEqual({ body: 'Nice @bob' }));
  });

  it('lets the item owner delete a comment of someone else', async () => {
    const api = fakeApi({
      'GET /api/v1/feed': () => json({ items: [{ ...run, owner: card('u-me', 'me') }], next_cursor: null }),
      'GET /api/v1/feed-items/item-1/comments': () => json({ items: [hostile], next_cursor: null }),
      'DELETE /api/v1/comments/c-1': () => noContent(),
    });
    renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    fireEvent.click(await screen.findByRole('button', { name: '1 comment' }));
    const thread = await screen.findByRole('region', { name: 'Comments' });
    expect(await within(thread).findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(within(thread).queryByRole('button', { name: 'Edit' })).toBeNull();
    fireEvent.click(within(thread).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.to('DELETE /api/v1/comments/c-1')).toHaveLength(1));
  });

  it("offers to report another user's comment, not your own", async () => {
    const mine = { ...hostile, id: 'c-2', author: card('u-me', 'me'), body: 'mine' };
    const api = fakeApi({
      'GET /api/v1/feed': () => json({ items: [{ ...run, comments_count: 2 }], next_cursor: null }),
      'GET /api/v1/feed-items/item-1/comments': () => json({ items: [hostile, mine], next_cursor: null }),
      'POST /api/v1/reports': () => json({ id: 'r1', kind: 'comment', item_id: 'c-1', reason: 'spam', details: '', state: 'open', created_at: '2026-12-01T09:00:00Z' }, 201),
    });
    renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    fireEvent.click(await screen.findByRole('button', { name: '2 comments' }));
    const thread = await screen.findByRole('region', { name: 'Comments' });
    const reports = await within(thread).findAllByRole('button', { name: /^Report / });
    expect(reports.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(["Report eve's comment"]);
    fireEvent.click(reports[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Report this' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([{ kind: 'comment', id: 'c-1', reason: 'spam', details: '' }]));
  });

  it('says to find people when the feed is empty', async () => {
    fakeApi({ 'GET /api/v1/feed': () => json({ items: [], next_cursor: null }) });
    renderWithApp(<CommunityPage paths={paths} userId="u-me" />);
    expect(await screen.findByText('Your feed is empty')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Find people' })[0]).toHaveAttribute('href', '/community/people');
    expect(screen.getByRole('link', { name: 'Clubs' })).toHaveAttribute('href', '/community/clubs');
    expect(screen.getByRole('link', { name: 'Challenges' })).toHaveAttribute('href', '/community/challenges');
  });
});
