import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newBlock, newWorkout } from './active-workout';
import { activeWorkoutKey, activeWorkoutStore, parseActiveWorkout, useActiveWorkout } from './active-workout-store';
import { bench } from './test-helpers';

afterEach(() => localStorage.clear());

describe('the workout in progress in localStorage', () => {
  it('writes every change at once, and reads it back after a reload', () => {
    const { result, unmount } = renderHook(() => useActiveWorkout('u1'));
    expect(result.current.workout).toBeNull();

    const workout = newWorkout({ title: 'Legs', now: Date.parse('2025-05-01T10:00:00Z') });
    const block = newBlock(bench, [{ weight_kg: 60, reps: 8 }], 'metric');
    act(() => result.current.start(workout));
    act(() => result.current.dispatch({ type: 'addBlock', block }));
    act(() =>
      result.current.dispatch({ type: 'toggleDone', blockKey: block.key, setKey: block.sets[0]!.key, now: Date.now() }),
    );
    unmount();

    // What a reload finds: the raw storage, parsed again by a fresh hook.
    const stored = JSON.parse(localStorage.getItem(activeWorkoutKey('u1')) ?? 'null');
    expect(stored.blocks[0].sets[0]).toMatchObject({ done: true, weight_kg: 60, reps: 8 });
    const again = renderHook(() => useActiveWorkout('u1'));
    expect(again.result.current.workout?.id).toBe(workout.id);
    expect(again.result.current.workout?.blocks[0]?.sets[0]?.done).toBe(true);
    expect(again.result.current.workout?.rest.status).toBe('running');
  });

  it('keeps each user’s workout apart', () => {
    activeWorkoutStore('u1').set(newWorkout({ title: 'Mine', now: 0 }));
    expect(renderHook(() => useActiveWorkout('u2')).result.current.workout).toBeNull();
  });

  it('forgets it on clear', () => {
    const { result } = renderHook(() => useActiveWorkout('u1'));
    act(() => result.current.start(newWorkout({ title: 'x', now: 0 })));
    act(() => result.current.clear());
    expect(result.current.workout).toBeNull();
    expect(localStorage.getItem(activeWorkoutKey('u1'))).toBeNull();
  });

  it('reads junk or another version as no workout instead of failing', () => {
    localStorage.setItem(activeWorkoutKey('u3'), '{not json');
    expect(renderHook(() => useActiveWorkout('u3')).result.current.workout).toBeNull();
    expect(parseActiveWorkout({ version: 2, id: 'x' })).toBeUndefined();
    expect(parseActiveWorkout(null)).toBeUndefined();
  });

  it('follows a change made in another tab', () => {
    const { result } = renderHook(() => useActiveWorkout('u4'));
    act(() => {
      localStorage.setItem(activeWorkoutKey('u4'), JSON.stringify(newWorkout({ title: 'Other tab', now: 0 })));
      window.dispatchEvent(new StorageEvent('storage', { key: activeWorkoutKey('u4') }));
    });
    expect(result.current.workout?.title).toBe('Other tab');
  });
});
