import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/notifications';
import { notificationLink, type NotificationPaths } from './notification-link';

const paths: NotificationPaths = {
  notifications: '/notifications',
  settings: '/settings/notifications',
  user: (u) => `/u/${u}`,
  feed: '/community',
  challenge: (id) => `/community/challenges/${id}`,
  club: (id) => `/community/clubs/${id}`,
  moderation: '/settings/moderation',
};

function make(partial: Partial<AppNotification>): AppNotification {
  return {
    id: 'n1',
    kind: 'kudos',
    actor: { username: 'ben', display_name: 'Ben', avatar_url: null },
    subject: null,
    excerpt: '',
    created_at: '2026-12-06T10:00:00Z',
    read: false,
    read_at: null,
    ...partial,
  };
}

describe('where a notification leads', () => {
  it('opens its subject', () => {
    expect(notificationLink(make({ subject: { kind: 'workout', id: 'w1', owner_id: 'u1' } }), paths)).toBe('/community');
    expect(notificationLink(make({ subject: { kind: 'comment', id: 'c1', owner_id: 'u1' } }), paths)).toBe('/community');
    // Kudos name the feed item, not the actor: the feed, not the giver's profile.
    expect(notificationLink(make({ subject: { kind: 'feed_item', id: 'f1', owner_id: 'u1' } }), paths)).toBe('/community');
    expect(notificationLink(make({ kind: 'challenge', subject: { kind: 'challenge', id: 'ch9', owner_id: null } }), paths)).toBe(
      '/community/challenges/ch9',
    );
    expect(notificationLink(make({ kind: 'club', subject: { kind: 'club', id: 'cl3', owner_id: null } }), paths)).toBe(
      '/community/clubs/cl3',
    );
    expect(
      notificationLink(make({ kind: 'follow_request', subject: { kind: 'user', id: 'u2', owner_id: null, username: 'cleo' } }), paths),
    ).toBe('/u/cleo');
  });

  it('sends moderation decisions to the moderation settings', () => {
    expect(notificationLink(make({ kind: 'moderation', actor: null, subject: { kind: 'report', id: 'r1', owner_id: null } }), paths)).toBe(
      '/settings/moderation',
    );
  });

  it("falls back to the actor's profile, or to nothing", () => {
    expect(notificationLink(make({ kind: 'new_follower' }), paths)).toBe('/u/ben');
    expect(notificationLink(make({ kind: 'challenge', actor: null }), paths)).toBeNull();
  });
});
