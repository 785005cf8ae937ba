import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { createRecordStore } from './record-store';

/**
 * What the app shows offline: the answers of a whitelist of queries (the exercise catalogue and
 * the user's own exercises, routines, programs, recent history, the workouts opened and the
 * dashboard), kept in
 * IndexedDB per user and put back into the query cache when the app opens, before any page asks.
 *
 * One record per user, keyed by the user's id and stamped with a format version: a record of
 * another version, older than MAX_AGE_MS, or of another user is never shown, and every record is
 * deleted at sign-out, when the session ends (401) and when another user signs in on this
 * device, so user B never sees user A's workouts on a shared phone.
 */
export const QUERY_CACHE_VERSION = 1;
/** Older answers are not shown: a month offline is not "recent history" any more. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Workouts opened that are kept (the most recently fetched). */
export const MAX_WORKOUT_DETAILS = 50;
/** How long a burst of answers is gathered before the cache is written. */
const SAVE_DELAY_MS = 500;

export interface PersistedQueries {
  version: number;
  userId: string;
  savedAt: number;
  state: DehydratedState;
}

const records = createRecordStore<PersistedQueries>('query-cache');

const PERSISTED_ROOTS = ['exercises', 'routines', 'programs', 'meta', 'sync', 'workouts'] as const;
/** Kept under other roots: the dashboard of the signed-in home (a 'stats' answer). */
const PERSISTED_KEYS = [['stats', 'dashboard']] as const;

/** Whether a query's answer is kept for offline use. */
export function isPersistedQueryKey(key: QueryKey): boolean {
  const [root, kind] = key;
  // One exercise's answer is part of the catalogue's (seeded from it when restored).
  if (root === 'exercises') return kind !== 'detail';
  if (root === 'routines' || root === 'programs' || root === 'meta' || root === 'sync') return true;
  // Of the statistics, the signed-in home's answer (features/today/api/get-dashboard.ts).
  if (root === 'stats') return kind === 'dashboard';
  return root === 'workouts' && (kind === 'list' || kind === 'detail');
}

function persistable(query: Query): boolean {
  return query.state.status === 'success' && query.state.data !== undefined && isPersistedQueryKey(query.queryKey);
}

/** The queries to keep: the whitelist, and only the MAX_WORKOUT_DETAILS workouts fetched last. */
export function snapshot(client: QueryClient): DehydratedState {
  const details = client
    .getQueryCache()
    .findAll({ queryKey: ['workouts', 'detail'] })
    .filter(persistable)
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .slice(MAX_WORKOUT_DETAILS);
  const dropped = new Set(details.map((q) => q.queryHash));
  return dehydrate(client, { shouldDehydrateQuery: (q) => persistable(q) && !dropped.has(q.queryHash) });
}

/** Puts the user's kept answers into the cache (never over fresher ones); forgets other users'. */
export async function restoreQueries(client: QueryClient, userId: string, now = Date.now()): Promise<void> {
  let all: PersistedQueries[];
  try {
    all = await records.getAll();
  } catch {
    return;
  }
  for (const record of all) {
    if (record.userId !== userId) await records.delete(record.userId).catch(() => undefined);
  }
  const mine = all.find((r) => r.userId === userId);
  if (!mine) return;
  if (mine.version !== QUERY_CACHE_VERSION || now - mine.savedAt > MAX_AGE_MS) {
    await records.delete(userId).catch(() => undefined);
    return;
  }
  hydrate(client, mine.state);
}

export async function saveQueries(client: QueryClient, userId: string, now = Date.now()): Promise<void> {
  await records.put(userId, { version: QUERY_CACHE_VERSION, userId, savedAt: now, state: snapshot(client) });
}

let stopActive: (() => void) | undefined;

/**
 * Restores the user's kept answers, then keeps the cache's whitelisted answers in IndexedDB as
 * they change. Resolves once restored; the returned function stops keeping.
 */
export async function startQueryPersistence(client: QueryClient, userId: string): Promise<() => void> {
  stopActive?.();
  // Kept answers stay in memory while the app runs, used or not: one collected after the
  // default 5 minutes unused would also leave the kept copy at the next save.
  for (const root of PERSISTED_ROOTS) client.setQueryDefaults([root], { gcTime: Infinity });
  for (const key of PERSISTED_KEYS) client.setQueryDefaults(key, { gcTime: Infinity });
  await restoreQueries(client, userId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!stopped) void saveQueries(client, userId).catch(() => undefined);
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (!isPersistedQueryKey(event.query.queryKey)) return;
    const changed = event.type === 'removed' || (event.type === 'updated' && event.action.type === 'success');
    if (changed && timer === undefined) timer = setTimeout(save, SAVE_DELAY_MS);
  });
  // A phone may kill a hidden tab without warning: write what is waiting first.
  const onHide = () => {
    if (document.visibilityState === 'hidden' && timer !== undefined) save();
  };
  document.addEventListener('visibilitychange', onHide);
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    document.removeEventListener('visibilitychange', onHide);
    if (stopActive === stop) stopActive = undefined;
  };
  stopActive = stop;
  return stop;
}

/** At sign-out and when the session ends: nothing of anyone's stays on this device. */
export async function clearPersistedQueries(): Promise<void> {
  stopActive?.();
  const all = await records.getAll().catch(() => [] as PersistedQueries[]);
  await Promise.all(all.map((r) => records.delete(r.userId).catch(() => undefined)));
}
