import type { AppNotification, NotificationPreferences } from '../api/notifications';
import type { NotificationPaths } from './notification-link';

export const testNotificationPaths: NotificationPaths = {
  notifications: '/notifications',
  settings: '/settings/notifications',
  user: (username) => `/u/${username}`,
  feed: '/community',
  challenge: (id) => `/community/challenges/${id}`,
  club: (id) => `/community/clubs/${id}`,
  moderation: '/settings/moderation',
};

export function notificationFixture(partial: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'n1',
    kind: 'kudos',
    actor: { username: 'ben', display_name: 'Ben', avatar_url: null },
    subject: { kind: 'workout', id: 'w1', owner_id: 'u1' },
    excerpt: '',
    created_at: '2026-12-06T10:00:00Z',
    read: false,
    read_at: null,
    ...partial,
  };
}

export function preferencesFixture(): NotificationPreferences {
  const on = { in_app: true, in_digest: true };
  return {
    kinds: {
      follow_request: on,
      follow_approved: on,
      new_follower: on,
      kudos: on,
      comment: on,
      mention: on,
      challenge: on,
      club: on,
      moderation: on,
    },
    digest: { enabled: false, hour: 8, time_zone: 'Europe/Berlin' },
  };
}
