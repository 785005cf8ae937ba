import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/admin/users?q=: users by username, a page at a time (keyset cursor). */
export type AdminUserPage = ResponseBody<'/admin/users'>;
export type AdminUser = AdminUserPage['items'][number];

export const USERS_PAGE_SIZE = 25;

export function listUsers({
  q,
  cursor,
  signal,
}: { q?: string | undefined; cursor?: string | undefined; signal?: AbortSignal } = {}): Promise<AdminUserPage> {
  return api.get<AdminUserPage>('/admin/users', {
    query: { q: q || undefined, limit: USERS_PAGE_SIZE, cursor },
    signal,
  });
}

export const adminUsersQueryKey = ['admin', 'users'] as const;

export function getUsersQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: [...adminUsersQueryKey, { q }],
    queryFn: ({ pageParam, signal }) => listUsers({ q, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While a new search runs, the previous results stay instead of a blank list.
    placeholderData: keepPreviousData,
  });
}

export function useUsers(q: string) {
  return useInfiniteQuery(getUsersQueryOptions(q));
}
