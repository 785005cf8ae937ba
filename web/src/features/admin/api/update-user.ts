import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { adminUsersQueryKey } from './list-users';

/** PATCH /api/v1/admin/users/{id}: role, or disable / enable / approve (status). */
export type AdminUserUpdate = RequestBody<'/admin/users/{id}', 'patch'>;
export type UpdatedUser = ResponseBody<'/admin/users/{id}', 'patch'>;

export function updateUser({ id, change }: { id: string; change: AdminUserUpdate }): Promise<UpdatedUser> {
  return api.patch<UpdatedUser>(`/admin/users/${encodeURIComponent(id)}`, { body: change });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersQueryKey }),
  });
}
