import type { Import } from '../api/create-import';

/**
 * The import's lifecycle as the page shows it. `uploading` is before the server answered
 * the POST; then the job is `queued` or `running` (polled) until `succeeded` or `failed`.
 */
export type ImportPhase = 'uploading' | 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportView {
  phase: ImportPhase;
  /** 0..100, or null when the server does not know yet how much there is. */
  percent: number | null;
  done: number;
  total: number | null;
  /** The created workouts, when succeeded. */
  workoutIds: string[];
  /** When failed: the server's sentence, and the workout the file duplicates (409). */
  error: { detail: string; status: number; existingWorkoutId: string | null } | null;
  finished: boolean;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What the page shows for the job, from the last answer of GET /imports/{id}. */
export function importView(job: Import | undefined): ImportView {
  if (!job) {
    return { phase: 'uploading', percent: null, done: 0, total: null, workoutIds: [], error: null, finished: false };
  }
  const finished = job.status === 'succeeded' || job.status === 'failed';
  const known = job.total !== null && job.total > 0;
  const ratio = job.status === 'succeeded' ? 1 : Math.min(1, Math.max(0, job.progress));
  const result = job.result ?? {};
  const workoutIds = [
    ...(typeof result.workout_id === 'string' ? [result.workout_id] : []),
    ...stringArray(result.workout_ids),
  ];
  const error =
    job.status === 'failed'
      ? {
          detail: job.error?.detail ?? '',
          status: job.error?.status ?? 500,
          existingWorkoutId: job.error?.existing_workout_id ?? null,
        }
      : null;
  return {
    phase: job.status,
    percent: known || finished ? Math.round(ratio * 100) : null,
    done: job.done,
    total: job.total,
    workoutIds,
    error,
    finished,
  };
}

/**
 * How long to wait before asking again: false once the job finished (no more polling);
 * 500 ms for the first few answers (most files take well under a second), then slower, up
 * to 5 s, so a long import does not hammer the server.
 */
export function pollDelayMs(job: Import | undefined, answers: number): number | false {
  if (job && (job.status === 'succeeded' || job.status === 'failed')) return false;
  if (answers < 10) return 500;
  return Math.min(5000, 500 * 2 ** Math.floor((answers - 10) / 5 + 1));
}
