import type { AppNotification } from '../api/notifications';

/** The pages a notification links to; the app composes them (app/paths.ts). */
export interface NotificationPaths {
  /** The notifications list. */
  notifications: string;
  /** The notification settings. */
  settings: string;
  /** A user's profile. */
  user: (username: string) => string;
  /** The community feed (workouts and comments are seen there). */
  feed: string;
  challenge: (id: string) => string;
  club: (id: string) => string;
  /** Moderation decisions on one's own content. */
  moderation: string;
}

/**
 * Where a notification leads: its subject's page, else the actor's profile; null when there
 * is nothing to open.
 */
export function notificationLink(notification: AppNotification, paths: NotificationPaths): string | null {
  const subject = notification.subject;
  if (notification.kind === 'moderation') return paths.moderation;
  if (subject) {
    switch (subject.kind) {
      case 'user':
        if (subject.username) return paths.user(subject.username);
        break;
      // Kudos are about a feed item, comments and mentions about a comment: both are seen in the
      // feed (there is no page of one item).
      case 'feed_item':
      case 'workout':
      case 'comment':
        return paths.feed;
      case 'challenge':
        return paths.challenge(subject.id);
      case 'club':
        return paths.club(subject.id);
      case 'report':
        return paths.moderation;
      default:
        break;
    }
  }
  if (notification.actor) return paths.user(notification.actor.username);
  return null;
}
