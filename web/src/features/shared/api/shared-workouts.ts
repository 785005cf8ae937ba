import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody, Schema } from '@/lib/api/types';

/** GET /api/v1/users/{username}/workouts: what the viewer may see of one user's workouts. */
export type SharedWorkoutPage = ResponseBody<'/users/{username}/workouts'>;
export type SharedWorkoutSummary = Schema<'SharedWorkoutSummary'>;
export type SharedWorkout = Schema<'SharedWorkout'>;
export type ItemVisibility = Schema<'ItemVisibility'>;
export type VisibilityChange = Schema<'VisibilityChange'>;
export type VisibilityChangeInput = RequestBody<'/me/visibility-changes', 'post'>;

const enc = encodeURIComponent;

export function useUserWorkouts(username: string) {
  return useInfiniteQuery({
    queryKey: ['shared', 'workouts', username],
    queryFn: ({ pageParam, signal }) =>
      api.get<SharedWorkoutPage>(`/users/${enc(username)}/workouts`, {
        query: pageParam ? { cursor: pageParam, limit: '20' } : { limit: '20' },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useUserWorkout(username: string, id: string) {
  return useQuery({
    queryKey: ['shared', 'workout', username, id],
    queryFn: ({ signal }) => api.get<SharedWorkout>(`/users/${enc(username)}/workouts/${enc(id)}`, { signal }),
  });
}

export function useCreateVisibilityChange() {
  return useMutation({
    mutationFn: (input: VisibilityChangeInput) =>
      api.post<VisibilityChange>('/me/visibility-changes', { body: input }),
  });
}

/** Polls the change until it is done. */
export function useVisibilityChange(id: string | undefined) {
  return useQuery({
    queryKey: ['shared', 'visibility-change', id],
    queryFn: ({ signal }) => api.get<VisibilityChange>(`/me/visibility-changes/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
  });
}
