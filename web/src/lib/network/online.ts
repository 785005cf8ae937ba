import { useSyncExternalStore } from 'react';
import { ApiError, NETWORK_ERROR_STATUS } from '@/lib/api/api-error';

/**
 * Whether the browser believes it has a network. `false` is reliable (no network at all, or
 * airplane mode): requests are not even tried then. `true` only means "maybe": a request can
 * still fail or hang, so callers keep their own timeouts.
 */
export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** isOnline() for React: re-renders when the browser goes offline or comes back. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/** The problem type of a request not even tried because the browser is offline. */
export const OFFLINE_PROBLEM_TYPE = 'urn:vigor:client:offline';

/** What a query that needs the server fails with while offline (a network error: no answer). */
export function offlineError(): ApiError {
  return new ApiError({ status: NETWORK_ERROR_STATUS, type: OFFLINE_PROBLEM_TYPE, title: 'Offline', detail: 'The browser is offline.' });
}
