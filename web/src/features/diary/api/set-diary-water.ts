import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import type { DiaryDay } from '../lib/model';
import { diaryDayQueryKey, invalidateDiaryViews } from './keys';

export type DiaryWater = Schema<'DiaryWater'>;

/** PUT /api/v1/diary/{date}/water: the day's water in ml (a total, so a retry is harmless). */
export function setDiaryWater(date: string, waterMl: number): Promise<DiaryWater> {
  return api.put<DiaryWater>(`/diary/${encodeURIComponent(date)}/water`, { body: { water_ml: waterMl } });
}

/** Shows the new total at once; puts the old one back if the server refuses. */
export function useSetDiaryWater(date: string) {
  const queryClient = useQueryClient();
  const key = diaryDayQueryKey(date);
  return useMutation({
    mutationFn: (waterMl: number) => setDiaryWater(date, waterMl),
    onMutate: async (waterMl) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<DiaryDay>(key);
      if (before) queryClient.setQueryData<DiaryDay>(key, { ...before, water_ml: waterMl });
      return { before };
    },
    onError: (_error, _water, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => invalidateDiaryViews(queryClient, date),
  });
}
