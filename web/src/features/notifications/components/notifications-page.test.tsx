import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { notificationFixture, testNotificationPaths } from '../lib/notification-fixtures';
import { NotificationsPage } from './notifications-page';

const kudos = notificationFixture({ id: 'n1', kind: 'kudos' });
const comment = notificationFixture({
  id: 'n2',
  kind: 'comment',
  excerpt: 'Great pace!',
  read: true,
  read_at: '2026-12-06T11:00:00Z',
});
const request = notificationFixture({
  id: 'n3',
  kind: 'follow_request',
  actor: { username: 'cleo', display_name: 'Cleo', avatar_url: null },
  subject: { kind: 'user', id: 'u3', owner_id: null, username: 'cleo' },
});

function render() {
  return renderRoutes(
    [
      { path: '/notifications', element: <NotificationsPage paths={testNotificationPaths} /> },
      { path: '/community', element: <p>The feed</p> },
      { path: '/u/:username', element: <p>A profile</p> },
    ],
    '/notifications',
  );
}

describe('the notifications page', () => {
  it('lists each notification as a sentence, unread ones marked, with links to their subjects', async () => {
    fakeApi({
      'GET /api/v1/notifications': () => json({ items: [request, kudos, comment], next_cursor: null, unread_count: 2 }),
      'GET /api/v1/notifications/unread-count': () => json({ unread_count: 2 }),
    });
    render();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: /Cleo asked to follow you/ })).toHaveAttribute('href', '/u/cleo');
    expect(within(items[1] as HTMLElement).getByRole('link', { name: /Ben gave you kudos/ })).toHaveAttribute('href', '/community');
    expect(within(items[1] as HTMLElement).getByText('Unread')).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).getByText('Great pace!')).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).queryByText('Unread')).not.toBeInTheDocument();
    expect(screen.getByText('2 unread notifications')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings/notifications');
  });

  it('marks all read', async () => {
    let read = false;
    const api = fakeApi({
      'GET /api/v1/notifications': () =>
        json({ items: [{ ...kudos, read, read_at: read ? '2026-12-06T12:00:00Z' : null }], next_cursor: null, unread_count: read ? 0 : 1 }),
      'GET /api/v1/notifications/unread-count': () => json({ unread_count: read ? 0 : 1 }),
      'POST /api/v1/notifications/read': () => {
        read = true;
        return json({ unread_count: 0 });
      },
    });
    render();
    const button = await screen.findByRole('button', { name: 'Mark all as read' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText('0 unread notifications')).toBeInTheDocument());
    expect(api.to('POST /api/v1/notifications/read')[0]?.body).toEqual({ all: true });
    await waitFor(() => expect(screen.queryByText('Unread')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });

  it('marks one read when it is opened, and goes to its subject', async () => {
    const api = fakeApi({
      'GET /api/v1/notifications': () => json({ items: [kudos], next_cursor: null, unread_count: 1 }),
      'GET /api/v1/notifications/unread-count': () => json({ unread_count: 1 }),
      'POST /api/v1/notifications/read': () => json({ unread_count: 0 }),
    });
    render();
    fireEvent.click(await screen.findByRole('link', { name: /Ben gave you kudos/ }));
    expect(await screen.findByText('The feed')).toBeInTheDocument();
    await waitFor(() => expect(api.to('POST /api/v1/notifications/read')).toHaveLength(1));
    expect(api.to('POST /api/v1/notifications/read')[0]?.body).toEqual({ ids: ['n1'] });
  });

  it('loads older pages with the cursor', async () => {
    const api = fakeApi({
      'GET /api/v1/notifications': (r) =>
        r.query.get('cursor') === 'n1'
          ? json({ items: [comment], next_cursor: null, unread_count: 1 })
          : json({ items: [kudos], next_cursor: 'n1', unread_count: 1 }),
      'GET /api/v1/notifications/unread-count': () => json({ unread_count: 1 }),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Show older' }));
    expect(await screen.findByText('Great pace!')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
    expect(api.to('GET /api/v1/notifications')).toHaveLength(2);
  });

  it('says when there is nothing yet', async () => {
    fakeApi({
      'GET /api/v1/notifications': () => json({ items: [], next_cursor: null, unread_count: 0 }),
      'GET /api/v1/notifications/unread-count': () => json({ unread_count: 0 }),
    });
    render();
    expect(await screen.findByText('Nothing yet')).toBeInTheDocument();
  });
});
