import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';
import { myDecisionsQueryKey } from './list-my-decisions';

/** POST /api/v1/me/moderation-decisions/{id}/appeal: once per decision. */
export type Appeal = ResponseBody<'/me/moderation-decisions/{id}/appeal', 'post', 201>;

export function appealDecision(decisionId: string, text: string): Promise<Appeal> {
  return api.post<Appeal>(`/me/moderation-decisions/${encodeURIComponent(decisionId)}/appeal`, { body: { text } });
}

export function useAppealDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, text }: { decisionId: string; text: string }) => appealDecision(decisionId, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDecisionsQueryKey }),
  });
}
