import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { adminUsersQueryKey } from './list-users';

/** DELETE /api/v1/admin/users/{id}: the user and their data are gone. */
export function deleteUser(id: string): Promise<void> {
  return api.delete<void>(`/admin/users/${encodeURIComponent(id)}`);
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersQueryKey }),
  });
}
