import type { TFunction } from 'i18next';
import { isOnline, OFFLINE_PROBLEM_TYPE } from '@/lib/network/online';
import { ApiError } from './api-error';

/** The problem type the server uses for a missing or wrong CSRF token (with a 403). */
const FORBIDDEN_TYPE = 'urn:vigor:problem:forbidden';

/**
 * One sentence for a failed request that says what happened and what to try, in the UI
 * language where Vigor knows the case (no answer, rate limit, CSRF, server fault), and
 * the server's own detail otherwise.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  // Offline, no answer is not a fault of the server: the page needs a connection, and loads when one is back.
  if (error.isNetworkError && (error.type === OFFLINE_PROBLEM_TYPE || !isOnline())) return t('errors.offlinePage');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('errors.tooManyAttempts', { count: minutes });
  }
  if (
    error.status === 403 &&
    error.type === FORBIDDEN_TYPE &&
    (error.code === 'csrf_token_invalid' || /csrf/i.test(error.detail ?? ''))
  ) {
    return t('errors.csrf');
  }
  if (error.status === 412) return t('errors.changedElsewhere');
  if (error.status >= 500) return t('errors.server', { status: error.status });
  return error.detail ?? error.title;
}
