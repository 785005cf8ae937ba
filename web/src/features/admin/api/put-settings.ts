import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';
import { adminSettingsQueryKey } from './get-settings';

/** PUT /api/v1/admin/settings. */
export type InstanceSettingsInput = RequestBody<'/admin/settings', 'put'>;
export type SavedSettings = ResponseBody<'/admin/settings', 'put'>;

export function putSettings(input: InstanceSettingsInput): Promise<SavedSettings> {
  return api.put<SavedSettings>('/admin/settings', { body: input });
}

export function usePutSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(adminSettingsQueryKey, saved);
      // GET /meta reports the registration mode to the sign-up page.
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
    },
  });
}
