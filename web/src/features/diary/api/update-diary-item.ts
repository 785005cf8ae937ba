import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { DiaryItem, DiaryItemPatch } from '../lib/model';
import { invalidateDiaryViews } from './keys';

/** PATCH /api/v1/diary-items/{id}: the amount, portion or meal of a logged item. */
export function updateDiaryItem(id: string, patch: DiaryItemPatch): Promise<DiaryItem> {
  return api.patch<DiaryItem>(`/diary-items/${encodeURIComponent(id)}`, { body: patch });
}

export function useUpdateDiaryItem(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: DiaryItemPatch }) => updateDiaryItem(id, patch),
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}
