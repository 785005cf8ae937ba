import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { invalidateProgress } from '@/lib/records/query-keys';
import { importsQueryKey } from './create-import';

/** DELETE /api/v1/imports/{id}: undo an import (what it created is deleted). */
export function deleteImport(id: string): Promise<void> {
  return api.delete<void>(`/imports/${encodeURIComponent(id)}`);
}

export function useDeleteImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteImport,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...importsQueryKey, id] });
      // The workouts (and exercises) it created are gone: every list showing them is stale.
      void queryClient.invalidateQueries({ queryKey: ['workouts'] });
      void queryClient.invalidateQueries({ queryKey: ['exercises'] });
      // Undoing an import removes its records and its share of the statistics.
      invalidateProgress(queryClient);
    },
  });
}
