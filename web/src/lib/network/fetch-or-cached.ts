import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { isOnline, offlineError } from './online';

/**
 * queryClient.fetchQuery that does not wait for the network: offline, a fetch would pause until
 * the browser is back online (and an action awaiting it, e.g. adding an exercise, would hang), so
 * the cached answer is used, or it fails at once with the offline error.
 */
export function fetchOrCached<T, K extends QueryKey>(client: QueryClient, options: FetchQueryOptions<T, Error, T, K> & { queryKey: K }): Promise<T> {
  if (isOnline()) return client.fetchQuery(options);
  const cached = client.getQueryData<T>(options.queryKey);
  return cached === undefined ? Promise.reject(offlineError()) : Promise.resolve(cached);
}
