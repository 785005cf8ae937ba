import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/programs: your programs by name. */
export type ProgramList = ResponseBody<'/programs'>;

export function listPrograms({ signal }: { signal?: AbortSignal } = {}): Promise<ProgramList> {
  return api.get<ProgramList>('/programs', { signal });
}

export const programsQueryKey = ['programs'] as const;

export function getProgramsQueryOptions() {
  return queryOptions({
    queryKey: [...programsQueryKey, 'list'],
    queryFn: ({ signal }) => listPrograms({ signal }),
  });
}

export function usePrograms() {
  return useQuery(getProgramsQueryOptions());
}
