import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody, Schema } from '@/lib/api/types';

/** GET /api/v1/me/apps/{client_id}/webhooks: an app's subscriptions and deliveries, for its owner. */
export type AppWebhooks = ResponseBody<'/me/apps/{client_id}/webhooks'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;

export function getAppWebhooks(
  clientId: string,
  { cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<AppWebhooks> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return api.get<AppWebhooks>(`/me/apps/${encodeURIComponent(clientId)}/webhooks?${query.toString()}`, { signal });
}

export function appWebhooksQueryKey(clientId: string) {
  return ['webhooks', 'app', clientId] as const;
}

export function getAppWebhooksQueryOptions(clientId: string) {
  return infiniteQueryOptions({
    queryKey: appWebhooksQueryKey(clientId),
    queryFn: ({ pageParam, signal }) => getAppWebhooks(clientId, { cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.deliveries.next_cursor ?? undefined,
  });
}

export function useAppWebhooks(clientId: string) {
  return useInfiniteQuery(getAppWebhooksQueryOptions(clientId));
}
