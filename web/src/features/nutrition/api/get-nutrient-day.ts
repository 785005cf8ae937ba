import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { nutritionQueryKey, type NutrientDay } from './keys';

/** GET /api/v1/nutrition/days/{date}: every nutrient of a local day as a share of its target. */
export function getNutrientDay(date: string, { signal }: { signal?: AbortSignal } = {}): Promise<NutrientDay> {
  return api.get<NutrientDay>(`/nutrition/days/${encodeURIComponent(date)}`, { signal });
}

export function useNutrientDay(date: string) {
  return useQuery(
    queryOptions({
      queryKey: [...nutritionQueryKey, 'nutrient-day', date],
      queryFn: ({ signal }) => getNutrientDay(date, { signal }),
    }),
  );
}
