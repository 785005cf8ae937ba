import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleRest, restReducer, restRemainingS, type RestTimer } from './rest-timer';

describe('restReducer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-05-01T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down from the start on the wall clock, and finishes at the end', () => {
    let timer: RestTimer = restReducer(idleRest, { type: 'start', seconds: 90, now: Date.now() });
    expect(restRemainingS(timer, Date.now())).toBe(90);

    vi.advanceTimersByTime(30_000);
    timer = restReducer(timer, { type: 'tick', now: Date.now() });
    expect(timer.status).toBe('running');
    expect(restRemainingS(timer, Date.now())).toBe(60);

    vi.advanceTimersByTime(59_500);
    expect(restRemainingS(timer, Date.now())).toBe(1);

    vi.advanceTimersByTime(500);
    timer = restReducer(timer, { type: 'tick', now: Date.now() });
    expect(timer).toEqual({ status: 'finished', endedAt: Date.parse('2025-05-01T10:01:30Z') });
    expect(restRemainingS(timer, Date.now())).toBe(0);
  });

  it('adds 15 s to a running rest', () => {
    const start = Date.now();
    let timer = restReducer(idleRest, { type: 'start', seconds: 60, now: start });
    vi.advanceTimersByTime(50_000);
    timer = restReducer(timer, { type: 'add', seconds: 15, now: Date.now() });
    expect(restRemainingS(timer, Date.now())).toBe(25);
    expect(timer).toMatchObject({ status: 'running', totalS: 75 });
  });

  it('starts a short rest when +15 s comes after the rest ended', () => {
    let timer = restReducer(idleRest, { type: 'start', seconds: 10, now: Date.now() });
    vi.advanceTimersByTime(11_000);
    timer = restReducer(timer, { type: 'tick', now: Date.now() });
    timer = restReducer(timer, { type: 'add', seconds: 15, now: Date.now() });
    expect(restRemainingS(timer, Date.now())).toBe(15);
  });

  it('skips to idle, and a tick while idle changes nothing', () => {
    const timer = restReducer(idleRest, { type: 'start', seconds: 90, now: Date.now() });
    expect(restReducer(timer, { type: 'skip' })).toEqual(idleRest);
    expect(restReducer(idleRest, { type: 'tick', now: Date.now() })).toBe(idleRest);
  });

  it('restarts the countdown when the next set starts another rest', () => {
    let timer = restReducer(idleRest, { type: 'start', seconds: 90, now: Date.now() });
    vi.advanceTimersByTime(80_000);
    timer = restReducer(timer, { type: 'start', seconds: 120, now: Date.now() });
    expect(restRemainingS(timer, Date.now())).toBe(120);
  });

  it('never shows more than the rest’s length, even for a clock read just before the start', () => {
    const timer = restReducer(idleRest, { type: 'start', seconds: 90, now: Date.now() });
    expect(restRemainingS(timer, Date.now() - 800)).toBe(90);
  });

  it('does not start a rest of 0 s', () => {
    expect(restReducer(idleRest, { type: 'start', seconds: 0, now: Date.now() })).toEqual(idleRest);
  });

  it('keeps a tick before the end the same object (no needless re-render or write)', () => {
    const timer = restReducer(idleRest, { type: 'start', seconds: 90, now: Date.now() });
    vi.advanceTimersByTime(1_000);
    expect(restReducer(timer, { type: 'tick', now: Date.now() })).toBe(timer);
  });

  it('resizes a running rest: the new length minus the time already rested', () => {
    const start = Date.now();
    let timer = restReducer(idleRest, { type: 'start', seconds: 90, now: start });
    timer = restReducer(timer, { type: 'resize', seconds: 120, now: start + 30_000 });
    expect(timer).toMatchObject({ status: 'running', endsAt: start + 120_000, totalS: 120 });
    expect(restRemainingS(timer, start + 30_000)).toBe(90);
    timer = restReducer(timer, { type: 'resize', seconds: 45, now: start + 30_000 });
    expect(restRemainingS(timer, start + 30_000)).toBe(15);
  });

  it('counts from the start after +15 s too, and the new length replaces the extra', () => {
    const start = Date.now();
    let timer = restReducer(idleRest, { type: 'start', seconds: 60, now: start });
    timer = restReducer(timer, { type: 'add', seconds: 15, now: start + 5_000 });
    timer = restReducer(timer, { type: 'resize', seconds: 90, now: start + 10_000 });
    expect(timer).toMatchObject({ status: 'running', endsAt: start + 90_000, totalS: 90 });
  });

  it('ends a rest whose new length has already passed, never going below zero', () => {
    const start = Date.now();
    const timer = restReducer(idleRest, { type: 'start', seconds: 90, now: start });
    const shorter = restReducer(timer, { type: 'resize', seconds: 30, now: start + 40_000 });
    expect(shorter).toEqual({ status: 'finished', endedAt: start + 40_000 });
    expect(restRemainingS(shorter, start + 40_000)).toBe(0);
    expect(restReducer(timer, { type: 'resize', seconds: 0, now: start + 1_000 }).status).toBe('finished');
  });

  it('leaves a rest that is not running alone', () => {
    expect(restReducer(idleRest, { type: 'resize', seconds: 60, now: Date.now() })).toBe(idleRest);
  });
});
