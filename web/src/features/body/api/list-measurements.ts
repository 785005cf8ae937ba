import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/measurements?kind=: one kind's entries, oldest first, one per day. */
export type MeasurementList = ResponseBody<'/measurements'>;
export type Measurement = MeasurementList['items'][number];

export function listMeasurements(kind: string, { signal }: { signal?: AbortSignal } = {}): Promise<MeasurementList> {
  return api.get<MeasurementList>('/measurements', { query: { kind }, signal });
}

export const measurementsQueryKey = ['measurements'] as const;

export function getMeasurementsQueryOptions(kind: string) {
  return queryOptions({
    queryKey: [...measurementsQueryKey, kind],
    queryFn: ({ signal }) => listMeasurements(kind, { signal }),
  });
}

/** `enabled` false: not asked (a kind still being typed). */
export function useMeasurements(kind: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMeasurementsQueryOptions(kind), enabled });
}
