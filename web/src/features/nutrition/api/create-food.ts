import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getFoodQueryOptions } from './get-food';
import { foodsQueryKey, type Food, type FoodInput } from './keys';

/** POST /api/v1/foods with an id chosen here: a retry answers with the food made the first time. */
export function createFood(input: FoodInput & { id: string }): Promise<Food> {
  return api.post<Food>('/foods', { body: input });
}

export function useCreateFood() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFood,
    onSuccess: (food) => {
      queryClient.setQueryData(getFoodQueryOptions(food.id).queryKey, food);
      return queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' });
    },
  });
}
