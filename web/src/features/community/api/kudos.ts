import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { feedQueryKey } from './get-feed';

export type KudosState = Schema<'KudosState'>;

/** PUT /api/v1/feed-items/{id}/kudos: give kudos (again changes nothing). */
export function giveKudos(itemId: string): Promise<KudosState> {
  return api.put<KudosState>(`/feed-items/${encodeURIComponent(itemId)}/kudos`);
}

/** DELETE /api/v1/feed-items/{id}/kudos: take yours back. */
export function takeKudos(itemId: string): Promise<void> {
  return api.delete<void>(`/feed-items/${encodeURIComponent(itemId)}/kudos`);
}

export function useToggleKudos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, give }: { itemId: string; give: boolean }) =>
      give ? giveKudos(itemId).then(() => undefined) : takeKudos(itemId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedQueryKey }),
  });
}
