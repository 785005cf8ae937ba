import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Routine } from '../lib/model';
import { routinesQueryKey } from './list-routines';

/** POST /api/v1/routine-templates/{id}/copy: a private copy among your routines. */
export function copyRoutineTemplate(id: string): Promise<Routine> {
  return api.post<Routine>(`/routine-templates/${encodeURIComponent(id)}/copy`);
}

export function useCopyRoutineTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyRoutineTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routinesQueryKey }),
  });
}
