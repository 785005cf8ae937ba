import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { targetsQueryKey, type NutritionTargets } from './keys';

/** GET /api/v1/nutrition/targets: the targets in force, with how computed ones were worked out. */
export function getTargets({ signal }: { signal?: AbortSignal } = {}): Promise<NutritionTargets> {
  return api.get<NutritionTargets>('/nutrition/targets', { signal });
}

export function getTargetsQueryOptions() {
  return queryOptions({ queryKey: targetsQueryKey, queryFn: ({ signal }) => getTargets({ signal }) });
}

export function useTargets() {
  return useQuery(getTargetsQueryOptions());
}
