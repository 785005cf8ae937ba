import { describe, expect, it } from 'vitest';
import { checkGoalForm, emptyGoalForm, formToInput, goalToForm, type Goal, type GoalFormValues } from './metrics';

function form(changes: Partial<GoalFormValues>): GoalFormValues {
  return { ...emptyGoalForm(), ...changes };
}

const savedGoal: Goal = {
  id: 'g1',
  title: 'Run 10 miles a week',
  metric: 'distance',
  target: 16093.44,
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
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
  rev: 3,
  progress: {
    period_start: '2026-11-30',
    period_end: '2026-12-06',
    value: 0,
    target: 16093.44,
    unit: 'm',
    fraction: 0,
    reached: false,
    reached_at: null,
    on_track: null,
    projected_date: null,
    explanation: '',
  },
};

describe('the goal form as API input', () => {
  it('sends a distance in metres: 21.1 km is 21100 m, 10 mi is 16093.44 m', () => {
    expect(formToInput(form({ metric: 'distance', target: 21.1 }), 'metric', undefined)?.target).toBeCloseTo(21100, 6);
    expect(formToInput(form({ metric: 'distance', target: 10 }), 'imperial', undefined)?.target).toBeCloseTo(16093.44, 6);
  });

  it('sends a time in seconds: 1 h 30 min is 5400 s', () => {
    const input = formToInput(form({ metric: 'training_time', target_hours: 1, target_minutes: 30 }), 'metric', undefined);
    expect(input?.target).toBe(5400);
  });

  it('sends a weight in kg: 225 lb is 102.05828325 kg', () => {
    const input = formToInput(
      form({ metric: 'one_rep_max', target: 225, exercise_id: 'barbell-back-squat' }),
      'imperial',
      undefined,
    );
    expect(input?.target).toBeCloseTo(102.05828325, 8);
    expect(input?.exercise_id).toBe('barbell-back-squat');
  });

  it('sends a climb in metres: 1000 ft is 304.8 m', () => {
    expect(formToInput(form({ metric: 'elevation_gain', target: 1000 }), 'imperial', undefined)?.target).toBeCloseTo(304.8, 8);
  });

  it("sends a circumference in the kind's metres: 80 cm is 0.8 m; a kind of one's own as typed", () => {
    const waist = form({ metric: 'measurement', measurement_kind: 'waist', target: 80, direction: 'decrease' });
    expect(formToInput(waist, 'metric', 'm')).toMatchObject({ target: 0.8, measurement_kind: 'waist', direction: 'decrease' });
    const own = form({ metric: 'measurement', measurement_kind: 'grip', target: 55 });
    expect(formToInput(own, 'imperial', 'kgf')?.target).toBe(55);
  });

  it('leaves out the fields the metric does not use, and the direction of a metric that only goes up', () => {
    const input = formToInput(
      form({ metric: 'distance', target: 5, exercise_id: 'x', muscle: 'chest', reps: 5, direction: 'decrease', sport: 'run' }),
      'metric',
      undefined,
    );
    expect(input).toEqual({ metric: 'distance', target: 5000, direction: 'increase', period: 'week', archived: false, sport: 'run' });
  });

  it('gives the dates of a one-off goal only, and a title only when there is one', () => {
    const once = formToInput(
      form({ metric: 'sessions', target: 20, period: 'once', start_date: '2026-12-01', deadline: '2026-12-31', title: '  Twenty  ' }),
      'metric',
      undefined,
    );
    expect(once).toEqual({
      metric: 'sessions',
      target: 20,
      direction: 'increase',
      period: 'once',
      archived: false,
      title: 'Twenty',
      start_date: '2026-12-01',
      deadline: '2026-12-31',
    });
    const weekly = formToInput(form({ metric: 'sessions', target: 3, deadline: '2026-12-31' }), 'metric', undefined);
    expect(weekly).not.toHaveProperty('deadline');
    expect(weekly).not.toHaveProperty('title');
  });

  it('is null while something needed is missing, naming the field', () => {
    expect(formToInput(form({ metric: 'distance', target: null }), 'metric', undefined)).toBeNull();
    expect(checkGoalForm(form({ metric: 'distance', target: 0 }))).toEqual({ target: 'targetPositive' });
    expect(checkGoalForm(form({ metric: 'weight_for_reps', target: 100 }))).toEqual({
      exercise_id: 'exerciseRequired',
      reps: 'repsRequired',
    });
    expect(checkGoalForm(form({ metric: 'muscle_sets', target: 12 }))).toEqual({ muscle: 'muscleRequired' });
    expect(checkGoalForm(form({ metric: 'measurement', target: 80 }))).toEqual({ measurement_kind: 'measurementKindRequired' });
    expect(checkGoalForm(form({ metric: 'sessions', target: 3, period: 'once' }))).toEqual({ deadline: 'deadlineRequired' });
    expect(
      checkGoalForm(form({ metric: 'sessions', target: 3, period: 'once', start_date: '2026-12-10', deadline: '2026-12-01' })),
    ).toEqual({ deadline: 'deadlineBeforeStart' });
    expect(checkGoalForm(form({ metric: 'training_time', target_hours: 0, target_minutes: 0 }))).toEqual({
      target: 'targetPositive',
    });
  });
});

describe('a saved goal in the form', () => {
  it("shows its target in the user's unit: 16093.44 m is 10 mi", () => {
    expect(goalToForm(savedGoal, 'imperial', undefined)).toMatchObject({ target: 10, sport: 'run', title: 'Run 10 miles a week' });
    expect(goalToForm(savedGoal, 'metric', undefined).target).toBeCloseTo(16.09, 6);
  });

  it('shows a time target as hours and minutes: 9000 s is 2 h 30 min', () => {
    const time = goalToForm({ ...savedGoal, metric: 'training_time', target: 9000 }, 'metric', undefined);
    expect(time).toMatchObject({ target: null, target_hours: 2, target_minutes: 30 });
  });
});
