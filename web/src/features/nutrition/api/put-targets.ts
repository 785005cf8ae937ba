import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getTargetsQueryOptions } from './get-targets';
import { nutritionQueryKey, type NutritionTargets, type NutritionTargetsInput } from './keys';

/** PUT /api/v1/nutrition/targets: by hand or computed from the profile. */
export function putTargets(input: NutritionTargetsInput): Promise<NutritionTargets> {
  return api.put<NutritionTargets>('/nutrition/targets', { body: input });
}

export function usePutTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putTargets,
    onSuccess: (saved) => {
      queryClient.setQueryData(getTargetsQueryOptions().queryKey, saved);
      // Days and weeks are measured against the targets; the diary (its queries start with
      // 'diary') and the dashboard show them too. Not waited for: the save is done.
      void queryClient.invalidateQueries({
        predicate: (query) =>
          (query.queryKey[0] === nutritionQueryKey[0] && query.queryKey[1] !== 'targets') ||
          query.queryKey[0] === 'diary' ||
          query.queryKey.includes('dashboard'),
      });
    },
  });
}
