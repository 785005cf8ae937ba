import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type FeedItem = Schema<'FeedItem'>;
export type FeedPage = Schema<'FeedPage'>;
export type FeedUserCard = Schema<'FeedUserCard'>;

export const FEED_PAGE_SIZE = 20;
/** Every feed query starts with this key: kudos and comments refresh them all. */
export const feedQueryKey = ['community', 'feed'] as const;

/** GET /api/v1/feed: your own and followed people's items, newest first (keyset cursor). */
export function getFeed({ cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {}): Promise<FeedPage> {
  return api.get<FeedPage>('/feed', { query: { limit: FEED_PAGE_SIZE, cursor }, signal });
}

export function getFeedQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...feedQueryKey, 'pages'],
    queryFn: ({ pageParam, signal }) => getFeed({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useFeed() {
  return useInfiniteQuery(getFeedQueryOptions());
}
