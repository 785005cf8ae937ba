import { createLocalStore } from '@/lib/storage/local-store';

/**
 * How the end of a rest reaches the user, their choice, kept on this device: a beep (Web
 * Audio, no sound file), a vibration, and a system notification while the app is in the
 * background. The browser's pieces come in through `RestAlertEnv`, so the choices are tested
 * with fakes.
 */
export interface RestAlertPrefs {
  sound: boolean;
  vibrate: boolean;
  notify: boolean;
}

/** Vibration was the only signal before the choice existed, so it stays on by default. */
export const defaultRestAlertPrefs: RestAlertPrefs = { sound: false, vibrate: true, notify: false };

export function parseRestAlertPrefs(raw: unknown): RestAlertPrefs | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Record<string, unknown>;
  const flag = (name: keyof RestAlertPrefs) =>
    typeof value[name] === 'boolean' ? (value[name] as boolean) : defaultRestAlertPrefs[name];
  return { sound: flag('sound'), vibrate: flag('vibrate'), notify: flag('notify') };
}

export const restAlertPrefsStore = createLocalStore<RestAlertPrefs>('vigor.restAlerts', parseRestAlertPrefs, defaultRestAlertPrefs);

/** The little of AudioContext a beep needs. */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { value: number };
    connect(node: unknown): unknown;
    start(when?: number): void;
    stop(when?: number): void;
  };
  createGain(): {
    gain: { setValueAtTime(value: number, time: number): unknown; exponentialRampToValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
  };
}

export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported';

/** What the browser offers; each piece is missing where the browser has none. */
export interface RestAlertEnv {
  /** The page's audio context, made on first use (after a tap, so the browser lets it play). */
  audio?: (() => AudioContextLike | undefined) | undefined;
  vibrate?: ((pattern: number[]) => boolean) | undefined;
  notifications?:
    | {
        permission(): NotifyPermission;
        request(): Promise<NotifyPermission>;
        /** Through the service worker where there is one (Android shows only those), else `new Notification`. */
        show(title: string, options: { body: string; tag: string }): Promise<void>;
      }
    | undefined;
  /** True while the page is not visible (another tab, the app in the background, the screen off). */
  hidden(): boolean;
}

export const VIBRATION_PATTERN = [200, 100, 200];
/** Two short beeps at 880 Hz: audible over gym music, not alarming. */
export const BEEP_HZ = 880;
export const BEEP_S = 0.15;
export const BEEP_GAP_S = 0.1;

export interface RestAlertPlan {
  sound: boolean;
  vibrate: boolean;
  notify: boolean;
}

/**
 * Which signals to give when a rest is over. A notification only while the page is hidden
 * (in front, the timer panel already says it) and only with permission; sound and vibration
 * only where the browser can.
 */
export function planRestAlert(prefs: RestAlertPrefs, env: RestAlertEnv): RestAlertPlan {
  return {
    sound: prefs.sound && env.audio !== undefined,
    vibrate: prefs.vibrate && env.vibrate !== undefined,
    notify: prefs.notify && env.notifications !== undefined && env.notifications.permission() === 'granted' && env.hidden(),
  };
}

/** Plays two short beeps now. */
export function beep(context: AudioContextLike): void {
  if (context.state === 'suspended') void context.resume().catch(() => {});
  for (let i = 0; i < 2; i++) {
    const start = context.currentTime + i * (BEEP_S + BEEP_GAP_S);
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = BEEP_HZ;
    // A quick fade in and out: no click at either end.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + BEEP_S);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + BEEP_S + 0.02);
  }
}

/** Gives the chosen signals; what fails (a blocked sound) does not stop the others. */
export async function alertRestOver(
  prefs: RestAlertPrefs,
  env: RestAlertEnv,
  text: { title: string; body: string },
): Promise<RestAlertPlan> {
  const plan = planRestAlert(prefs, env);
  if (plan.sound) {
    try {
      const context = env.audio?.();
      if (context) beep(context);
    } catch {
      // No sound is better than a broken timer.
    }
  }
  if (plan.vibrate) env.vibrate?.(VIBRATION_PATTERN);
  if (plan.notify) {
    try {
      await env.notifications?.show(text.title, { body: text.body, tag: 'vigor-rest' });
    } catch {
      // A notification refused at the last moment: the panel still shows the rest is over.
    }
  }
  return plan;
}

/**
 * The user turns one signal on or off. Turning notifications on asks for permission (only
 * then, from the tap); refused or unsupported leaves them off, and says why.
 */
export async function changeRestAlert(
  prefs: RestAlertPrefs,
  which: keyof RestAlertPrefs,
  on: boolean,
  env: RestAlertEnv,
): Promise<{ prefs: RestAlertPrefs; problem?: 'denied' | 'unsupported' }> {
  if (!on) return { prefs: { ...prefs, [which]: false } };
  if (which === 'notify') {
    const notifications = env.notifications;
    if (!notifications) return { prefs: { ...prefs, notify: false }, problem: 'unsupported' };
    let permission = notifications.permission();
    if (permission === 'default') permission = await notifications.request();
    if (permission !== 'granted') {
      return { prefs: { ...prefs, notify: false }, problem: permission === 'unsupported' ? 'unsupported' : 'denied' };
    }
  }
  if (which === 'sound') {
    // The tap that turns sound on also unlocks audio for later (autoplay rules).
    try {
      const context = env.audio?.();
      if (context?.state === 'suspended') void context.resume().catch(() => {});
    } catch {
      // Ignored: the beep tries again at the end of the rest.
    }
  }
  return { prefs: { ...prefs, [which]: true } };
}
