import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Program, ProgramInput } from '../lib/model';
import { programsQueryKey } from './list-programs';

/** POST /api/v1/programs, or PUT /api/v1/programs/{id} (replaces it) when `id` is given. */
export function saveProgram({ id, input }: { id?: string | undefined; input: ProgramInput }): Promise<Program> {
  if (id === undefined) return api.post<Program>('/programs', { body: input });
  return api.put<Program>(`/programs/${encodeURIComponent(id)}`, { body: input });
}

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveProgram,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
