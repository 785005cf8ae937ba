import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { programsQueryKey } from './list-programs';

/** DELETE /api/v1/programs/{id}. Its routines stay. */
export function deleteProgram(id: string): Promise<void> {
  return api.delete<void>(`/programs/${encodeURIComponent(id)}`);
}

export function useDeleteProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProgram,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
