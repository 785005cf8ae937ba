import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody } from '@/lib/api/types';
import { exercisesQueryKey } from '@/lib/exercises/get-exercise';
import { meQueryKey, type Me } from './get-me';

/** The body of PATCH /api/v1/me: the preferences to change; the others keep their value. */
export type MeUpdate = RequestBody<'/me', 'patch'>;

/** PATCH /api/v1/me: changes the signed-in user's preferences and returns the user. */
export function updateMe(update: MeUpdate): Promise<Me> {
  return api.patch<Me>('/me', { body: update });
}

/**
 * Saves preferences; the answer replaces the cached user and GET /me is asked again. A new
 * language also refreshes the exercises, which the server names in the profile's language.
 */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me, update) => {
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
      if (update.preferences?.locale !== undefined) {
        void queryClient.invalidateQueries({ queryKey: exercisesQueryKey });
      }
    },
  });
}
