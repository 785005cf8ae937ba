import type { UnitSystem } from '@/lib/units';

/** A bar and the plates a gym has (an unlimited number of each), in one unit. */
export interface PlateSet {
  bar: number;
  /** Plate weights, heaviest first. */
  plates: readonly number[];
}

/** An Olympic bar (20 kg) and the usual metric plates. */
export const KG_PLATES: PlateSet = { bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25] };
/** A 45 lb bar and the usual pound plates. */
export const LB_PLATES: PlateSet = { bar: 45, plates: [45, 35, 25, 10, 5, 2.5] };

export function plateSetFor(system: UnitSystem): PlateSet {
  return system === 'imperial' ? LB_PLATES : KG_PLATES;
}

export interface PlateLoad {
  /** What goes on each side of the bar, heaviest first; empty for the bar alone. */
  perSide: Array<{ plate: number; count: number }>;
  /** The weight this loading makes (bar + both sides): the target or the nearest below. */
  total: number;
  /** target - total: what the plates cannot make (0 when exact). */
  remainder: number;
  /** The target is lighter than the empty bar. */
  belowBar: boolean;
}

/** Works in hundredths, so 1.25 and 2.5 add up without floating-point drift. */
const SCALE = 100;
const toUnits = (value: number) => Math.round(value * SCALE);

/**
 * How to load a bar to `target` (same unit as the plate set): the fewest plates per side,
 * heaviest first (greedy, which is optimal for these plate sets). A target the plates
 * cannot make exactly gets the nearest lighter loading and the remainder.
 */
export function loadBar(target: number, set: PlateSet = KG_PLATES): PlateLoad {
  const bar = toUnits(set.bar);
  const wanted = toUnits(Number.isFinite(target) ? target : 0);
  if (wanted < bar) {
    return { perSide: [], total: set.bar, remainder: (wanted - bar) / SCALE, belowBar: true };
  }
  let side = Math.floor((wanted - bar) / 2);
  const perSide: PlateLoad['perSide'] = [];
  for (const plate of [...set.plates].sort((a, b) => b - a)) {
    const size = toUnits(plate);
    const count = Math.floor(side / size);
    if (count > 0) {
      perSide.push({ plate, count });
      side -= count * size;
    }
  }
  const loadedSide = perSide.reduce((sum, { plate, count }) => sum + toUnits(plate) * count, 0);
  const total = bar + 2 * loadedSide;
  return { perSide, total: total / SCALE, remainder: (wanted - total) / SCALE, belowBar: false };
}

/** Barbell exercises are the ones a plate calculator helps with. */
export function usesBarbell(equipment: readonly string[]): boolean {
  return equipment.includes('barbell') || equipment.includes('smith_machine');
}
