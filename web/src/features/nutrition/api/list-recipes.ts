import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { recipesQueryKey, type Recipe } from './keys';

/** GET /api/v1/recipes: your recipes by name. */
export function listRecipes({ signal }: { signal?: AbortSignal } = {}): Promise<{ items: Recipe[] }> {
  return api.get<{ items: Recipe[] }>('/recipes', { signal });
}

export function useRecipes() {
  return useQuery(
    queryOptions({ queryKey: [...recipesQueryKey, 'list'], queryFn: ({ signal }) => listRecipes({ signal }) }),
  );
}
