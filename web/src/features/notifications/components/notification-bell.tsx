import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '@/components/ui';
import { eventStream, useEventStreamState, useServerEvents, type EventStream } from '@/lib/events';
import { applyUnreadCount, useUnreadCount } from '../api/notifications';
import './notifications.css';

/** The unread count a `notification` or `notification.read` event carries. */
export function unreadOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const count = (data as Record<string, unknown>).unread_count;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
}

/** While the live stream is unavailable (too many tabs, a proxy that cuts it), the count is read this often. */
const fallbackPollMs = 60_000;

/**
 * The bell in the top bar: a link to the notifications with the unread count, kept current by
 * the server's events (a new notification anywhere, or notifications read in another tab), so
 * nothing polls while the stream is open.
 */
export function NotificationBell({ to, stream = eventStream }: { to: string; stream?: EventStream }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const streamState = useEventStreamState(stream);
  const count = useUnreadCount({ pollMs: streamState === 'unavailable' ? fallbackPollMs : undefined });
  const onCount = ({ data }: { data: unknown }) => {
    const unread = unreadOf(data);
    if (unread !== null) void applyUnreadCount(queryClient, unread);
  };
  useServerEvents('notification', onCount, true, stream);
  useServerEvents('notification.read', onCount, true, stream);
  const unread = count.data?.unread_count ?? 0;
  const label =
    unread > 0
      ? `${t('notifications.bell.label')}, ${t('notifications.bell.unread', { count: unread })}`
      : t('notifications.bell.label');
  return (
    <Link to={to} className="notification-bell" aria-label={label}>
      <Icon name="bell" />
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
