import type { AudioContextLike, NotifyPermission, RestAlertEnv } from './rest-alerts';

let audioContext: AudioContextLike | undefined;

function audioContextClass(): (new () => AudioContextLike) | undefined {
  const scope = globalThis as unknown as {
    AudioContext?: new () => AudioContextLike;
    webkitAudioContext?: new () => AudioContextLike;
  };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The real browser behind RestAlertEnv: one AudioContext per page, made on first use. */
export function browserRestAlertEnv(): RestAlertEnv {
  const AudioContextClass = audioContextClass();
  const canVibrate = typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function';
  return {
    audio: AudioContextClass
      ? () => {
          audioContext ??= new AudioContextClass();
          return audioContext;
        }
      : undefined,
    vibrate: canVibrate ? (pattern) => navigator.vibrate(pattern) : undefined,
    notifications:
      typeof Notification === 'undefined'
        ? undefined
        : {
            permission: notificationPermission,
            request: async () => (await Notification.requestPermission()) as NotifyPermission,
            show: async (title, options) => {
              const registration =
                'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration().catch(() => undefined) : undefined;
              if (registration) await registration.showNotification(title, { ...options, icon: '/pwa-192.png' });
              else new Notification(title, options);
            },
          },
    hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  };
}

/**
 * Browsers let a page play sound only after a tap: while sound is on, the first tap anywhere
 * wakes the audio context, so the beep at the end of a rest can play.
 */
export function unlockAudioOnNextTap(env: RestAlertEnv): () => void {
  const unlock = () => {
    try {
      const context = env.audio?.();
      if (context?.state === 'suspended') void context.resume().catch(() => {});
    } catch {
      // Ignored: no sound then.
    }
  };
  document.addEventListener('pointerdown', unlock, { once: true, capture: true });
  return () => document.removeEventListener('pointerdown', unlock, { capture: true });
}
