import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, testUser } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { newBlock, newWorkout } from '../lib/active-workout';
import { activeWorkoutKey, activeWorkoutStore } from '../lib/active-workout-store';
import type { ActiveWorkout } from '../lib/model';
import { testPaths } from '../testing';
import { ActiveWorkoutPage } from './active-workout-page';

const bench = { id: 'barbell-bench-press', name: 'Barbell Bench Press', log_type: 'weight_reps' as const, equipment: ['barbell'] };
const pullUp = { id: 'pull-up', name: 'Pull-Up', log_type: 'reps' as const, equipment: ['pullup_bar'] };
const row = { id: 'barbell-row', name: 'Barbell Row', log_type: 'weight_reps' as const, equipment: ['barbell'] };

/** Bench (2 sets, 60 kg x 8 last time), Pull-Up, Barbell Row: no supersets, default rests. */
function stored(): ActiveWorkout {
  const workout = newWorkout({ title: 'Upper', now: Date.now() - 60_000 });
  const w = {
    ...workout,
    blocks: [
      newBlock(bench, [{ weight_kg: 60, reps: 8, done: true }, { weight_kg: 60, reps: 8, done: true }], 'metric'),
      newBlock(pullUp, [{ reps: 8, done: true }], 'metric'),
      newBlock(row, [{ weight_kg: 50, reps: 10, done: true }], 'metric'),
    ],
  };
  activeWorkoutStore('u1').set(w);
  return w;
}

function draft(): ActiveWorkout {
  return JSON.parse(localStorage.getItem(activeWorkoutKey('u1')) ?? 'null') as ActiveWorkout;
}

function render() {
  return renderRoutes([{ path: '/log/active', element: <ActiveWorkoutPage userId="u1" paths={testPaths} /> }], '/log/active');
}

/** The row (list item) of set `n` of an exercise. */
function setRow(n: number, exercise: string): HTMLElement {
  const list = screen.getByRole('list', { name: `Sets of ${exercise}` });
  const item = within(list).getAllByRole('listitem')[n - 1];
  if (!item) throw new Error(`no set ${n} of ${exercise}`);
  return item;
}

/** A pointer gesture on `el` from (x, y) through each step, as a finger or a mouse makes it. */
function drag(el: Element, from: [number, number], steps: Array<[number, number]>, pointerType = 'touch', target: Element = el) {
  const base = { pointerId: 7, isPrimary: true, pointerType, button: 0 };
  fireEvent.pointerDown(target, { ...base, clientX: from[0], clientY: from[1] });
  for (const [x, y] of steps) fireEvent.pointerMove(el, { ...base, clientX: x, clientY: y });
  const last = steps[steps.length - 1] ?? from;
  fireEvent.pointerUp(el, { ...base, clientX: last[0], clientY: last[1] });
}

const tick = (n: number, exercise: string) => screen.getByRole('button', { name: `Set ${n} of ${exercise} done` });

afterEach(() => localStorage.clear());

describe('swipe to tick a set', () => {
  it('ticks a set with a sideways swipe and starts the rest, as the tap does; swiping again unticks it', () => {
    fakeApi({});
    stored();
    render();

    const first = setRow(1, 'Barbell Bench Press');
    drag(first, [20, 100], [[40, 102], [90, 104], [130, 103]]);
    expect(tick(1, 'Barbell Bench Press')).toHaveAttribute('aria-pressed', 'true');
    expect(draft().blocks[0]?.sets[0]).toMatchObject({ done: true, weight_kg: 60, reps: 8 });
    expect(screen.getByRole('timer')).toHaveTextContent('1:30');
    // The row is back in place once the finger is up.
    expect(first).not.toHaveClass('set-row--swiping');
    expect(first.style.getPropertyValue('--swipe-x')).toBe('');

    // Back the other way: unticked.
    drag(first, [150, 100], [[120, 100], [60, 101]]);
    expect(tick(1, 'Barbell Bench Press')).toHaveAttribute('aria-pressed', 'false');
    expect(draft().blocks[0]?.sets[0]?.done).toBe(false);
  });

  it('works with a mouse, follows the pointer through a CSS variable and keeps tap and keyboard ticking', () => {
    fakeApi({});
    stored();
    render();

    const second = setRow(2, 'Barbell Bench Press');
    const base = { pointerId: 1, isPrimary: true, pointerType: 'mouse', button: 0 };
    fireEvent.pointerDown(second, { ...base, clientX: 10, clientY: 50 });
    fireEvent.pointerMove(second, { ...base, clientX: 40, clientY: 52 });
    expect(second).toHaveClass('set-row--swiping');
    expect(second.style.getPropertyValue('--swipe-x')).toBe('30px');
    expect(second).not.toHaveClass('set-row--swipe-armed');
    fireEvent.pointerMove(second, { ...base, clientX: 100, clientY: 52 });
    expect(second).toHaveClass('set-row--swipe-armed');
    fireEvent.pointerUp(second, { ...base, clientX: 100, clientY: 52 });
    expect(tick(2, 'Barbell Bench Press')).toHaveAttribute('aria-pressed', 'true');

    // The tick button is still a button: a tap (click) on set 1 ticks it too.
    fireEvent.click(tick(1, 'Pull-Up'));
    expect(tick(1, 'Pull-Up')).toHaveAttribute('aria-pressed', 'true');
  });

  it('leaves a vertical gesture (a scroll), a short one and one from an input alone', () => {
    fakeApi({});
    stored();
    render();
    const first = setRow(1, 'Barbell Bench Press');

    // Mostly down: the page scrolls, nothing is ticked, even when it drifts sideways later.
    drag(first, [20, 100], [[24, 120], [30, 160], [120, 200]]);
    // Too steep to be meant sideways (about 45 degrees).
    drag(first, [20, 100], [[40, 120], [100, 180]]);
    // Sideways, but not far enough: springs back.
    drag(first, [20, 100], [[40, 100], [70, 101]]);
    // Starts in the weight input (typing, moving the caret).
    const weight = screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Bench Press' });
    drag(first, [20, 100], [[60, 100], [160, 100]], 'touch', weight);

    expect(tick(1, 'Barbell Bench Press')).toHaveAttribute('aria-pressed', 'false');
    expect(draft().blocks[0]?.sets[0]?.done).toBe(false);
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('a mouse swipe that starts on the tick button counts once, not once more as a click', () => {
    fakeApi({});
    stored();
    render();
    const first = setRow(1, 'Barbell Bench Press');
    const button = tick(1, 'Barbell Bench Press');
    drag(first, [300, 100], [[260, 100], [200, 100]], 'mouse', button);
    // The mouse up ends in a click on the button, as the browser sends it.
    fireEvent.click(button);
    expect(tick(1, 'Barbell Bench Press')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('changing rest and supersets during the workout', () => {
  it('sets an exercise’s rest, which the timer then takes, and keeps it over a reload', () => {
    fakeApi({});
    stored();
    render();

    fireEvent.change(screen.getByRole('combobox', { name: 'Rest after each set of Barbell Bench Press' }), {
      target: { value: '150' },
    });
    expect(draft().blocks[0]?.rest_s).toBe(150);
    fireEvent.click(tick(1, 'Barbell Bench Press'));
    expect(screen.getByRole('timer')).toHaveTextContent('2:30');

    // A reload: the page reads the draft again.
    cleanup();
    render();
    expect(screen.getByRole('combobox', { name: 'Rest after each set of Barbell Bench Press' })).toHaveValue('150');
    expect(screen.getByRole('combobox', { name: 'Rest after each set of Pull-Up' })).toHaveValue('90');
  });

  it('groups an exercise with the next into a superset, rests after the round, and splits them again', () => {
    fakeApi({});
    stored();
    render();

    const link = screen.getByRole('button', { name: 'Superset with next Barbell Bench Press and Pull-Up' });
    expect(link).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(link);
    expect(screen.getByRole('button', { name: 'Superset with next Barbell Bench Press and Pull-Up' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(draft().blocks.map((b) => b.superset_group)).toEqual([1, 1, null]);
    expect(screen.getAllByText('Superset 1')).toHaveLength(2);

    // The round's rest is set for the whole superset.
    fireEvent.change(screen.getByRole('combobox', { name: 'Rest after each round of superset 1, Pull-Up' }), {
      target: { value: '60' },
    });
    expect(draft().blocks.map((b) => b.rest_s)).toEqual([60, 60, null]);

    // No rest inside the round; the rest after its last exercise.
    fireEvent.click(tick(1, 'Barbell Bench Press'));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    fireEvent.click(tick(1, 'Pull-Up'));
    expect(screen.getByRole('timer')).toHaveTextContent('1:00');

    // A reload keeps the superset; then it is split again.
    cleanup();
    render();
    expect(screen.getAllByText('Superset 1')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Superset with next Barbell Bench Press and Pull-Up' }));
    expect(draft().blocks.map((b) => b.superset_group)).toEqual([null, null, null]);
    expect(screen.queryByText('Superset 1')).not.toBeInTheDocument();
  });

  it('moves an exercise, and the order survives a reload', () => {
    fakeApi({});
    stored();
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Move Barbell Row up' }));
    expect(draft().blocks.map((b) => b.exercise.name)).toEqual(['Barbell Bench Press', 'Barbell Row', 'Pull-Up']);
    cleanup();
    render();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Barbell Bench Press',
      'Barbell Row',
      'Pull-Up',
    ]);
  });
});

describe('changing the rest while it counts down', () => {
  afterEach(() => vi.useRealTimers());

  it('the running timer takes the new length minus the time already rested, and ends when that has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2025-05-01T10:00:00Z');
    vi.setSystemTime(start);
    fakeApi({});
    stored();
    render();

    fireEvent.click(tick(1, 'Barbell Bench Press'));
    expect(screen.getByRole('timer')).toHaveTextContent('1:30');
    vi.setSystemTime(start + 40_000);
    const rest = screen.getByRole('combobox', { name: 'Rest after each set of Barbell Bench Press' });

    // Another exercise's rest is not the one counting.
    fireEvent.change(screen.getByRole('combobox', { name: 'Rest after each set of Pull-Up' }), { target: { value: '30' } });
    expect(draft().rest).toMatchObject({ status: 'running', endsAt: start + 90_000 });

    fireEvent.change(rest, { target: { value: '120' } });
    expect(draft().rest).toMatchObject({ status: 'running', endsAt: start + 120_000, totalS: 120 });
    await waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent('1:20'));

    fireEvent.change(rest, { target: { value: '30' } });
    expect(draft().rest).toMatchObject({ status: 'finished' });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Rest timer' })).toHaveTextContent('Rest over');
  });
});

describe('moving exercises around a superset', () => {
  it('never splits a superset: an exercise jumps over the group, or steps out of it at its edge', () => {
    fakeApi({});
    stored();
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Superset with next Barbell Bench Press and Pull-Up' }));
    const order = () => draft().blocks.map((b) => `${b.exercise.name}${b.superset_group === null ? '' : ` (${b.superset_group})`}`);

    fireEvent.click(screen.getByRole('button', { name: 'Move Barbell Row up' }));
    expect(order()).toEqual(['Barbell Row', 'Barbell Bench Press (1)', 'Pull-Up (1)']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Barbell Bench Press down' }));
    expect(order()).toEqual(['Barbell Row', 'Pull-Up (1)', 'Barbell Bench Press (1)']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Pull-Up up' }));
    expect(order()).toEqual(['Pull-Up', 'Barbell Row', 'Barbell Bench Press']);
    expect(screen.queryByText('Superset 1')).not.toBeInTheDocument();
  });
});

describe('the weight step from the profile', () => {
  it('steps weights by the profile’s weight_increment with the -/+ buttons and the arrow keys', async () => {
    fakeApi({
      'GET /api/v1/me': () => json({ ...testUser, preferences: { ...testUser.preferences, weight_increment: 1.25 } }),
    });
    stored();
    render();

    // The next set of each weighted exercise has the buttons, with the step on them.
    const plus = await screen.findByRole('button', { name: '+1.25 kg weight, set 1 of Barbell Bench Press' });
    fireEvent.click(plus);
    expect(screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Bench Press' })).toHaveValue('61.25');
    fireEvent.click(screen.getByRole('button', { name: '−1.25 kg weight, set 1 of Barbell Bench Press' }));
    fireEvent.click(screen.getByRole('button', { name: '−1.25 kg weight, set 1 of Barbell Bench Press' }));
    expect(draft().blocks[0]?.sets[0]?.weight_kg).toBe(58.75);

    const second = screen.getByRole('textbox', { name: 'Weight in kg, set 2 of Barbell Bench Press' });
    fireEvent.keyDown(second, { key: 'ArrowUp' });
    expect(second).toHaveValue('61.25');
    fireEvent.keyDown(second, { key: 'ArrowDown' });
    fireEvent.keyDown(second, { key: 'ArrowDown' });
    expect(draft().blocks[0]?.sets[1]?.weight_kg).toBe(58.75);

    // Ticked sets have none; the next open set gets them.
    fireEvent.click(tick(1, 'Barbell Bench Press'));
    expect(screen.queryByRole('button', { name: /weight, set 1 of Barbell Bench Press/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+1.25 kg weight, set 2 of Barbell Bench Press' })).toBeInTheDocument();
  });

  it('uses 2.5 kg without a profile step', () => {
    fakeApi({});
    stored();
    render();
    fireEvent.click(screen.getByRole('button', { name: '+2.5 kg weight, set 1 of Barbell Row' }));
    expect(screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Row' })).toHaveValue('52.5');
  });
});
