import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { goalsQueryKey, type GoalInput, type GoalProgress } from './list-goals';

/** POST /api/v1/goals/preview: the progress a goal would have now, without saving it. */
export function previewGoal(input: GoalInput, { signal }: { signal?: AbortSignal } = {}): Promise<GoalProgress> {
  return api.post<GoalProgress>('/goals/preview', { body: input, signal });
}

export function getGoalPreviewQueryOptions(input: GoalInput) {
  return queryOptions({
    // Keyed by the input: the answer shown is always the one for the input now in the form,
    // whatever order answers to earlier inputs arrive in (and those are cancelled).
    queryKey: [...goalsQueryKey, 'preview', input],
    queryFn: ({ signal }) => previewGoal(input, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/** The preview of `input`; nothing is asked while it is null (the form is not valid yet). */
export function useGoalPreview(input: GoalInput | null) {
  return useQuery({
    ...getGoalPreviewQueryOptions(input ?? ({} as GoalInput)),
    enabled: input !== null,
  });
}
