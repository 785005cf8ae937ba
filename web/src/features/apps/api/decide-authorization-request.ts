import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { AuthorizationDecision } from './oauth-shapes';

/** POST /api/v1/oauth/authorization-requests/{id}/decision: where to send the browser next. */

export function decideAuthorizationRequest({ id, approve }: { id: string; approve: boolean }) {
  return api.post<AuthorizationDecision>(`/oauth/authorization-requests/${encodeURIComponent(id)}/decision`, {
    body: { approve },
  });
}

export function useDecideAuthorizationRequest() {
  return useMutation({ mutationFn: decideAuthorizationRequest });
}
