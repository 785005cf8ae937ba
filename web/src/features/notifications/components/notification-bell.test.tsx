import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EventStream, EventStreamState, ServerEvent } from '@/lib/events';
import { fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { NotificationBell, unreadOf } from './notification-bell';

/** A stream the test pushes events into. */
function fakeStream(state: EventStreamState = 'open') {
  const listeners = new Map<string, Set<(event: ServerEvent) => void>>();
  const stream: EventStream = {
    state: () => state,
    onStateChange: () => () => {},
    on(kind, listener) {
      if (!listeners.has(kind)) listeners.set(kind, new Set());
      listeners.get(kind)?.add(listener);
      return () => listeners.get(kind)?.delete(listener);
    },
  };
  const emit = (kind: string, data: unknown) => {
    for (const l of listeners.get(kind) ?? []) l({ id: '1', kind, data });
  };
  return { stream, emit };
}

describe('the notification bell', () => {
  it('shows the unread count and follows the live events without asking again', async () => {
    const api = fakeApi({ 'GET /api/v1/notifications/unread-count': () => json({ unread_count: 2 }) });
    const { stream, emit } = fakeStream();
    renderWithApp(<NotificationBell to="/notifications" stream={stream} />);
    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('2');

    emit('notification', { id: 'n9', kind: 'comment', unread_count: 3 });
    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
    emit('notification.read', { unread_count: 0 });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Notifications' })).toHaveTextContent('');
    expect(api.to('GET /api/v1/notifications/unread-count')).toHaveLength(1);
  });

  it('ignores an event without a count', async () => {
    fakeApi({ 'GET /api/v1/notifications/unread-count': () => json({ unread_count: 1 }) });
    const { stream, emit } = fakeStream();
    renderWithApp(<NotificationBell to="/notifications" stream={stream} />);
    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    emit('notification', { nonsense: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('caps a large count', async () => {
    fakeApi({ 'GET /api/v1/notifications/unread-count': () => json({ unread_count: 140 }) });
    renderWithApp(<NotificationBell to="/notifications" stream={fakeStream().stream} />);
    expect(await screen.findByRole('link', { name: 'Notifications, 140 unread' })).toHaveTextContent('99+');
  });

  it('reads a count only when it is a whole number from zero', () => {
    expect(unreadOf({ unread_count: 4 })).toBe(4);
    expect(unreadOf({ unread_count: 0 })).toBe(0);
    expect(unreadOf({ unread_count: -1 })).toBeNull();
    expect(unreadOf({ unread_count: 1.5 })).toBeNull();
    expect(unreadOf(null)).toBeNull();
  });
});
