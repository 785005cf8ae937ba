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
