import { useMemo, useSyncExternalStore } from 'react';
import { ApiError } from '@/lib/api/client';
import { isOnline } from '@/lib/network/online';
import { createRecordStore } from '@/lib/storage/record-store';
import { createWorkout } from '../api/create-workout';
import { deleteWorkout } from '../api/delete-workout';
import { getWorkout } from '../api/get-workout';
import { updateWorkout } from '../api/update-workout';
import type { Workout, WorkoutInput } from './model';
import { newId } from './model';

/**
 * Edits of saved workouts made offline: the outbox's second half (pending-workouts.ts holds the
 * new ones). An edit is the whole workout as the user left it (PUT replaces) and the rev it was
 * made on, sent with If-Match. When another device changed the workout meanwhile the server
 * answers 412, and the edit waits, marked "Changed on another device", until the user chooses:
 *
 * - Keep both: this version is saved as a new workout (a new id and Idempotency-Key, chosen once
 *   and kept with the edit, so a retry cannot make two);
 * - Use mine: PUT again over the server's current version (its rev read just before);
 * - Use theirs: this version is dropped.
 *
 * Neither version is ever lost without the user's say.
 *
 * A delete made offline waits here too (kind 'delete', one entry per workout: it replaces a
 * waiting edit of the same workout). It is sent once, with If-Match on the rev the user saw; a
 * 404 means the workout is already gone (done), a 412 (or a newer rev read just before) means
 * another device changed it since, and the user chooses: delete anyway (use-mine) or keep it
 * (use-theirs). Keep both does not apply.
 */
export interface PendingEdit {
  userId: string;
  /** The workout edited. */
  id: string;
  /** The rev the edit was made on (If-Match). */
  baseRev: number;
  /** An edit: the whole workout (PUT). A delete: its title and start, for the pending card. */
  body: WorkoutInput;
  /** Absent for edits (entries stored before deletes were queued have none). */
  kind?: 'delete';
  status: 'waiting' | 'conflict' | 'refused';
  /** Conflict: the workout was deleted on the other device (404), not changed. */
  deletedElsewhere?: boolean;
  /** Keep both, once chosen: the new workout's id and key, the same for every retry. */
  copy?: { id: string; key: string } | undefined;
  problem?: { status: number; detail: string } | null;
}

export type EditOutcome =
  | { kind: 'saved'; workout: Workout }
  /** A queued delete is done: the server no longer has the workout. */
  | { kind: 'deleted' }
  | { kind: 'offline' }
  | { kind: 'conflict' }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'unavailable' };

const records = createRecordStore<PendingEdit>('pending-edits');
const recordKey = (userId: string, id: string) => `${userId}/${id}`;

interface EditsState {
  loaded: boolean;
  items: readonly PendingEdit[];
  busy: ReadonlySet<string>;
}

let state: EditsState = { loaded: false, items: [], busy: new Set() };
const listeners = new Set<() => void>();
let loading: Promise<void> | undefined;

function update(change: (s: EditsState) => EditsState) {
  state = change(state);
  for (const listener of listeners) listener();
}

export function loadPendingEdits(): Promise<void> {
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

async function store(entry: PendingEdit): Promise<void> {
  await records.put(recordKey(entry.userId, entry.id), entry);
  update((s) => ({ ...s, items: [...s.items.filter((e) => !(e.userId === entry.userId && e.id === entry.id)), entry] }));
}

async function forget(userId: string, id: string): Promise<void> {
  await records.delete(recordKey(userId, id));
  update((s) => ({ ...s, items: s.items.filter((e) => !(e.userId === userId && e.id === id)) }));
}

/** Keeps an edit made without a connection; a later edit of the same workout replaces it (same base). */
export async function queueEdit(userId: string, id: string, baseRev: number, body: WorkoutInput): Promise<PendingEdit> {
  if (!state.loaded) await loadPendingEdits();
  const earlier = state.items.find((e) => e.userId === userId && e.id === id);
  const entry: PendingEdit = { userId, id, baseRev: earlier?.baseRev ?? baseRev, body, status: 'waiting', problem: null };
  await store(entry);
  return entry;
}

/**
 * Keeps a delete made without a connection (of the workout as the user saw it, at `baseRev`);
 * it replaces a waiting edit of the same workout: deleting supersedes editing.
 */
export async function queueDelete(userId: string, id: string, baseRev: number, shown: WorkoutInput): Promise<PendingEdit> {
  if (!state.loaded) await loadPendingEdits();
  const entry: PendingEdit = {
    userId,
    id,
    baseRev,
    body: { title: shown.title, started_at: shown.started_at } as WorkoutInput,
    kind: 'delete',
    status: 'waiting',
    problem: null,
  };
  await store(entry);
  return entry;
}

/** Ids of workouts the user deleted that the server may still have: hidden from lists. */
export function deletingIds(items: readonly PendingEdit[]): Set<string> {
  return new Set(items.filter((e) => e.kind === 'delete' && e.status === 'waiting').map((e) => e.id));
}

/**
 * DELETE with If-Match on `rev`. The server's current rev is read first: a workout changed
 * since is a conflict even where the server does not check If-Match on DELETE, and a 404 on
 * either request means it is gone already, which is what was wanted.
 */
async function sendDelete(id: string, rev: number | 'current'): Promise<EditOutcome> {
  try {
    const current = await getWorkout(id);
    if (rev !== 'current' && current.rev !== rev) return { kind: 'conflict' };
    await deleteWorkout(id, { rev: current.rev });
    return { kind: 'deleted' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'deleted' };
    return outcomeOf(error);
  }
}

function isTemporary(error: ApiError): boolean {
  return error.isNetworkError || error.status === 401 || error.status === 403 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function outcomeOf(error: unknown): EditOutcome {
  if (!(error instanceof ApiError)) return { kind: 'offline' };
  if (error.isNetworkError) return { kind: 'offline' };
  if (error.status === 412 || error.status === 404) return { kind: 'conflict' };
  if (isTemporary(error)) return { kind: 'unavailable' };
  return { kind: 'refused', error };
}

async function withBusy<R>(userId: string, id: string, work: () => Promise<R>): Promise<R | undefined> {
  const key = recordKey(userId, id);
  if (state.busy.has(key)) return undefined;
  update((s) => ({ ...s, busy: new Set([...s.busy, key]) }));
  try {
    return await work();
  } finally {
    update((s) => ({ ...s, busy: new Set([...s.busy].filter((k) => k !== key)) }));
  }
}

/** Records what became of an attempt: saved ones leave, conflicts and refusals wait marked. */
async function settle(
  entry: PendingEdit,
  outcome: EditOutcome,
  onSaved: (workout: Workout) => void,
  deleted = false,
  onDeleted?: (id: string) => void,
): Promise<EditOutcome> {
  if (outcome.kind === 'deleted') {
    await forget(entry.userId, entry.id);
    onDeleted?.(entry.id);
  } else if (outcome.kind === 'saved') {
    await forget(entry.userId, entry.id);
    onSaved(outcome.workout);
  } else if (outcome.kind === 'conflict') {
    await store({ ...entry, status: 'conflict', deletedElsewhere: deleted, problem: null });
  } else if (outcome.kind === 'refused') {
    await store({ ...entry, status: 'refused', problem: { status: outcome.error.status, detail: outcome.error.detail ?? outcome.error.title } });
  }
  return outcome;
}

/** Sends a waiting edit (or delete) with If-Match on the rev it was made on. */
export async function syncEdit(
  userId: string,
  id: string,
  onSaved: (workout: Workout) => void,
  onDeleted?: (id: string) => void,
): Promise<EditOutcome | undefined> {
  const entry = state.items.find((e) => e.userId === userId && e.id === id);
  if (!entry || entry.status !== 'waiting' || !isOnline()) return entry ? { kind: 'offline' } : undefined;
  return withBusy(userId, id, async () => {
    if (entry.kind === 'delete') return settle(entry, await sendDelete(id, entry.baseRev), onSaved, false, onDeleted);
    try {
      return await settle(entry, { kind: 'saved', workout: await updateWorkout({ id, rev: entry.baseRev, input: entry.body }) }, onSaved);
    } catch (error) {
      return settle(entry, outcomeOf(error), onSaved, error instanceof ApiError && error.status === 404);
    }
  });
}

export async function syncAllEdits(
  userId: string,
  onSaved: (workout: Workout) => void,
  onDeleted?: (id: string) => void,
): Promise<void> {
  if (!state.loaded) await loadPendingEdits();
  for (const entry of state.items.filter((e) => e.userId === userId && e.status === 'waiting')) {
    const outcome = await syncEdit(userId, entry.id, onSaved, onDeleted);
    if (outcome?.kind === 'offline') return;
  }
}

export type Resolution = 'keep-both' | 'use-mine' | 'use-theirs';

/**
 * The user's choice for an edit in conflict (or refused: then only "use theirs" drops it).
 * Keep both posts this version as a new workout; use mine overwrites the server's current
 * version (a newer change there in the meantime is another conflict); use theirs drops it.
 * For a delete: use mine deletes the server's current version ("delete anyway"), use theirs
 * keeps the workout (the delete is dropped, also while it still waits).
 */
export async function resolveEdit(
  userId: string,
  id: string,
  choice: Resolution,
  onSaved: (workout: Workout) => void,
  onDeleted?: (id: string) => void,
): Promise<EditOutcome | undefined> {
  const entry = state.items.find((e) => e.userId === userId && e.id === id);
  if (!entry) return undefined;
  if (choice === 'use-theirs') {
    await forget(userId, id);
    return undefined;
  }
  if (entry.kind === 'delete') {
    if (choice !== 'use-mine') return undefined;
    return withBusy(userId, id, async () => {
      const outcome = await sendDelete(id, 'current');
      return outcome.kind === 'deleted' || outcome.kind === 'refused' ? settle(entry, outcome, onSaved, false, onDeleted) : outcome;
    });
  }
  return withBusy(userId, id, async () => {
    try {
      if (choice === 'keep-both') {
        const copy = entry.copy ?? { id: newId(), key: newId() };
        // Chosen once, stored before the request: a retry sends the same id and key.
        if (!entry.copy) await store({ ...entry, copy });
        const saved = await createWorkout({ ...entry.body, id: copy.id }, { key: copy.key });
        return await settle({ ...entry, copy }, { kind: 'saved', workout: saved }, onSaved);
      }
      const current = await getWorkout(id);
      const saved = await updateWorkout({ id, rev: current.rev, input: entry.body });
      return await settle(entry, { kind: 'saved', workout: saved }, onSaved);
    } catch (error) {
      const outcome = outcomeOf(error);
      // A new conflict stays a conflict; no answer leaves the choice to be made again.
      if (outcome.kind === 'conflict' || outcome.kind === 'refused') return settle(entry, outcome, onSaved, choice === 'use-mine' && error instanceof ApiError && error.status === 404);
      return outcome;
    }
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!state.loaded) void loadPendingEdits();
  return () => listeners.delete(listener);
}

const snapshot = () => state;

export interface PendingEditsView {
  items: PendingEdit[];
  isBusy: (id: string) => boolean;
}

export function usePendingEdits(userId: string): PendingEditsView {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return useMemo(
    () => ({
      items: current.items.filter((e) => e.userId === userId),
      isBusy: (id) => current.busy.has(recordKey(userId, id)),
    }),
    [current, userId],
  );
}

/** Tests: no edits kept. */
export async function resetPendingEditsForTests(): Promise<void> {
  for (const entry of await records.getAll()) await records.delete(recordKey(entry.userId, entry.id));
  state = { loaded: true, items: [], busy: new Set() };
  for (const listener of listeners) listener();
}
