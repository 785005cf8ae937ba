import { api } from '@/lib/api/client';

/*
 * GET /api/v1/changes?since=REV&limit=N: what changed for the signed-in user after `since`, in
 * rev order, deletions included. These types are written by hand because the route is added to
 * api/openapi.yaml by another branch (sync-server); once merged, they become
 * ResponseBody<'/changes'> from schema.gen.ts.
 */
export type ChangeKind = 'workout' | 'routine' | 'program' | 'measurement' | 'exercise';

export interface Change {
  kind: ChangeKind;
  id: string;
  rev: number;
  deleted: boolean;
  updated_at: string;
}

export interface ChangePage {
  items: Change[];
  /** The `since` of the next request. */
  next_since: number;
  has_more: boolean;
  /** The user's latest rev when the page was read. */
  latest_rev: number;
}

/** 410 Gone: `since` is ahead of the server (a restored backup); start over from 0. */
export function getChanges(
  { since, limit }: { since: number; limit?: number | undefined },
  { signal }: { signal?: AbortSignal | undefined } = {},
): Promise<ChangePage> {
  return api.get<ChangePage>('/changes', { query: { since, limit }, signal });
}
