import type { ActiveBlock } from './model';
import { DEFAULT_REST_S } from './rest-timer';

/** The blocks done together with this one: its superset group in order, or just itself. */
export function groupOf(blocks: readonly ActiveBlock[], index: number): ActiveBlock[] {
  const block = blocks[index];
  if (!block) return [];
  if (block.superset_group === null) return [block];
  return blocks.filter((b) => b.superset_group === block.superset_group);
}

/**
 * How long to rest after set `setIndex` of block `blockIndex` was ticked, or null for "no
 * rest now". A block on its own rests its `rest_s` (default 90 s) after every set. In a
 * superset or circuit (blocks sharing a `superset_group`) round n is set n of each of its
 * exercises: the rest starts only once the round is complete, i.e. after its last
 * exercise, and lasts what the group's last exercise asks. `blocks` is the state after
 * the tick.
 */
export function restAfterTick(blocks: readonly ActiveBlock[], blockIndex: number, setIndex: number): number | null {
  const block = blocks[blockIndex];
  if (!block?.sets[setIndex]?.done) return null;
  const group = groupOf(blocks, blockIndex);
  const round = group.filter((b) => b.sets.length > setIndex);
  if (!round.every((b) => b.sets[setIndex]?.done)) return null;
  const last = group[group.length - 1] ?? block;
  const rest = last.rest_s ?? DEFAULT_REST_S;
  return rest > 0 ? rest : null;
}

/** The most groups a workout may have (the API's superset_group is 1..100). */
const MAX_GROUP = 100;

function smallestFreeGroup(blocks: readonly ActiveBlock[]): number | null {
  const used = new Set(blocks.map((b) => b.superset_group));
  for (let g = 1; g <= MAX_GROUP; g++) if (!used.has(g)) return g;
  return null;
}

/** Whether block `index` and the one after it are done together (the same superset group). */
export function linkedToNext(blocks: readonly ActiveBlock[], index: number): boolean {
  const group = blocks[index]?.superset_group ?? null;
  return group !== null && blocks[index + 1]?.superset_group === group;
}

/**
 * Puts block `index` and the next one into one superset: the next block (and the rest of its
 * group) joins this block's group, or this block joins the next one's, or both start a new
 * group. Nothing changes at the last block or when no group number is free.
 */
export function joinWithNext(blocks: readonly ActiveBlock[], index: number): ActiveBlock[] {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (!block || !next || linkedToNext(blocks, index)) return [...blocks];
  const group = block.superset_group ?? next.superset_group ?? smallestFreeGroup(blocks);
  if (group === null) return [...blocks];
  const merging = new Set([block.superset_group, next.superset_group].filter((g) => g !== null));
  return blocks.map((b, i) =>
    i === index || i === index + 1 || (b.superset_group !== null && merging.has(b.superset_group))
      ? { ...b, superset_group: group }
      : b,
  );
}

/**
 * Splits the superset between block `index` and the next one: the blocks of the group up to
 * this one keep the group, those after it get a new one; a part left with one exercise is no
 * superset any more.
 */
export function splitAfter(blocks: readonly ActiveBlock[], index: number): ActiveBlock[] {
  if (!linkedToNext(blocks, index)) return [...blocks];
  const group = blocks[index]!.superset_group;
  const before = blocks.filter((b, i) => i <= index && b.superset_group === group).length;
  const after = blocks.filter((b, i) => i > index && b.superset_group === group).length;
  const newGroup = after > 1 ? smallestFreeGroup(blocks) : null;
  return blocks.map((b, i) => {
    if (b.superset_group !== group) return b;
    if (i <= index) return before > 1 ? b : { ...b, superset_group: null };
    return { ...b, superset_group: newGroup };
  });
}

/** A group left with one exercise (its partner removed) is no superset any more. */
export function dropLoneGroups(blocks: readonly ActiveBlock[]): ActiveBlock[] {
  const counts = new Map<number, number>();
  for (const { superset_group: group } of blocks) {
    if (group !== null) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return blocks.map((b) =>
    b.superset_group !== null && counts.get(b.superset_group) === 1 ? { ...b, superset_group: null } : b,
  );
}

/** Anything ordered that may belong to a superset: a block of the workout, an item of a routine. */
interface Grouped {
  superset_group: number | null;
}

/** The first and last index of the run of neighbours sharing item `index`'s group (itself when none). */
function runAround(items: readonly Grouped[], index: number): [number, number] {
  const group = items[index]?.superset_group ?? null;
  let first = index;
  let last = index;
  if (group === null) return [first, last];
  while (items[first - 1]?.superset_group === group) first--;
  while (items[last + 1]?.superset_group === group) last++;
  return [first, last];
}

/**
 * Moves item `index` one step up (-1) or down (+1) so that a superset is never split by
 * another exercise:
 * - inside its superset it swaps with its neighbour in the group (the order of the round);
 * - at the edge of its superset it steps out of the group, past the next exercise, as a
 *   lifter who presses "down" on the last exercise of a superset means "do this one after
 *   the superset", not "drag the next exercise into it" (moving the whole group would move
 *   exercises the user did not touch). A superset left with one exercise is no superset;
 * - past a neighbouring superset it jumps over that whole group, which stays together.
 * Joining a superset is never a side effect of moving: that is "Superset with next" (or the
 * routine editor's superset choice). An item that is the only one of its group number keeps
 * it (in the routine editor that is a superset being built). Out of range: unchanged.
 */
export function moveKeepingSupersets<T extends Grouped>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const item = items[index];
  const neighbour = items[index + by];
  if (!item || !neighbour) return [...items];
  const group = item.superset_group;
  if (group !== null && neighbour.superset_group === group) {
    const next = [...items];
    next[index] = neighbour;
    next[index + by] = item;
    return next;
  }
  const [runFirst, runLast] = runAround(items, index);
  const [unitFirst, unitLast] = runAround(items, index + by);
  const others = items.filter((_, i) => i !== index);
  const leaving = runLast > runFirst;
  const moved = leaving ? { ...item, superset_group: null } : item;
  // Where it goes among the others: after the unit when moving down, before it when up.
  const at = by === 1 ? unitLast : unitFirst;
  const next = [...others.slice(0, at), moved, ...others.slice(at)];
  if (!leaving || runLast - runFirst > 1) return next;
  // The group it left has one exercise left: that one is no superset any more.
  const partner = index === runFirst ? items[runLast] : items[runFirst];
  return next.map((it) => (it === partner ? { ...it, superset_group: null } : it));
}

/**
 * Puts item `index` in superset `group` (null: in none) so that every superset stays
 * contiguous, as the routine editor's superset choice does: an item joining a group that has
 * members goes right after its last one; an item leaving the middle of its group goes right
 * after the rest of that group; otherwise it stays where it is. Out of range: unchanged.
 */
export function setGroupKeepingSupersets<T extends Grouped>(items: readonly T[], index: number, group: number | null): T[] {
  const item = items[index];
  if (!item || item.superset_group === group) return [...items];
  const [runFirst, runLast] = runAround(items, index);
  const others = items.filter((_, i) => i !== index);
  const lastMember = group === null ? -1 : others.map((o) => o.superset_group).lastIndexOf(group);
  const insideItsRun = index > runFirst && index < runLast;
  // In `others` the run's last item sits at runLast - 1, so runLast is just after it.
  const at = lastMember !== -1 ? lastMember + 1 : insideItsRun ? runLast : index;
  return [...others.slice(0, at), { ...item, superset_group: group }, ...others.slice(at)];
}
