import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { clearPersistedQueries } from '@/lib/storage/query-persistence';

/**
 * GET /api/v1/me: who is signed in. It lives in lib/ (not a feature) because the app shell
 * and every feature ask it, and features never import each other.
 */
export type Me = ResponseBody<'/me'>;

/**
 * The last answer of GET /me, kept so that the app opens offline (from the service worker's
 * app shell) as the user who was signed in, to log a workout in a gym with no signal. It is
 * used only when no answer comes at all, and forgotten at sign-out and on any 401.
 */
const LAST_ME_KEY = 'vigor.last-me';

function rememberLastMe(me: Me | null): void {
  // Nobody signed in, or another user now: the answers kept for offline use go with the user.
  if (!me || lastMe()?.id !== me.id) void clearPersistedQueries();
  try {
    if (me) localStorage.setItem(LAST_ME_KEY, JSON.stringify(me));
    else localStorage.removeItem(LAST_ME_KEY);
  } catch {
    // No storage: the app then needs the server to open, as before.
  }
}

/**
 * The user this browser last saw signed in (forgotten at sign-out and on any 401): the app
 * shell draws its navigation for them while GET /me is on its way, so that the page does not
 * jump when the answer comes. Pages still wait for the answer.
 */
export function lastSignedInUser(): Me | undefined {
  return lastMe();
}

function lastMe(): Me | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(LAST_ME_KEY) ?? 'null') as unknown;
    return typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as Me) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in user, or null when nobody is: the server answers 401 then, which is an
 * ordinary state here, not an error to show. With no answer at all (offline), the user this
 * browser last saw signed in, if any.
 */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me', { signal });
    rememberLastMe(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberLastMe(null);
      return null;
    }
    const last = error instanceof ApiError && error.isNetworkError ? lastMe() : undefined;
    if (last) return last;
    throw error;
  }
}

export const meQueryKey = ['me'] as const;

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 60 * 1000,
    // Offline it answers from the last user seen (see getMe), so it must run, not wait.
    networkMode: 'always',
  });
}

/** `data` is the user, null when signed out, undefined while the first answer is pending. */
export function useMe() {
  return useQuery(getMeQueryOptions());
}

/** Asks GET /me again, e.g. after a change to the account that it reports (two-factor on). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
}

/** After a sign-in: the user the server returned is who is signed in now. */
export function rememberSignedIn(queryClient: QueryClient, user: Me): void {
  rememberLastMe(user);
  queryClient.setQueryData(meQueryKey, user);
}

/**
 * After a sign-out (or when the session ended elsewhere): nobody is signed in, and nothing
 * of the previous user's stays in the cache. Instance metadata is public and kept.
 */
export function forgetSession(queryClient: QueryClient): void {
  rememberLastMe(null);
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== 'meta',
  });
}
