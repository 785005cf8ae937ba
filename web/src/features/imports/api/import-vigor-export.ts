import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

/** The import of a Vigor export: its job and, once it ran, what it added and left out. */
export type AccountImport = Schema<'AccountImport'>;

/** POST /api/v1/me/import: a Vigor export (zip) into the signed-in account. */
export function importVigorExport(file: Blob): Promise<AccountImport> {
  return api.post<AccountImport>('/me/import', { raw: { body: file, contentType: 'application/zip' } });
}

export function useImportVigorExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importVigorExport,
    // Everything may have changed: workouts, routines, body, food, goals, people.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
