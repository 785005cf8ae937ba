import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';

/**
 * A step-up request (password, sometimes a code) answered 401/403: most likely a wrong
 * password — but the session may also have ended, so `me` is checked again, and the page
 * sends the user to sign in if it has.
 */
export function useStepUpRejected() {
  const queryClient = useQueryClient();
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const csrf = /csrf/i.test(error.detail ?? '');
    if (error.status === 401 || (error.status === 403 && !csrf)) {
      void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
      return true;
    }
    return false;
  };
}
