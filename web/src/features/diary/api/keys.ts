import type { QueryClient } from '@tanstack/react-query';

/** Every diary query starts with this key. */
export const diaryQueryKey = ['diary'] as const;

export const diaryDayQueryKey = (date: string) => [...diaryQueryKey, 'day', date] as const;

/**
 * After a change to a day: that day, the recent foods, and whatever other views read the
 * diary (the week and nutrient pages, whose keys start with 'nutrition'; the dashboard).
 */
export function invalidateDiaryViews(queryClient: QueryClient, date: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: diaryDayQueryKey(date) }),
    queryClient.invalidateQueries({ queryKey: [...diaryQueryKey, 'foods', 'recent'] }),
    queryClient.invalidateQueries({ queryKey: ['nutrition'] }),
    queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('dashboard') }),
  ]).then(() => undefined);
}
