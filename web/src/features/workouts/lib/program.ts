import type { Program, ProgramInput } from './model';

/** A place in a program being edited: `routineId` is '' until a routine is chosen. */
export interface ProgramDraftEntry {
  key: string;
  routineId: string;
  label: string;
}

export interface ProgramDraft {
  name: string;
  notes: string;
  entries: ProgramDraftEntry[];
}

/** The draft of a saved program (or an empty one); `newKey` makes the list keys. */
export function draftOfProgram(program: Program | null, newKey: () => string): ProgramDraft {
  return {
    name: program?.name ?? '',
    notes: program?.notes ?? '',
    entries: (program?.routines ?? [])
      // A routine deleted since is left out: saving would be refused with it.
      .filter((entry) => entry.routine_name !== null)
      .map((entry) => ({ key: newKey(), routineId: entry.routine_id, label: entry.label ?? '' })),
  };
}

/**
 * What the API takes: text trimmed, empty notes and labels as null, places without a routine
 * left out.
 */
export function programInputOf(draft: ProgramDraft): ProgramInput {
  return {
    name: draft.name.trim(),
    notes: draft.notes.trim() || null,
    routines: draft.entries
      .filter((entry) => entry.routineId !== '')
      .map((entry) => ({ routine_id: entry.routineId, label: entry.label.trim() || null })),
  };
}

/** Moves the entry at `index` one place up (-1) or down (1); the list as it was at an edge. */
export function moveEntry<T>(entries: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= entries.length || to < 0 || to >= entries.length) return [...entries];
  const next = [...entries];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/**
 * The place in a program that is next: the first entry of the routine the server named as
 * next (`next_routine_id`), or null when there is none (no live routine in it).
 */
export function nextEntryIndex(program: Program): number | null {
  if (!program.next_routine_id) return null;
  const index = program.routines.findIndex((e) => e.routine_id === program.next_routine_id);
  return index < 0 ? null : index;
}
