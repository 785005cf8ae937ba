import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/routine-templates: every user's public routines, newest first. */
export type RoutineTemplatePage = ResponseBody<'/routine-templates'>;

export function listRoutineTemplates(
  cursor: string | null,
  { signal }: { signal?: AbortSignal } = {},
): Promise<RoutineTemplatePage> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return api.get<RoutineTemplatePage>(`/routine-templates?${query.toString()}`, { signal });
}

export const routineTemplatesQueryKey = ['routine-templates'] as const;

export function getRoutineTemplatesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...routineTemplatesQueryKey, 'list'],
    queryFn: ({ pageParam, signal }) => listRoutineTemplates(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useRoutineTemplates() {
  return useInfiniteQuery(getRoutineTemplatesQueryOptions());
}
