import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { targetsQueryKey, type NutritionTargets, type NutritionTargetsInput } from './keys';

/** POST /api/v1/nutrition/targets/preview: what these settings would give, saving nothing. */
export function previewTargets(input: NutritionTargetsInput, { signal }: { signal?: AbortSignal } = {}): Promise<NutritionTargets> {
  return api.post<NutritionTargets>('/nutrition/targets/preview', { body: input, signal });
}

/** The preview of `input`; none while it is null (not yet valid or still being typed). */
export function useTargetsPreview(input: NutritionTargetsInput | null) {
  return useQuery(
    queryOptions({
      queryKey: [...targetsQueryKey, 'preview', input],
      queryFn: ({ signal }) => previewTargets(input as NutritionTargetsInput, { signal }),
      enabled: input !== null,
      placeholderData: keepPreviousData,
      retry: false,
    }),
  );
}
