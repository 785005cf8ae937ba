import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import type { DiaryItemInput } from '../lib/model';
import { invalidateDiaryViews } from './keys';

export type DiaryItemList = ResponseBody<'/diary/{date}/items', 'post', 201>;

/**
 * POST /api/v1/diary/{date}/items. Every item carries an id made here (a UUID), so sending the
 * same request again after a lost answer logs nothing twice.
 */
export function addDiaryItems(date: string, items: Array<DiaryItemInput & { id: string }>): Promise<DiaryItemList> {
  return api.post<DiaryItemList>(`/diary/${encodeURIComponent(date)}/items`, { body: { items } });
}

export function useAddDiaryItems(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: Array<DiaryItemInput & { id: string }>) => addDiaryItems(date, items),
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}
