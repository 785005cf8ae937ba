import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/measurements/kinds: the kinds you have entries of, each with its unit. */
export type MeasurementKindList = ResponseBody<'/measurements/kinds'>;
export type MeasurementKindSummary = MeasurementKindList['items'][number];

export function listMeasurementKinds({ signal }: { signal?: AbortSignal } = {}): Promise<MeasurementKindList> {
  return api.get<MeasurementKindList>('/measurements/kinds', { signal });
}

/** The same key as the body pages use for this request, so both share one cached answer. */
export const measurementKindsQueryKey = ['measurement-kinds'] as const;

export function useMeasurementKinds(enabled = true) {
  return useQuery({
    queryKey: measurementKindsQueryKey,
    queryFn: ({ signal }) => listMeasurementKinds({ signal }),
    enabled,
  });
}
