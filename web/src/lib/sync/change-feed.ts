import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';
import { isPersistedQueryKey } from '@/lib/storage/query-persistence';
import { isOnline } from '@/lib/network/online';
import { getChanges, type Change, type ChangePage } from './get-changes';

/**
 * Brings the cached (and kept-offline) answers up to date with what other devices changed, from
 * the server's change feed: when the app opens online, comes back online, or regains focus.
 *
 * The feed's position (`since`) is itself a query answer, ['sync', 'since'], so it is kept with
 * the answers it describes (lib/storage/query-persistence.ts) and forgotten with them. With no
 * position (first start, the kept answers lost, or 410 from the server) nothing tells what
 * changed: every kept answer is marked stale once and the position starts at the server's latest.
 */
export const changeCursorQueryKey = ['sync', 'since'] as const;

const PAGE_LIMIT = 200;
/** Past this many changes at once, refetching everything is cheaper than one by one. */
const MAX_CHANGES = 2_000;

/** The queries one change makes stale; `removed` ones held the deleted item itself. */
export function queriesChangedBy(change: Change): { stale: QueryKey[]; removed: QueryKey[] } {
  const own = (root: string): QueryKey[] => [[root, 'detail', change.id]];
  switch (change.kind) {
    case 'workout':
      return {
        stale: [
          ['workouts', 'list'],
          ['exercises', 'last-sets'],
          ['programs'],
          ['stats'],
          ['records'],
          // A goal's progress counts workouts and measurements.
          ['goals'],
          ...(change.deleted ? [] : own('workouts')),
        ],
        removed: change.deleted ? [...own('workouts'), ['workouts', 'track', change.id]] : [],
      };
    case 'routine':
      return {
        stale: [['routines', 'list'], ['programs'], ...(change.deleted ? [] : own('routines'))],
        removed: change.deleted ? own('routines') : [],
      };
    case 'program':
      return { stale: [['programs']], removed: [] };
    case 'measurement':
      // The dashboard's body-weight and measurement goals too.
      return { stale: [['measurements'], ['measurement-kinds'], ['stats', 'dashboard'], ['goals']], removed: [] };
    case 'goal':
      return {
        stale: change.deleted ? [['goals', 'list'], ['stats', 'dashboard']] : [['goals'], ['stats', 'dashboard']],
        removed: change.deleted ? [['goals', 'detail', change.id], ['goals', 'history', change.id]] : [],
      };
    case 'exercise':
      return {
        stale: [['exercises', 'list'], ['exercises', 'catalogue'], ...(change.deleted ? [] : own('exercises'))],
        removed: change.deleted ? own('exercises') : [],
      };
    default:
      // A kind this client does not know yet: nothing of it is cached.
      return { stale: [], removed: [] };
  }
}

export function applyChanges(client: QueryClient, changes: readonly Change[]): void {
  const stale = new Map<string, QueryKey>();
  for (const change of changes) {
    const effect = queriesChangedBy(change);
    for (const key of effect.removed) client.removeQueries({ queryKey: key, exact: true });
    for (const key of effect.stale) stale.set(JSON.stringify(key), key);
  }
  for (const key of stale.values()) void client.invalidateQueries({ queryKey: key });
}

function invalidateEverythingKept(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (q) => isPersistedQueryKey(q.queryKey) && q.queryKey[0] !== 'sync' });
}

export type SyncOutcome = 'synced' | 'reset' | 'offline' | 'unavailable';

/**
 * Reads the feed from the kept position to its end and applies it. One run at a time per
 * client; a run asked for during another joins it.
 */
export async function syncChanges(client: QueryClient, { signal }: { signal?: AbortSignal | undefined } = {}): Promise<SyncOutcome> {
  if (!isOnline()) return 'offline';
  let since = client.getQueryData<number>(changeCursorQueryKey);
  let reset = since === undefined;
  const changes: Change[] = [];
  try {
    for (;;) {
      let page: ChangePage;
      try {
        page = await getChanges({ since: since ?? 0, limit: since === undefined ? 1 : PAGE_LIMIT }, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 410 && since !== undefined) {
          // The server is behind the kept position (restored from a backup): start over.
          since = undefined;
          reset = true;
          changes.length = 0;
          continue;
        }
        throw error;
      }
      if (since === undefined) {
        since = page.latest_rev;
        break;
      }
      changes.push(...page.items);
      since = page.next_since;
      if (!page.has_more) break;
      if (changes.length >= MAX_CHANGES) {
        reset = true;
        since = page.latest_rev;
        break;
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError) return 'offline';
    // 404 before the server has the feed, 5xx, a session that ended: try again next time.
    if (error instanceof ApiError) return 'unavailable';
    throw error;
  }
  if (reset) invalidateEverythingKept(client);
  else applyChanges(client, changes);
  client.setQueryData(changeCursorQueryKey, since);
  return reset ? 'reset' : 'synced';
}

const running = new WeakMap<QueryClient, Promise<SyncOutcome>>();

export function syncChangesOnce(client: QueryClient): Promise<SyncOutcome> {
  const current = running.get(client);
  if (current) return current;
  const run = syncChanges(client)
    .catch((): SyncOutcome => 'unavailable')
    .finally(() => running.delete(client));
  running.set(client, run);
  return run;
}

/** Follows the feed for the signed-in user: now, when back online and when the tab is shown again. */
export function startChangeFeed(client: QueryClient, userId: string): () => void {
  // After a sign-out (or another user's sign-in) in this tab the feed is not this user's any more.
  const sync = () => {
    if (client.getQueryData<{ id: string } | null>(meQueryKey)?.id === userId) void syncChangesOnce(client);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') sync();
  };
  sync();
  window.addEventListener('online', sync);
  window.addEventListener('focus', sync);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('online', sync);
    window.removeEventListener('focus', sync);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
