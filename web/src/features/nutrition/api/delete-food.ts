import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getFoodQueryOptions } from './get-food';
import { foodsQueryKey } from './keys';

/** DELETE /api/v1/foods/{id}: logged entries and recipes keep its name and nutrients. */
export function deleteFood(id: string): Promise<void> {
  return api.delete<void>(`/foods/${encodeURIComponent(id)}`);
}

export function useDeleteFood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFood,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: getFoodQueryOptions(id).queryKey });
      return queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' });
    },
  });
}
