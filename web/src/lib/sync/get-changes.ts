import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/*
 * GET /api/v1/changes?since=REV&limit=N: what changed for the signed-in user after `since`, in
 * rev order, deletions included (types from the contract).
 */
export type ChangePage = ResponseBody<'/changes'>;
export type Change = ChangePage['items'][number];
export type ChangeKind = Change['kind'];

/** 410 Gone: `since` is ahead of the server (a restored backup); start over from 0. */
export function getChanges(
  { since, limit }: { since: number; limit?: number | undefined },
  { signal }: { signal?: AbortSignal | undefined } = {},
): Promise<ChangePage> {
  return api.get<ChangePage>('/changes', { query: { since, limit }, signal });
}
