import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { tokensQueryKey } from './list-tokens';

/** POST /api/v1/me/tokens: the answer holds the secret, the only time it is ever sent. */
export type NewTokenInput = RequestBody<'/me/tokens', 'post'>;
export type NewToken = ResponseBody<'/me/tokens', 'post', 201>;
export type Scope = NewTokenInput['scopes'][number];

/** Every scope of the spec's Scope enum, in its order. */
export const allScopes = [
  'profile:read',
  'profile:write',
  'workouts:read',
  'workouts:write',
  'body:read',
  'body:write',
  'nutrition:read',
  'nutrition:write',
  'social:read',
  'social:write',
] as const satisfies readonly Scope[];

// Fails to compile when the spec gains a scope that the list above lacks.
type MissingScope = Exclude<Scope, (typeof allScopes)[number]>;
export const noScopeMissing: MissingScope extends never ? true : never = true;

export function createToken(input: NewTokenInput): Promise<NewToken> {
  return api.post<NewToken>('/me/tokens', { body: input });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
