import { describe, expect, it, vi } from 'vitest';
import {
  alertRestOver,
  BEEP_HZ,
  changeRestAlert,
  defaultRestAlertPrefs,
  parseRestAlertPrefs,
  planRestAlert,
  VIBRATION_PATTERN,
  type AudioContextLike,
  type NotifyPermission,
  type RestAlertEnv,
  type RestAlertPrefs,
} from './rest-alerts';

/** A fake AudioContext that records the tones it was asked to play. */
function fakeAudio(state = 'running') {
  const tones: { hz: number; start: number; stop: number }[] = [];
  const resume = vi.fn(() => Promise.resolve());
  const context: AudioContextLike = {
    currentTime: 10,
    state,
    destination: {},
    resume,
    createOscillator() {
      const tone = { hz: 0, start: -1, stop: -1 };
      return {
        type: 'sine',
        frequency: {
          set value(hz: number) {
            tone.hz = hz;
          },
          get value() {
            return tone.hz;
          },
        },
        connect: () => undefined,
        start(when = 0) {
          tone.start = when;
          tones.push(tone);
        },
        stop(when = 0) {
          tone.stop = when;
        },
      };
    },
    createGain: () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined }),
  };
  return { context, tones, resume };
}

function fakeNotifications(initial: NotifyPermission, answer: NotifyPermission = initial) {
  let permission = initial;
  const shown: { title: string; body: string }[] = [];
  const request = vi.fn(() => {
    permission = answer;
    return Promise.resolve(answer);
  });
  return {
    api: {
      permission: () => permission,
      request,
      show: (title: string, options: { body: string }) => {
        shown.push({ title, body: options.body });
        return Promise.resolve();
      },
    },
    shown,
    request,
  };
}

function env(parts: Partial<RestAlertEnv> & { isHidden?: boolean } = {}): RestAlertEnv {
  const { isHidden = false, ...rest } = parts;
  return { hidden: () => isHidden, ...rest };
}

const all: RestAlertPrefs = { sound: true, vibrate: true, notify: true };
const text = { title: 'Rest over', body: 'Next set' };

describe('planRestAlert', () => {
  it('gives only the signals the user chose', () => {
    const audio = fakeAudio();
    const notifications = fakeNotifications('granted');
    const browser = env({ audio: () => audio.context, vibrate: () => true, notifications: notifications.api, isHidden: true });
    expect(planRestAlert({ sound: true, vibrate: false, notify: false }, browser)).toEqual({ sound: true, vibrate: false, notify: false });
    expect(planRestAlert({ sound: false, vibrate: true, notify: false }, browser)).toEqual({ sound: false, vibrate: true, notify: false });
    expect(planRestAlert({ sound: false, vibrate: false, notify: true }, browser)).toEqual({ sound: false, vibrate: false, notify: true });
  });

  it('skips what the browser cannot do', () => {
    expect(planRestAlert(all, env({ isHidden: true }))).toEqual({ sound: false, vibrate: false, notify: false });
  });

  it('notifies only while the page is hidden, and only with permission', () => {
    const granted = fakeNotifications('granted');
    expect(planRestAlert(all, env({ notifications: granted.api, isHidden: false })).notify).toBe(false);
    expect(planRestAlert(all, env({ notifications: granted.api, isHidden: true })).notify).toBe(true);
    const denied = fakeNotifications('denied');
    expect(planRestAlert(all, env({ notifications: denied.api, isHidden: true })).notify).toBe(false);
  });
});

describe('alertRestOver', () => {
  it('beeps twice, vibrates and notifies when all are chosen and the app is in the background', async () => {
    const audio = fakeAudio();
    const vibrate = vi.fn(() => true);
    const notifications = fakeNotifications('granted');
    await alertRestOver(all, env({ audio: () => audio.context, vibrate, notifications: notifications.api, isHidden: true }), text);

    expect(audio.tones.map((tone) => tone.hz)).toEqual([BEEP_HZ, BEEP_HZ]);
    // The second beep starts after the first one ends: 0.15 s tone + 0.1 s gap after t = 10 s.
    expect(audio.tones[0]?.start).toBe(10);
    expect(audio.tones[1]?.start).toBeCloseTo(10.25);
    expect(vibrate).toHaveBeenCalledWith([200, 100, 200]);
    expect(VIBRATION_PATTERN).toEqual([200, 100, 200]);
    expect(notifications.shown).toEqual([{ title: 'Rest over', body: 'Next set' }]);
  });

  it('does nothing the user turned off', async () => {
    const audio = fakeAudio();
    const vibrate = vi.fn(() => true);
    const notifications = fakeNotifications('granted');
    await alertRestOver(
      { sound: false, vibrate: false, notify: false },
      env({ audio: () => audio.context, vibrate, notifications: notifications.api, isHidden: true }),
      text,
    );
    expect(audio.tones).toEqual([]);
    expect(vibrate).not.toHaveBeenCalled();
    expect(notifications.shown).toEqual([]);
  });

  it('wakes a suspended audio context before beeping', async () => {
    const audio = fakeAudio('suspended');
    await alertRestOver({ sound: true, vibrate: false, notify: false }, env({ audio: () => audio.context }), text);
    expect(audio.resume).toHaveBeenCalled();
    expect(audio.tones).toHaveLength(2);
  });

  it('still vibrates when the sound fails', async () => {
    const vibrate = vi.fn(() => true);
    const broken = () => {
      throw new Error('no audio device');
    };
    await alertRestOver({ sound: true, vibrate: true, notify: false }, env({ audio: broken, vibrate }), text);
    expect(vibrate).toHaveBeenCalledTimes(1);
  });
});

describe('changeRestAlert', () => {
  it('asks for notification permission only when the user turns notifications on', async () => {
    const notifications = fakeNotifications('default', 'granted');
    const browser = env({ notifications: notifications.api });
    const off = await changeRestAlert(all, 'sound', false, browser);
    expect(notifications.request).not.toHaveBeenCalled();
    expect(off.prefs).toEqual({ sound: false, vibrate: true, notify: true });

    const on = await changeRestAlert(defaultRestAlertPrefs, 'notify', true, browser);
    expect(notifications.request).toHaveBeenCalledTimes(1);
    expect(on).toEqual({ prefs: { sound: false, vibrate: true, notify: true } });
  });

  it('does not ask again once permission was given', async () => {
    const notifications = fakeNotifications('granted');
    const on = await changeRestAlert(defaultRestAlertPrefs, 'notify', true, env({ notifications: notifications.api }));
    expect(notifications.request).not.toHaveBeenCalled();
    expect(on.prefs.notify).toBe(true);
  });

  it('leaves notifications off, and says why, when permission is refused or there are none', async () => {
    const refused = await changeRestAlert(defaultRestAlertPrefs, 'notify', true, env({ notifications: fakeNotifications('default', 'denied').api }));
    expect(refused).toEqual({ prefs: defaultRestAlertPrefs, problem: 'denied' });
    const blocked = fakeNotifications('denied');
    const again = await changeRestAlert(defaultRestAlertPrefs, 'notify', true, env({ notifications: blocked.api }));
    expect(blocked.request).not.toHaveBeenCalled();
    expect(again.problem).toBe('denied');
    expect(await changeRestAlert(defaultRestAlertPrefs, 'notify', true, env())).toEqual({ prefs: defaultRestAlertPrefs, problem: 'unsupported' });
  });

  it('unlocks audio from the tap that turns sound on', async () => {
    const audio = fakeAudio('suspended');
    const on = await changeRestAlert(defaultRestAlertPrefs, 'sound', true, env({ audio: () => audio.context }));
    expect(audio.resume).toHaveBeenCalled();
    expect(on.prefs.sound).toBe(true);
  });
});

describe('parseRestAlertPrefs', () => {
  it('reads stored choices and fills what is missing with the defaults', () => {
    expect(parseRestAlertPrefs({ sound: true, vibrate: false, notify: true })).toEqual({ sound: true, vibrate: false, notify: true });
    expect(parseRestAlertPrefs({ sound: true })).toEqual({ sound: true, vibrate: true, notify: false });
    expect(parseRestAlertPrefs({ sound: 'yes' })).toEqual({ sound: false, vibrate: true, notify: false });
    expect(parseRestAlertPrefs(null)).toBeUndefined();
    expect(parseRestAlertPrefs('on')).toBeUndefined();
  });
});
