import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type AppNotification = Schema<'Notification'>;
export type NotificationKind = Schema<'NotificationKind'>;
export type NotificationPage = Schema<'NotificationPage'>;
export type NotificationPreferences = Schema<'NotificationPreferences'>;
export type NotificationPreferencesInput = Schema<'NotificationPreferencesInput'>;
export type UnreadCount = Schema<'NotificationUnreadCount'>;

/** The kinds in the order the settings page lists them (the server's closed set). */
export const notificationKinds: readonly NotificationKind[] = [
  'follow_request',
  'follow_approved',
  'new_follower',
  'kudos',
  'comment',
  'mention',
  'challenge',
  'club',
  'moderation',
];

/** Every notification query starts with this key, so one invalidation refreshes them all. */
export const notificationsQueryKey = ['notifications'] as const;
export const unreadCountQueryKey = [...notificationsQueryKey, 'unread-count'] as const;
const listQueryKey = [...notificationsQueryKey, 'list'] as const;
const preferencesQueryKey = [...notificationsQueryKey, 'preferences'] as const;

const pageSize = 30;

/** GET /api/v1/notifications: a page of your notifications, newest first, with the unread count. */
export function listNotifications(cursor: string | null, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<NotificationPage>('/notifications', {
    query: cursor ? { limit: pageSize, cursor } : { limit: pageSize },
    signal,
  });
}

export function getNotificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: listQueryKey,
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useNotifications() {
  return useInfiniteQuery(getNotificationsQueryOptions());
}

/** GET /api/v1/notifications/unread-count. */
export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: unreadCountQueryKey,
    queryFn: ({ signal }) => api.get<UnreadCount>('/notifications/unread-count', { signal }),
  });
}

/** `pollMs`: read again this often (only while live events cannot reach the page). */
export function useUnreadCount({ pollMs }: { pollMs?: number | undefined } = {}) {
  return useQuery({ ...getUnreadCountQueryOptions(), refetchInterval: pollMs ?? false });
}

/**
 * What the server said the count is now (a live event, a mark-read answer): shown at once, and
 * the list is read again when it is next on screen.
 */
export function applyUnreadCount(queryClient: QueryClient, unread: number): Promise<void> {
  queryClient.setQueryData<UnreadCount>(unreadCountQueryKey, { unread_count: unread });
  return queryClient.invalidateQueries({ queryKey: listQueryKey });
}

/** POST /api/v1/notifications/read: the given ones, or all. */
export function markNotificationsRead(input: { ids: string[] } | { all: true }) {
  return api.post<UnreadCount>('/notifications/read', { body: input });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (answer) => applyUnreadCount(queryClient, answer.unread_count),
  });
}

/** GET /api/v1/me/notification-preferences. */
export function getPreferencesQueryOptions() {
  return queryOptions({
    queryKey: preferencesQueryKey,
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/me/notification-preferences', { signal }),
  });
}

export function useNotificationPreferences() {
  return useQuery(getPreferencesQueryOptions());
}

/** PUT /api/v1/me/notification-preferences: what is left out stays. */
export function updateNotificationPreferences(input: NotificationPreferencesInput) {
  return api.put<NotificationPreferences>('/me/notification-preferences', { body: input });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (prefs) => queryClient.setQueryData(preferencesQueryKey, prefs),
  });
}
