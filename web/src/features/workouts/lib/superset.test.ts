import { describe, expect, it } from 'vitest';
import { joinWithNext, linkedToNext, moveKeepingSupersets, restAfterTick, setGroupKeepingSupersets, splitAfter } from './superset';
import { bench, block, pullUp, row, set } from './test-helpers';

const done = () => set({ done: true });
const open = () => set();

describe('restAfterTick', () => {
  it('rests the block’s rest_s after each set of a single exercise, 90 s by default', () => {
    expect(restAfterTick([block(bench, [done(), open()])], 0, 0)).toBe(90);
    expect(restAfterTick([block(bench, [done()], { rest_s: 180 })], 0, 0)).toBe(180);
  });

  it('does not rest when rest_s is 0 or the set was unticked', () => {
    expect(restAfterTick([block(bench, [done()], { rest_s: 0 })], 0, 0)).toBeNull();
    expect(restAfterTick([block(bench, [open()])], 0, 0)).toBeNull();
  });

  it('in a superset, waits until the last exercise of the round is done', () => {
    const a = block(bench, [done(), open()], { superset_group: 1, rest_s: 60 });
    const b = block(pullUp, [open(), open()], { superset_group: 1, rest_s: 120 });
    expect(restAfterTick([a, b], 0, 0)).toBeNull();

    const b2 = { ...b, sets: [done(), open()] };
    // The round is complete: rest for the group's last exercise's rest_s.
    expect(restAfterTick([a, b2], 1, 0)).toBe(120);
  });

  it('starts the rest when the round completes, whichever exercise was ticked last', () => {
    const a = block(bench, [done()], { superset_group: 2 });
    const b = block(pullUp, [done()], { superset_group: 2, rest_s: 45 });
    expect(restAfterTick([a, b], 0, 0)).toBe(45);
  });

  it('lets an exercise with more sets than its partner finish its round alone', () => {
    const a = block(bench, [done(), done(), done()], { superset_group: 1 });
    const b = block(pullUp, [done(), done()], { superset_group: 1 });
    expect(restAfterTick([a, b], 0, 2)).toBe(90);
  });

  it('keeps other groups and single blocks apart', () => {
    const single = block(row, [open()]);
    const a = block(bench, [done()], { superset_group: 1 });
    const b = block(pullUp, [open()], { superset_group: 1 });
    const c = block(row, [done()], { superset_group: 3, rest_s: 30 });
    expect(restAfterTick([single, a, b, c], 1, 0)).toBeNull();
    expect(restAfterTick([single, a, b, c], 3, 0)).toBe(30);
  });
});

describe('joinWithNext and splitAfter', () => {
  const groups = (blocks: ReturnType<typeof block>[]) => blocks.map((b) => b.superset_group);

  it('starts a new group with the smallest free number, or joins the group either one is in', () => {
    const plain = [block(bench, []), block(pullUp, []), block(row, [])];
    expect(groups(joinWithNext(plain, 0))).toEqual([1, 1, null]);
    expect(groups(joinWithNext(plain, 1))).toEqual([null, 1, 1]);
    // At the last block there is no next one.
    expect(groups(joinWithNext(plain, 2))).toEqual([null, null, null]);

    const grouped = [block(bench, [], { superset_group: 1 }), block(pullUp, [], { superset_group: 1 }), block(row, [])];
    expect(groups(joinWithNext(grouped, 1))).toEqual([1, 1, 1]);
    const taken = [block(bench, [], { superset_group: 1 }), block(pullUp, []), block(row, [], { superset_group: 3 })];
    expect(groups(joinWithNext(taken, 1))).toEqual([1, 3, 3]);
    expect(groups(joinWithNext([block(bench, [], { superset_group: 1 }), block(pullUp, []), block(row, [])], 1))).toEqual([
      1, 2, 2,
    ]);
  });

  it('merges two neighbouring groups into one', () => {
    const two = [
      block(bench, [], { superset_group: 1 }),
      block(pullUp, [], { superset_group: 1 }),
      block(row, [], { superset_group: 2 }),
      block(bench, [], { superset_group: 2 }),
    ];
    expect(groups(joinWithNext(two, 1))).toEqual([1, 1, 1, 1]);
  });

  it('splits a group between two blocks; a part of one exercise is no superset', () => {
    const three = [block(bench, [], { superset_group: 4 }), block(pullUp, [], { superset_group: 4 }), block(row, [], { superset_group: 4 })];
    // The part after gets the smallest free number.
    expect(groups(splitAfter(three, 0))).toEqual([null, 1, 1]);
    expect(groups(splitAfter(three, 1))).toEqual([4, 4, null]);
    const pair = three.slice(0, 2);
    expect(groups(splitAfter(pair, 0))).toEqual([null, null]);
    // Not linked: nothing to split.
    expect(groups(splitAfter([block(bench, []), block(pullUp, [])], 0))).toEqual([null, null]);
    expect(linkedToNext(three, 1)).toBe(true);
    expect(linkedToNext(three, 2)).toBe(false);
  });
});

describe('moveKeepingSupersets', () => {
  // Letters are exercises, digits their superset group: 'A1' is A in group 1.
  const items = (spec: string) =>
    spec.split(' ').map((s) => ({ name: s[0]!, superset_group: s.length > 1 ? Number(s.slice(1)) : null }));
  const show = (list: Array<{ name: string; superset_group: number | null }>) =>
    list.map((i) => `${i.name}${i.superset_group ?? ''}`).join(' ');
  const move = (spec: string, index: number, by: -1 | 1) => show(moveKeepingSupersets(items(spec), index, by));

  it('moves a lone exercise past a lone neighbour', () => {
    expect(move('A B C', 0, 1)).toBe('B A C');
    expect(move('A B C', 2, -1)).toBe('A C B');
  });

  it('reorders inside a superset without leaving it', () => {
    expect(move('A1 B1 C1 D', 0, 1)).toBe('B1 A1 C1 D');
    expect(move('A1 B1 C1 D', 2, -1)).toBe('A1 C1 B1 D');
  });

  it('jumps over a whole neighbouring superset instead of splitting it', () => {
    expect(move('A B1 C1 D', 0, 1)).toBe('B1 C1 A D');
    expect(move('A B1 C1 D', 3, -1)).toBe('A D B1 C1');
    expect(move('A1 B1 C2 D2', 2, -1)).toBe('C A1 B1 D');
  });

  it('takes an exercise out of its superset when it moves past the group’s edge', () => {
    expect(move('A1 B1 C1 D', 2, 1)).toBe('A1 B1 D C');
    expect(move('X A1 B1 C1', 1, -1)).toBe('A X B1 C1');
  });

  it('ends a superset left with one exercise', () => {
    expect(move('A1 B1 C', 1, 1)).toBe('A C B');
    expect(move('A1 B1 C', 0, -1)).toBe('A1 B1 C');
    expect(move('C A1 B1', 1, -1)).toBe('A C B');
  });

  it('leaves another superset whole when stepping out past it', () => {
    expect(move('A1 B1 C2 D2', 1, 1)).toBe('A C2 D2 B');
  });

  it('keeps the group number of the only exercise with it (a superset being built)', () => {
    expect(move('A B1', 1, -1)).toBe('B1 A');
  });

  it('never leaves a group split, whatever is moved where', () => {
    const start = items('A1 B1 C D2 E2 F2 G');
    const contiguous = (list: ReturnType<typeof items>) =>
      list.every((it) => {
        if (it.superset_group === null) return true;
        const at = list.flatMap((o, i) => (o.superset_group === it.superset_group ? [i] : []));
        return at[at.length - 1]! - at[0]! + 1 === at.length;
      });
    let list = start;
    for (let n = 0; n < 200; n++) {
      const index = (n * 7) % list.length;
      list = moveKeepingSupersets(list, index, n % 3 === 0 ? -1 : 1);
      expect(contiguous(list), show(list)).toBe(true);
    }
  });
});

describe('setGroupKeepingSupersets', () => {
  const items = (groups: Array<number | null>) => groups.map((superset_group, i) => ({ id: 'abcdefg'[i], superset_group }));
  const shape = (list: Array<{ id: string | undefined; superset_group: number | null }>) =>
    list.map((x) => `${x.id}${x.superset_group ?? ''}`).join(' ');

  it('puts an exercise joining a superset right after its last member', () => {
    // a1 b c1 d: b and d are on their own; d joins superset 1.
    expect(shape(setGroupKeepingSupersets(items([1, null, 1, null]), 3, 1))).toBe('a1 b c1 d1');
    // a1 b1 c d: d joins 1 and goes next to b.
    expect(shape(setGroupKeepingSupersets(items([1, 1, null, null]), 3, 1))).toBe('a1 b1 d1 c');
  });

  it('takes an exercise leaving the middle of its superset out after the rest of it', () => {
    expect(shape(setGroupKeepingSupersets(items([1, 1, 1, null]), 1, null))).toBe('a1 c1 b d');
    // At an edge it stays where it is.
    expect(shape(setGroupKeepingSupersets(items([1, 1, 1, null]), 2, null))).toBe('a1 b1 c d');
  });

  it('moves an exercise from the middle of one superset to the end of another', () => {
    expect(shape(setGroupKeepingSupersets(items([1, 1, 1, 2, 2]), 1, 2))).toBe('a1 c1 d2 e2 b2');
  });

  it('leaves a new group number where it is unless that would split its old superset', () => {
    expect(shape(setGroupKeepingSupersets(items([null, null]), 0, 3))).toBe('a3 b');
    expect(shape(setGroupKeepingSupersets(items([1, 1, 1]), 1, 2))).toBe('a1 c1 b2');
  });

  it('changes nothing out of range or when the group is the same', () => {
    expect(shape(setGroupKeepingSupersets(items([1, null]), 5, 2))).toBe('a1 b');
    expect(shape(setGroupKeepingSupersets(items([1, null]), 0, 1))).toBe('a1 b');
  });
});
