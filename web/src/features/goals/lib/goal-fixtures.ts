import type { Goal } from './metrics';

/** A goal as GET /api/v1/goals answers, for tests: 12.5 of 20 km of running this week, on track. */
export function goalFixture(changes: Partial<Goal> = {}): Goal {
  return {
    id: 'g1',
    title: 'Run 20 km a week',
    metric: 'distance',
    target: 20000,
    direction: 'increase',
    period: 'week',
    start_date: null,
    deadline: null,
    sport: 'run',
    exercise_id: null,
    muscle: null,
    measurement_kind: null,
    reps: null,
    min_sessions: null,
    archived: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    rev: 4,
    progress: {
      period_start: '2026-11-30',
      period_end: '2026-12-06',
      value: 12500,
      target: 20000,
      unit: 'm',
      fraction: 0.625,
      reached: false,
      reached_at: null,
      on_track: true,
      projected_date: '2026-12-05',
      explanation: 'At this pace you reach 20 km on 5 December.',
    },
    ...changes,
  };
}
