import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getRecipeQueryOptions } from './get-recipe';
import { foodsQueryKey, recipesQueryKey, type Recipe, type RecipeInput } from './keys';

/** PUT /api/v1/recipes/{id}: items already logged from it keep their nutrients. */
export function updateRecipe({ id, input }: { id: string; input: RecipeInput }): Promise<Recipe> {
  return api.put<Recipe>(`/recipes/${encodeURIComponent(id)}`, { body: input });
}

export function useUpdateRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRecipe,
    onSuccess: (recipe) => {
      queryClient.setQueryData(getRecipeQueryOptions(recipe.id).queryKey, recipe);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...recipesQueryKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' }),
      ]);
    },
  });
}
