import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { recipesQueryKey, type Recipe } from './keys';

/** GET /api/v1/recipes/{id}: a recipe with its nutrition per serving and per 100 g. */
export function getRecipe(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Recipe> {
  return api.get<Recipe>(`/recipes/${encodeURIComponent(id)}`, { signal });
}

export function getRecipeQueryOptions(id: string) {
  return queryOptions({ queryKey: [...recipesQueryKey, 'detail', id], queryFn: ({ signal }) => getRecipe(id, { signal }) });
}

export function useRecipe(id: string) {
  return useQuery(getRecipeQueryOptions(id));
}
