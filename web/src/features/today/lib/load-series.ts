import type { TrainingLoad } from '../api/get-dashboard';

export interface LoadSeries {
  label: string;
  points: { day: string; value: number }[];
}

/** The load chart's three lines, in this order: fitness, fatigue, form (each day, oldest first). */
export function loadSeries(load: TrainingLoad, labels: { fitness: string; fatigue: string; form: string }): LoadSeries[] {
  const line = (pick: (item: TrainingLoad['items'][number]) => number) => load.items.map((item) => ({ day: item.day, value: pick(item) }));
  return [
    { label: labels.fitness, points: line((item) => item.fitness) },
    { label: labels.fatigue, points: line((item) => item.fatigue) },
    { label: labels.form, points: line((item) => item.form) },
  ];
}
