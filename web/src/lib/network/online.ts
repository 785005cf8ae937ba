import { useSyncExternalStore } from 'react';

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
