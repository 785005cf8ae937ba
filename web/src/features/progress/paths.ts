import type { Sport } from '@/lib/records/describe';

/** The client paths the progress pages link to; the app layer passes them in. */
export interface ProgressPaths {
  exercise: (id: string) => string;
  exerciseProgress: (id: string) => string;
  sport: (sport: Sport) => string;
  records: string;
  workout: (id: string) => string;
  log: string;
}
