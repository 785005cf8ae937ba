import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getRecipeQueryOptions } from './get-recipe';
import { foodsQueryKey, recipesQueryKey, type Recipe, type RecipeInput } from './keys';

/** POST /api/v1/recipes with an id chosen here: a retry answers with the recipe made the first time. */
export function createRecipe(input: RecipeInput & { id: string }): Promise<Recipe> {
  return api.post<Recipe>('/recipes', { body: input });
}

export function useCreateRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRecipe,
    onSuccess: (recipe) => {
      queryClient.setQueryData(getRecipeQueryOptions(recipe.id).queryKey, recipe);
      // A recipe is also a food: searches find it (on their next run; waiting here for the ones on
      // screen would hold the save up).
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...recipesQueryKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...foodsQueryKey, 'search'], refetchType: 'none' }),
      ]);
    },
  });
}
