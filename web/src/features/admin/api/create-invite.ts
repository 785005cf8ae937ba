import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** POST /api/v1/admin/invites: a single-use invite code, shown once. */
export type Invite = ResponseBody<'/admin/invites', 'post', 201>;

export function createInvite(): Promise<Invite> {
  return api.post<Invite>('/admin/invites');
}

export function useCreateInvite() {
  return useMutation({ mutationFn: createInvite });
}
