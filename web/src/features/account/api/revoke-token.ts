import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { tokensQueryKey } from './list-tokens';

/** DELETE /api/v1/me/tokens/{id}: the token stops working at once. */
export function revokeToken(id: string): Promise<void> {
  return api.delete<void>(`/me/tokens/${encodeURIComponent(id)}`);
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
