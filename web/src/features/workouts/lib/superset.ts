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
