import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getRecipeQueryOptions } from './get-recipe';
import { foodsQueryKey, recipesQueryKey } from './keys';

/** DELETE /api/v1/recipes/{id}. */
export function deleteRecipe(id: string): Promise<void> {
  return api.delete<void>(`/recipes/${encodeURIComponent(id)}`);
}

export function useDeleteRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRecipe,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: getRecipeQueryOptions(id).queryKey });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...recipesQueryKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' }),
      ]);
    },
  });
}
