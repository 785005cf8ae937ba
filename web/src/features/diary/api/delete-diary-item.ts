import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { DiaryDay } from '../lib/model';
import { diaryDayQueryKey, invalidateDiaryViews } from './keys';

/** DELETE /api/v1/diary-items/{id}. */
export function deleteDiaryItem(id: string): Promise<void> {
  return api.delete<void>(`/diary-items/${encodeURIComponent(id)}`);
}

/** Takes the item off the page at once; puts it back if the server refuses. */
export function useDeleteDiaryItem(date: string) {
  const queryClient = useQueryClient();
  const key = diaryDayQueryKey(date);
  return useMutation({
    mutationFn: deleteDiaryItem,
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<DiaryDay>(key);
      if (before) {
        queryClient.setQueryData<DiaryDay>(key, {
          ...before,
          meals: before.meals.map((meal) => ({ ...meal, items: meal.items.filter((item) => item.id !== id) })),
        });
      }
      return { before };
    },
    onError: (_error, _id, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}

/** Undo of a copy: deletes the copied items one by one (each its own DELETE). */
export function useDeleteDiaryItems(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => Promise.all(ids.map((id) => deleteDiaryItem(id))).then(() => undefined),
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}
