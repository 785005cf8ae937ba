import { onlineManager, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';
import { isOnline, offlineError } from '@/lib/network/online';

/**
 * A query that has nothing to show and waits for the network (offline, never fetched nor kept
 * for offline use) fails at once with "You are offline; this page needs a connection" instead
 * of a spinner that never ends. It still runs when the browser is back online (TanStack Query
 * resumes paused fetches then), and the page's "Try again" asks again.
 */
function failWhenPausedWithoutData(query: Query) {
  const { fetchStatus, status, data } = query.state;
  if (fetchStatus === 'paused' && status === 'pending' && data === undefined) {
    query.setState({ status: 'error', error: offlineError(), errorUpdatedAt: Date.now() });
  }
}

export function createQueryClient(): QueryClient {
  // TanStack Query assumes "online" until the first offline event; a page opened offline (from
  // the service worker's app shell) must know at once, so queries with kept answers show them
  // and do not turn into errors.
  onlineManager.setOnline(isOnline());
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 on any other query means the session ended (expired, signed out elsewhere,
      // account disabled): ask /me again, and the route guards send the user to sign in. A 403
      // account_suspended means a moderator suspended the account meanwhile: /me says until
      // when, and the shell shows only the suspension page.
      onError: (error, query) => {
        const sessionChanged =
          error instanceof ApiError &&
          (error.status === 401 || (error.status === 403 && error.code === 'account_suspended'));
        if (sessionChanged && query.queryKey[0] !== meQueryKey[0]) {
          void client.invalidateQueries({ queryKey: meQueryKey, exact: true });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // The API client already retries GETs that failed in transit (and only those);
        // retrying again here would multiply the wait on a dead server.
        retry: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' || event.type === 'observerAdded') failWhenPausedWithoutData(event.query);
  });
  return client;
}
