import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { measurementKindsQueryKey } from './list-measurement-kinds';
import { getMeasurementsQueryOptions } from './list-measurements';

/** DELETE /api/v1/measurements/{id}. */
export function deleteMeasurement({ id }: { id: string; kind: string }): Promise<void> {
  return api.delete<void>(`/measurements/${encodeURIComponent(id)}`);
}

export function useDeleteMeasurement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMeasurement,
    onSuccess: (_, { kind }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getMeasurementsQueryOptions(kind).queryKey }),
        queryClient.invalidateQueries({ queryKey: measurementKindsQueryKey }),
      ]),
  });
}
