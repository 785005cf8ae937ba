import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { measurementKindsQueryKey } from './list-measurement-kinds';
import { getMeasurementsQueryOptions, type Measurement } from './list-measurements';

export type MeasurementInput = Schema<'MeasurementInput'>;

/** PUT /api/v1/measurements: records a kind's value for a day (replacing that day's). */
export function putMeasurement(input: MeasurementInput): Promise<Measurement> {
  return api.put<Measurement>('/measurements', { body: input });
}

export function usePutMeasurement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMeasurement,
    onSuccess: (saved) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getMeasurementsQueryOptions(saved.kind).queryKey }),
        queryClient.invalidateQueries({ queryKey: measurementKindsQueryKey }),
      ]),
  });
}
