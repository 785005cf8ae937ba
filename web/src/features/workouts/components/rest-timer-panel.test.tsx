import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { restAlertPrefsStore, type RestAlertEnv } from '../lib/rest-alerts';
import type { RestTimer } from '../lib/rest-timer';
import { RestTimerPanel } from './rest-timer-panel';

const start = Date.parse('2025-05-01T10:00:00Z');

function fakeEnv(hidden: boolean) {
  const vibrate = vi.fn(() => true);
  const shown: string[] = [];
  const env: RestAlertEnv = {
    vibrate,
    notifications: {
      permission: () => 'granted',
      request: () => Promise.resolve('granted'),
      show: (title) => {
        shown.push(title);
        return Promise.resolve();
      },
    },
    hidden: () => hidden,
  };
  return { env, vibrate, shown };
}

describe('RestTimerPanel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('shows the time left from the end time, however long the page slept between two renders', () => {
    const rest: RestTimer = { status: 'running', endsAt: start + 90_000, totalS: 90 };
    const { env } = fakeEnv(false);
    const view = renderWithApp(<RestTimerPanel rest={rest} now={start} onAdd={() => {}} onSkip={() => {}} alertEnv={env} />);
    expect(screen.getByRole('timer')).toHaveTextContent('1:30');
    // A background tab gets no ticks for a minute; the next render reads the clock once.
    view.rerender(<RestTimerPanel rest={rest} now={start + 61_200} onAdd={() => {}} onSkip={() => {}} alertEnv={env} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:29');
  });

  it('gives the chosen signals once at the end time, without any tick, and notifies in the background', async () => {
    restAlertPrefsStore.set({ sound: false, vibrate: true, notify: true });
    const rest: RestTimer = { status: 'running', endsAt: start + 60_000, totalS: 60 };
    const { env, vibrate, shown } = fakeEnv(true);
    renderWithApp(<RestTimerPanel rest={rest} now={start} onAdd={() => {}} onSkip={() => {}} alertEnv={env} />);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(59_000);
    });
    expect(vibrate).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(shown).toEqual(['Rest over: next set!']);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it('stays quiet about a rest that ended long before the page opened', async () => {
    const rest: RestTimer = { status: 'running', endsAt: start - 600_000, totalS: 90 };
    const { env, vibrate } = fakeEnv(true);
    renderWithApp(<RestTimerPanel rest={rest} now={start} onAdd={() => {}} onSkip={() => {}} alertEnv={env} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('keeps the choice of signals on this device', async () => {
    const rest: RestTimer = { status: 'running', endsAt: start + 60_000, totalS: 60 };
    const { env } = fakeEnv(false);
    renderWithApp(<RestTimerPanel rest={rest} now={start} onAdd={() => {}} onSkip={() => {}} alertEnv={env} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rest timer signals' }));
    const vibrateBox = screen.getByRole('checkbox', { name: 'Vibrate' });
    expect(vibrateBox).toBeChecked();
    await act(async () => {
      fireEvent.click(vibrateBox);
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(restAlertPrefsStore.get()).toEqual({ sound: false, vibrate: false, notify: false });
    expect(JSON.parse(localStorage.getItem('vigor.restAlerts') ?? 'null')).toEqual({ sound: false, vibrate: false, notify: false });
  });
});
