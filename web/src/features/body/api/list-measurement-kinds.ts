import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/**
 * GET /api/v1/measurements/kinds: every kind the user has entries of (built-in or their own),
 * each with its unit, count and latest entry, so each device lists the same kinds.
 */
export type MeasurementKindList = ResponseBody<'/measurements/kinds'>;
export type MeasurementKindSummary = MeasurementKindList['items'][number];

export function listMeasurementKinds({ signal }: { signal?: AbortSignal } = {}): Promise<MeasurementKindList> {
  return api.get<MeasurementKindList>('/measurements/kinds', { signal });
}

/** Not under ['measurements', ...]: a kind of the user's may itself be called "kinds". */
export const measurementKindsQueryKey = ['measurement-kinds'] as const;

export function getMeasurementKindsQueryOptions() {
  return queryOptions({
    queryKey: measurementKindsQueryKey,
    queryFn: ({ signal }) => listMeasurementKinds({ signal }),
  });
}

export function useMeasurementKinds() {
  return useQuery(getMeasurementKindsQueryOptions());
}
