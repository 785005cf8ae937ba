import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';

/** POST /api/v1/oauth/device-requests/{user_code}/decision: 204; the device learns it when it polls. */
export function decideDeviceRequest({ userCode, approve }: { userCode: string; approve: boolean }): Promise<void> {
  return api.post<void>(`/oauth/device-requests/${encodeURIComponent(userCode)}/decision`, { body: { approve } });
}

export function useDecideDeviceRequest() {
  return useMutation({ mutationFn: decideDeviceRequest });
}
