import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/ui';
import { getProgramsQueryOptions } from '@/features/workouts/api/list-programs';
import { getRoutinesQueryOptions } from '@/features/workouts/api/list-routines';
import { getWorkoutsQueryOptions } from '@/features/workouts/api/list-workouts';
import { getExerciseCatalogueQueryOptions, seedExerciseDetails } from '@/lib/exercises/exercise-catalogue';
import { i18n } from '@/lib/i18n';
import { isOnline } from '@/lib/network/online';
import { startQueryPersistence } from '@/lib/storage/query-persistence';
import { startChangeFeed } from '@/lib/sync/change-feed';

/** Recent history kept for offline use: the first pages of the history (20 workouts each). */
const RECENT_WORKOUT_PAGES = 3;
const WARM_STALE_MS = 5 * 60 * 1000;

/**
 * What a signed-in user needs offline is asked for once online, in the background: the exercise
 * catalogue, routines, programs and the recent history (each only when not fresh already).
 */
async function warmUp(client: QueryClient): Promise<void> {
  // Unit tests fake only the requests their page makes.
  if (!isOnline() || import.meta.env.MODE === 'test') return;
  await Promise.allSettled([
    client.prefetchQuery(getExerciseCatalogueQueryOptions()).then(() => seedExerciseDetails(client)),
    client.prefetchQuery({ ...getRoutinesQueryOptions(), staleTime: WARM_STALE_MS }),
    client.prefetchQuery({ ...getProgramsQueryOptions(), staleTime: WARM_STALE_MS }),
    client.prefetchInfiniteQuery({ ...getWorkoutsQueryOptions({ q: '', kind: null }), pages: RECENT_WORKOUT_PAGES, staleTime: WARM_STALE_MS }),
  ]);
}

interface OfflineSession {
  client: QueryClient;
  userId: string;
  restored: boolean;
  ready: Promise<void>;
  stop: () => void;
}

/** One per app and signed-in user, whatever page mounts it; replaced when the user changes. */
let session: OfflineSession | undefined;

function offlineSession(client: QueryClient, userId: string): OfflineSession {
  if (session && session.client === client && session.userId === userId) return session;
  session?.stop();
  let stopPersisting: (() => void) | undefined;
  let stopFeed: (() => void) | undefined;
  let stopped = false;
  const onOnline = () => void warmUp(client);
  // Exercise names and descriptions come in the user's language (in the catalogue, every
  // exercise seeded from it, and the history's lines): the kept ones are asked again in the
  // new one. Only who is signed in stays as it is.
  const onLanguage = () => void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  i18n.on('languageChanged', onLanguage);
  // Unit tests render pages with a fresh cache each: nothing kept between tests, no feed.
  const persisting = import.meta.env.MODE === 'test' ? Promise.resolve(() => undefined) : startQueryPersistence(client, userId);
  const current: OfflineSession = {
    client,
    userId,
    restored: false,
    ready: persisting.then((stop) => {
      stopPersisting = stop;
      current.restored = true;
      if (stopped) return stop();
      seedExerciseDetails(client);
      void warmUp(client);
      window.addEventListener('online', onOnline);
      if (import.meta.env.MODE !== 'test') stopFeed = startChangeFeed(client, userId);
    }),
    stop: () => {
      stopped = true;
      stopPersisting?.();
      stopFeed?.();
      window.removeEventListener('online', onOnline);
      i18n.off('languageChanged', onLanguage);
    },
  };
  session = current;
  return current;
}

/**
 * The signed-in app's offline memory: the user's kept answers are put back before the first
 * page asks for anything (a short wait on IndexedDB, once per user), kept as they change, warmed
 * up when online, and brought up to date from the server's change feed.
 */
export function OfflineCache({ userId, children }: { userId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = offlineSession(client, userId);
  const [, setRestored] = useState(current.restored);
  useEffect(() => {
    let live = true;
    void current.ready.then(() => {
      if (live) setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [current]);
  if (!current.restored) {
    return (
      <div className="route-wait">
        <LoadingState label={t('auth.checking')} />
      </div>
    );
  }
  return <>{children}</>;
}
