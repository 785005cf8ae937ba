import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { moderationQueryKey } from './list-reports';

/** POST /api/v1/admin/moderation/appeals/{id}/decision. */
export type AppealOutcomeInput = RequestBody<'/admin/moderation/appeals/{id}/decision', 'post'>;
export type DecidedAppeal = ResponseBody<'/admin/moderation/appeals/{id}/decision', 'post'>;

export function decideAppeal(appealId: string, input: AppealOutcomeInput): Promise<DecidedAppeal> {
  return api.post<DecidedAppeal>(`/admin/moderation/appeals/${encodeURIComponent(appealId)}/decision`, { body: input });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, input }: { appealId: string; input: AppealOutcomeInput }) => decideAppeal(appealId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}
