import { useMemo, useSyncExternalStore } from 'react';
import { ApiError, type FieldError } from '@/lib/api/client';
import { isOnline } from '@/lib/network/online';
import { createRecordStore } from '@/lib/storage/record-store';
import { createWorkout } from '../api/create-workout';
import { getWorkout } from '../api/get-workout';
import type { ActiveWorkout, Workout, WorkoutInput } from './model';
import { newId } from './model';

/**
 * Finished workouts that are not on the server yet: the outbox.
 *
 * Finish freezes the workout: the body (ended_at included) and the Idempotency-Key it goes with
 * are written to IndexedDB before anything is sent, and never change afterwards. Every retry,
 * after a reload, days later, from the background sync or a tap on "Try again", sends exactly
 * those bytes under that key, so the server answers a retry of a workout it already has with
 * that workout (200) instead of "this key was used with a different request" (409). A workout
 * leaves the outbox when the server has it, when the server refuses it for good (then it waits,
 * marked, for the user to edit or discard it), or when the user discards it.
 */
export interface PendingWorkout {
  userId: string;
  /** The workout's client-generated id. */
  id: string;
  /** The Idempotency-Key, chosen when the workout was finished. */
  key: string;
  /** The POST body, frozen at Finish. */
  body: WorkoutInput & { id: string };
  /**
   * The workout as it was on the logging screen, to reopen it for editing when the server
   * refuses it; none for a session entered by hand (the cardio form), which has no such screen.
   */
  draft?: ActiveWorkout | undefined;
  /** Waiting to be sent; refused by the server (422 and the like); or a different version is saved. */
  status: 'waiting' | 'refused' | 'conflict';
  problem: { status: number; title: string; detail: string | undefined; fieldErrors: FieldError[] } | null;
}

/** How long one save may take before the app says "no connection" (and keeps the workout). */
export const SAVE_TIMEOUT_MS = 8_000;

export type SendOutcome =
  | { kind: 'saved'; workout: Workout }
  /** No answer: offline, a timeout, a dropped connection. Sent again later. */
  | { kind: 'offline' }
  /** An answer that says "not now" (5xx, 429, signed out): sent again later. */
  | { kind: 'unavailable'; error: ApiError }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'conflict'; saved: Workout }
  | { kind: 'cancelled' };

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const sameTime = (a: string | null | undefined, b: string | null | undefined) =>
  a && b ? Date.parse(a) === Date.parse(b) : same(a, b);

/**
 * Whether the stored workout is the one sent, except for its end time: a workout finished
 * before ended_at was frozen with its key was sent again with a later end each time.
 */
export function sameWorkoutContent(sent: WorkoutInput, stored: Workout): boolean {
  if (!same(sent.title, stored.title) || !sameTime(sent.started_at, stored.started_at)) return false;
  if (!same(sent.routine_id, stored.routine_id)) return false;
  const a = sent.blocks ?? [];
  const b = stored.blocks ?? [];
  if (a.length !== b.length) return false;
  return a.every((block, i) => {
    const other = b[i];
    if (!other || block.exercise_id !== other.exercise_id || !same(block.superset_group, other.superset_group)) return false;
    const sets = block.sets ?? [];
    const otherSets = other.sets ?? [];
    return (
      sets.length === otherSets.length &&
      sets.every((set, k) => {
        const o = otherSets[k];
        return (
          o !== undefined &&
          same(set.set_type ?? 'normal', o.set_type ?? 'normal') &&
          (['reps', 'weight_kg', 'duration_s', 'distance_m'] as const).every((f) => same(set[f], o[f])) &&
          Boolean(set.done) === Boolean(o.done)
        );
      })
    );
  });
}

class TimedOut extends Error {}

/** Answers that say "try later", not "this workout is wrong". */
function isTemporary(error: ApiError): boolean {
  return error.status === 401 || error.status === 403 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * One attempt to save a pending workout, never longer than `timeoutMs`. A 409 (the key or the id
 * already used) is answered by reading the workout under its id: when the server holds this
 * workout, it is saved, whatever became of the answer to the first attempt.
 */
export async function sendPendingWorkout(
  entry: Pick<PendingWorkout, 'id' | 'key' | 'body'>,
  { signal, timeoutMs = SAVE_TIMEOUT_MS }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<SendOutcome> {
  if (!isOnline()) return { kind: 'offline' };
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimedOut());
      controller.abort(new TimedOut());
    }, timeoutMs);
  });
  const bounded = <R>(work: Promise<R>) => Promise.race([work, timeout]);
  try {
    try {
      return { kind: 'saved', workout: await bounded(createWorkout(entry.body, { key: entry.key, signal: controller.signal })) };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      let stored: Workout;
      try {
        stored = await bounded(getWorkout(entry.id, { signal: controller.signal }));
      } catch (lookup) {
        if (lookup instanceof ApiError && lookup.status === 404) return { kind: 'refused', error };
        throw lookup;
      }
      return sameWorkoutContent(entry.body, stored) ? { kind: 'saved', workout: stored } : { kind: 'conflict', saved: stored };
    }
  } catch (error) {
    if (signal?.aborted) return { kind: 'cancelled' };
    if (error instanceof TimedOut || (error instanceof ApiError && error.isNetworkError)) return { kind: 'offline' };
    if (error instanceof ApiError) return isTemporary(error) ? { kind: 'unavailable', error } : { kind: 'refused', error };
    // An abort that is not the caller's or a timeout's: the request did not complete.
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

// --- The outbox's state, shared by every component of this page, persisted in IndexedDB. ---

interface OutboxState {
  loaded: boolean;
  items: readonly PendingWorkout[];
  /** Ids being sent now. */
  sending: ReadonlySet<string>;
  /** Why the last attempt of an id did not save it, while it waits. */
  lastFailure: Readonly<Record<string, 'offline' | 'unavailable'>>;
  /** Ids saved by this page, so a screen waiting for one can follow it to its summary. */
  saved: ReadonlySet<string>;
}

const records = createRecordStore<PendingWorkout>('pending-workouts');
const recordKey = (userId: string, id: string) => `${userId}/${id}`;
const inFlight = new Map<string, { controller: AbortController; done: Promise<SendOutcome> }>();
const listeners = new Set<() => void>();
let state: OutboxState = { loaded: false, items: [], sending: new Set(), lastFailure: {}, saved: new Set() };
let loading: Promise<void> | undefined;

function update(change: (current: OutboxState) => OutboxState) {
  state = change(state);
  for (const listener of listeners) listener();
}

function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** Reads the outbox from IndexedDB (again): at start, and when another tab may have changed it. */
export function loadPendingWorkouts(): Promise<void> {
  loading ??= records
    .getAll()
    .then(
      (items) => update((s) => ({ ...s, loaded: true, items })),
      () => update((s) => ({ ...s, loaded: true })),
    )
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/**
 * Freezes a finished workout with a new Idempotency-Key; resolves once it is stored. Strength
 * workouts (Finish) and cardio sessions entered by hand (no `draft`) both go through here.
 */
export async function queueFinishedWorkout(
  userId: string,
  draft: ActiveWorkout | undefined,
  body: WorkoutInput & { id: string },
): Promise<PendingWorkout> {
  const entry: PendingWorkout = { userId, id: body.id, key: newId(), body, draft, status: 'waiting', problem: null };
  await records.put(recordKey(userId, entry.id), entry);
  update((s) => ({ ...s, items: [...s.items.filter((e) => !(e.userId === userId && e.id === entry.id)), entry] }));
  return entry;
}

/** Forgets a pending workout (the user discarded it); a send in flight is abandoned. */
export async function discardPendingWorkout(userId: string, id: string): Promise<void> {
  inFlight.get(recordKey(userId, id))?.controller.abort();
  await records.delete(recordKey(userId, id));
  update((s) => ({
    ...s,
    items: s.items.filter((e) => !(e.userId === userId && e.id === id)),
    lastFailure: withoutKey(s.lastFailure, id),
  }));
}

/**
 * Sends one pending workout (or joins the send already in flight) and records the outcome:
 * saved ones leave the outbox, refused ones are marked, the others wait for the next try.
 */
export function syncPendingWorkout(
  userId: string,
  id: string,
  onSaved: (workout: Workout) => void,
): Promise<SendOutcome> {
  const key = recordKey(userId, id);
  const running = inFlight.get(key);
  if (running) return running.done;
  const entry = state.items.find((e) => e.userId === userId && e.id === id);
  if (!entry || entry.status !== 'waiting') return Promise.resolve({ kind: 'cancelled' });
  const controller = new AbortController();
  update((s) => ({ ...s, sending: new Set([...s.sending, id]) }));
  const done = sendPendingWorkout(entry, { signal: controller.signal }).then(async (outcome) => {
    inFlight.delete(key);
    update((s) => ({ ...s, sending: new Set([...s.sending].filter((x) => x !== id)) }));
    if (outcome.kind === 'cancelled') return outcome;
    if (outcome.kind === 'saved') {
      await records.delete(key).catch(() => undefined);
      onSaved(outcome.workout);
      update((s) => ({
        ...s,
        items: s.items.filter((e) => !(e.userId === userId && e.id === id)),
        lastFailure: withoutKey(s.lastFailure, id),
        saved: new Set([...s.saved, id]),
      }));
    } else if (outcome.kind === 'refused' || outcome.kind === 'conflict') {
      const error = outcome.kind === 'refused' ? outcome.error : null;
      const marked: PendingWorkout = {
        ...entry,
        status: outcome.kind,
        problem: error
          ? { status: error.status, title: error.title, detail: error.detail, fieldErrors: error.fieldErrors }
          : null,
      };
      await records.put(key, marked).catch(() => undefined);
      update((s) => ({
        ...s,
        items: s.items.map((e) => (e.userId === userId && e.id === id ? marked : e)),
        lastFailure: withoutKey(s.lastFailure, id),
      }));
    } else {
      update((s) => ({ ...s, lastFailure: { ...s.lastFailure, [id]: outcome.kind } }));
    }
    return outcome;
  });
  inFlight.set(key, { controller, done });
  return done;
}

/** Sends every waiting workout of the user, one after another. */
export async function syncAllPendingWorkouts(userId: string, onSaved: (workout: Workout) => void): Promise<void> {
  if (!state.loaded) await loadPendingWorkouts();
  for (const entry of state.items.filter((e) => e.userId === userId && e.status === 'waiting')) {
    const outcome = await syncPendingWorkout(userId, entry.id, onSaved);
    // No connection: the others would only wait for the same timeout.
    if (outcome.kind === 'offline') return;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!state.loaded) void loadPendingWorkouts();
  return () => listeners.delete(listener);
}

const snapshot = () => state;

/** The user's pending workouts as last read or written (outside React). */
export function pendingWorkoutsOf(userId: string): PendingWorkout[] {
  return state.items.filter((e) => e.userId === userId);
}

export interface PendingWorkoutsView {
  loaded: boolean;
  items: PendingWorkout[];
  isSending: (id: string) => boolean;
  lastFailure: (id: string) => 'offline' | 'unavailable' | undefined;
  wasSaved: (id: string) => boolean;
}

/** The user's pending workouts, re-rendering on every change. */
export function usePendingWorkouts(userId: string): PendingWorkoutsView {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return useMemo(
    () => ({
      loaded: current.loaded,
      items: current.items.filter((e) => e.userId === userId),
      isSending: (id) => current.sending.has(id),
      lastFailure: (id) => current.lastFailure[id],
      wasSaved: (id) => current.saved.has(id),
    }),
    [current, userId],
  );
}

/** Tests: an empty outbox. */
export async function resetPendingWorkoutsForTests(): Promise<void> {
  for (const { controller } of inFlight.values()) controller.abort();
  inFlight.clear();
  for (const entry of await records.getAll()) await records.delete(recordKey(entry.userId, entry.id));
  state = { loaded: true, items: [], sending: new Set(), lastFailure: {}, saved: new Set() };
  for (const listener of listeners) listener();
}
