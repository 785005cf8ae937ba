import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, ButtonLink, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format/format';
import { useMarkNotificationsRead, useNotifications, useUnreadCount, type AppNotification } from '../api/notifications';
import { notificationLink, type NotificationPaths } from '../lib/notification-link';
import './notifications.css';

/** A notification as a sentence: "Ben (@ben) gave you kudos". */
export function useNotificationText() {
  const { t } = useTranslation();
  return (notification: AppNotification) =>
    t(`notifications.kinds.${notification.kind}`, {
      actor: notification.actor ? notification.actor.display_name : t('notifications.someone'),
    });
}

/**
 * /notifications: everything the user heard about, newest first, unread ones marked; new ones
 * arrive live (the bell's events refresh this list). Opening one marks it read.
 */
export function NotificationsPage({ paths }: { paths: NotificationPaths }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const count = useUnreadCount();
  const markRead = useMarkNotificationsRead();
  const unread = count.data?.unread_count ?? list.data?.pages[0]?.unread_count ?? 0;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        documentTitle={t('notifications.documentTitle')}
        intro={t('notifications.intro')}
        actions={
          <>
            <Button variant="secondary" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
            <ButtonLink variant="secondary" to={paths.settings}>
              {t('notifications.settingsLink')}
            </ButtonLink>
          </>
        }
      />
      <p className="notifications-page__summary" role="status">
        {t('notifications.unreadSummary', { count: unread })}
      </p>
      {markRead.isError ? <ErrorState inline message={errorMessage(markRead.error, t)} /> : null}
      {list.isPending ? (
        <Skeleton width="full" />
      ) : list.isError ? (
        <ErrorState title={t('notifications.loadFailed')} message={errorMessage(list.error, t)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('notifications.empty.title')}>{t('notifications.empty.body')}</EmptyState>
      ) : (
        <>
          <ul className="notification-list">
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationItem
                  notification={notification}
                  paths={paths}
                  onOpen={() => {
                    if (!notification.read) markRead.mutate({ ids: [notification.id] });
                  }}
                />
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('notifications.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function NotificationItem({
  notification,
  paths,
  onOpen,
}: {
  notification: AppNotification;
  paths: NotificationPaths;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText()(notification);
  const to = notificationLink(notification, paths);
  const className = notification.read ? 'notification' : 'notification notification--unread';
  const body = (
    <>
      <span className="notification__text">{text}</span>
      {notification.excerpt ? <span className="notification__excerpt">{notification.excerpt}</span> : null}
      <time className="notification__time" dateTime={notification.created_at}>
        {formatDateTime(notification.created_at, i18n.language)}
      </time>
    </>
  );
  return (
    <div className={className}>
      {notification.read ? null : <Badge tone="accent">{t('notifications.unreadMark')}</Badge>}
      {to ? (
        <Link
          className="notification__link"
          to={to}
          onClick={(event) => {
            event.preventDefault();
            onOpen();
            void navigate(to);
          }}
        >
          {body}
        </Link>
      ) : (
        <div className="notification__link">{body}</div>
      )}
    </div>
  );
}
