import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { newId } from '../lib/model';
import { invalidateDiaryViews } from './keys';

export type DiaryCopyInput = RequestBody<'/diary/{date}/copy', 'post'>;
export type CopiedItems = ResponseBody<'/diary/{date}/copy', 'post', 201>;

/**
 * POST /api/v1/diary/{date}/copy: a meal (or the whole day) of `from` into `date`. The
 * Idempotency-Key makes a retry of the same tap copy once.
 */
export function copyDiaryItems(date: string, input: DiaryCopyInput, key: string = newId()): Promise<CopiedItems> {
  return api.post<CopiedItems>(`/diary/${encodeURIComponent(date)}/copy`, {
    body: input,
    headers: { 'Idempotency-Key': key },
  });
}

export function useCopyDiaryItems(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DiaryCopyInput) => copyDiaryItems(date, input),
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}
