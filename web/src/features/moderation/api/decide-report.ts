import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { moderationQueryKey } from './list-reports';

/** POST /api/v1/admin/moderation/reports/{id}/decision. */
export type DecisionInput = RequestBody<'/admin/moderation/reports/{id}/decision', 'post'>;
export type DecisionAction = DecisionInput['action'];
export type Decision = ResponseBody<'/admin/moderation/reports/{id}/decision', 'post', 201>;

export const decisionActions = ['dismiss', 'hide', 'warn', 'suspend'] as const satisfies readonly DecisionAction[];

export function decideReport(reportId: string, input: DecisionInput): Promise<Decision> {
  return api.post<Decision>(`/admin/moderation/reports/${encodeURIComponent(reportId)}/decision`, { body: input });
}

export function useDecideReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, input }: { reportId: string; input: DecisionInput }) => decideReport(reportId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}
