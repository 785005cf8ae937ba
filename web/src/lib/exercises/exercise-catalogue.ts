import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Exercise } from './get-exercise';
import { exercisesQueryKey, getExerciseQueryOptions } from './get-exercise';
import { listExercises } from './list-exercises';
import { searchCatalogue } from './local-search';
import type { ExerciseFilters } from './list-exercises';

/**
 * The whole catalogue and the user's own exercises, every page of GET /api/v1/exercises: kept
 * (with the other offline queries, see lib/storage/query-persistence.ts) so that exercise search
 * works offline. Fetched once a day at most, in the background after sign-in.
 */
export const exerciseCatalogueQueryKey = [...exercisesQueryKey, 'catalogue'] as const;

/** No catalogue has this many pages; a server that never ends its cursor stops here. */
const MAX_PAGES = 50;

export async function fetchExerciseCatalogue({ signal }: { signal?: AbortSignal | undefined } = {}): Promise<Exercise[]> {
  const all: Exercise[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await listExercises({ filters: { q: '' }, cursor, limit: 100, ...(signal ? { signal } : {}) });
    all.push(...answer.items);
    cursor = answer.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return all;
}

export function getExerciseCatalogueQueryOptions() {
  return queryOptions({
    queryKey: exerciseCatalogueQueryKey,
    queryFn: ({ signal }) => fetchExerciseCatalogue({ signal }),
    staleTime: 24 * 60 * 60 * 1000,
  });
}

/** The cached catalogue searched like the server does; undefined when none is cached. */
export function useOfflineExerciseSearch(filters: ExerciseFilters, enabled: boolean): Exercise[] | undefined {
  const catalogue = useQuery({ ...getExerciseCatalogueQueryOptions(), enabled: false });
  if (!enabled || !catalogue.data) return undefined;
  return searchCatalogue(catalogue.data, filters);
}

/**
 * Every exercise of the catalogue answers its own GET /exercises/{id} query too (when that has
 * no answer yet), so names and what an exercise logs are known offline on every page.
 */
export function seedExerciseDetails(client: QueryClient): void {
  const state = client.getQueryState<Exercise[]>(exerciseCatalogueQueryKey);
  if (!state?.data) return;
  for (const exercise of state.data) {
    const key = getExerciseQueryOptions(exercise.id).queryKey;
    // Stale from the start (updated "at 0"): online, a page asks the server as before (in the
    // user's language of now); offline, the seeded answer is what it shows.
    if (client.getQueryData(key) === undefined) client.setQueryData(key, exercise, { updatedAt: 0 });
  }
}
