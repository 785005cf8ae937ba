import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/me/tokens: personal access tokens (never their secret). */
export type TokenList = ResponseBody<'/me/tokens'>;
export type TokenInfo = TokenList['items'][number];

export function listTokens({ signal }: { signal?: AbortSignal } = {}): Promise<TokenList> {
  return api.get<TokenList>('/me/tokens', { signal });
}

export const tokensQueryKey = ['account', 'tokens'] as const;

export function getTokensQueryOptions() {
  return queryOptions({ queryKey: tokensQueryKey, queryFn: ({ signal }) => listTokens({ signal }) });
}

export function useTokens() {
  return useQuery(getTokensQueryOptions());
}
