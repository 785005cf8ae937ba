import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getFoodQueryOptions } from './get-food';
import { foodsQueryKey, type Food, type FoodInput } from './keys';

/** PUT /api/v1/foods/{id}: changes a food of your own. */
export function updateFood({ id, input }: { id: string; input: FoodInput }): Promise<Food> {
  return api.put<Food>(`/foods/${encodeURIComponent(id)}`, { body: input });
}

export function useUpdateFood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFood,
    onSuccess: (food) => {
      queryClient.setQueryData(getFoodQueryOptions(food.id).queryKey, food);
      return queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' });
    },
  });
}
