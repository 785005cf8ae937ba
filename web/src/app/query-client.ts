import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 on any other query means the session ended (expired, signed out elsewhere,
      // account disabled): ask /me again, and the route guards send the user to sign in.
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meQueryKey[0]) {
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
  return client;
}
