import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Program, ProgramInput } from '../lib/model';
import { programsQueryKey } from './list-programs';

/**
 * POST /api/v1/programs, or PUT /api/v1/programs/{id} (replaces it) when `id` is given. With
 * the `rev` it was loaded at, a program changed elsewhere since is refused (412), not overwritten.
 */
export function saveProgram({
  id,
  rev,
  input,
}: {
  id?: string | undefined;
  rev?: number | undefined;
  input: ProgramInput;
}): Promise<Program> {
  if (id === undefined) return api.post<Program>('/programs', { body: input });
  const headers = rev === undefined ? undefined : { 'If-Match': `"p-${rev}"` };
  return api.put<Program>(`/programs/${encodeURIComponent(id)}`, { body: input, headers });
}

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveProgram,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsQueryKey }),
  });
}
