import { describe, expect, it } from 'vitest';
import type { Program } from './model';
import { draftOfProgram, moveEntry, nextEntryIndex, programInputOf } from './program';

const saved: Program = {
  id: 'p1',
  rev: 3,
  name: '3-day split',
  notes: null,
  next_routine_id: 'r1',
  routines: [
    { routine_id: 'r1', label: 'Day A', routine_name: 'Push' },
    { routine_id: 'r2', label: null, routine_name: null },
    { routine_id: 'r3', label: 'Day C', routine_name: 'Legs' },
  ],
  created_at: '2026-05-01T07:00:00.000Z',
  updated_at: '2026-05-01T07:00:00.000Z',
};

describe('draftOfProgram', () => {
  it('starts empty for a new program', () => {
    expect(draftOfProgram(null, () => 'k')).toEqual({ name: '', notes: '', entries: [] });
  });

  it('keeps the order and labels and leaves out deleted routines', () => {
    let n = 0;
    const draft = draftOfProgram(saved, () => `k${++n}`);
    expect(draft.name).toBe('3-day split');
    expect(draft.entries).toEqual([
      { key: 'k1', routineId: 'r1', label: 'Day A' },
      { key: 'k2', routineId: 'r3', label: 'Day C' },
    ]);
  });
});

describe('programInputOf', () => {
  it('trims text, turns empty notes and labels into null and drops unchosen places', () => {
    expect(
      programInputOf({
        name: '  Upper/lower ',
        notes: '   ',
        entries: [
          { key: 'a', routineId: 'r1', label: ' Day A ' },
          { key: 'b', routineId: '', label: 'Day B' },
          { key: 'c', routineId: 'r2', label: '' },
        ],
      }),
    ).toEqual({
      name: 'Upper/lower',
      notes: null,
      routines: [
        { routine_id: 'r1', label: 'Day A' },
        { routine_id: 'r2', label: null },
      ],
    });
  });
});

describe('moveEntry', () => {
  it('moves an entry up or down', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it was at an edge', () => {
    expect(moveEntry(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveEntry(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('nextEntryIndex', () => {
  it('is the first place of the routine the server says is next', () => {
    expect(nextEntryIndex(saved)).toBe(0);
    expect(nextEntryIndex({ ...saved, next_routine_id: 'r3' })).toBe(2);
  });

  it('is null without a next routine, or one that is not in the list', () => {
    expect(nextEntryIndex({ ...saved, next_routine_id: null })).toBeNull();
    expect(nextEntryIndex({ ...saved, next_routine_id: 'elsewhere' })).toBeNull();
  });
});
