import type { Schema } from '@/lib/api/types';
import {
  M_PER_FT,
  fromDisplayDistance,
  fromDisplayLength,
  fromDisplayWeight,
  toDisplayDistance,
  toDisplayElevation,
  toDisplayLength,
  toDisplayWeight,
  type UnitSystem,
} from '@/lib/units';
import { distanceUnit, elevationUnit, lengthUnit, weightUnit } from '@/lib/units';

export type GoalMetric = Schema<'GoalMetric'>;
export type GoalInput = Schema<'GoalInput'>;
export type Goal = Schema<'Goal'>;
export type Sport = NonNullable<GoalInput['sport']>;
export type Muscle = Schema<'Muscle'>;
export type Period = GoalInput['period'];
export type Direction = GoalInput['direction'];

/** What a metric's target is entered in; the form converts it to the SI value the API stores. */
export type TargetKind = 'count' | 'duration' | 'distance' | 'elevation' | 'weight' | 'percent' | 'weeks' | 'measurement';

/** The filters a goal can have; `optional` ones narrow the goal when given. */
type Filter = 'sport' | 'exercise' | 'muscle' | 'measurement_kind' | 'reps' | 'min_sessions';

interface MetricSpec {
  target: TargetKind;
  required: readonly Filter[];
  optional: readonly Filter[];
  /** Whether the goal may be to go down (losing weight): body values only. */
  directional: boolean;
  /** Counted per period (sessions, distance...) rather than a level reached (a lift, a weight). */
  sum: boolean;
}

/**
 * The metrics the API knows (api/openapi.yaml GoalMetric), each with the fields it needs: a
 * registry, so a new metric (nutrition adherence) is one line here and its words in en/de.json.
 */
export const metricSpecs: Record<GoalMetric, MetricSpec> = {
  sessions: { target: 'count', required: [], optional: ['sport', 'exercise'], directional: false, sum: true },
  training_time: { target: 'duration', required: [], optional: ['sport', 'exercise'], directional: false, sum: true },
  distance: { target: 'distance', required: [], optional: ['sport'], directional: false, sum: true },
  elevation_gain: { target: 'elevation', required: [], optional: ['sport'], directional: false, sum: true },
  volume: { target: 'weight', required: [], optional: ['exercise'], directional: false, sum: true },
  muscle_sets: { target: 'count', required: ['muscle'], optional: [], directional: false, sum: true },
  one_rep_max: { target: 'weight', required: ['exercise'], optional: [], directional: false, sum: false },
  weight_for_reps: { target: 'weight', required: ['exercise', 'reps'], optional: [], directional: false, sum: false },
  body_weight: { target: 'weight', required: [], optional: [], directional: true, sum: false },
  body_fat: { target: 'percent', required: [], optional: [], directional: true, sum: false },
  measurement: { target: 'measurement', required: ['measurement_kind'], optional: [], directional: true, sum: false },
  streak_weeks: { target: 'weeks', required: [], optional: ['min_sessions'], directional: false, sum: false },
  nutrition_energy_days: { target: 'count', required: [], optional: [], directional: false, sum: true },
  nutrition_protein_days: { target: 'count', required: [], optional: [], directional: false, sum: true },
};

export const goalMetrics = Object.keys(metricSpecs) as GoalMetric[];

export const sports: readonly Sport[] = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'];

export const muscles: readonly Muscle[] = [
  'chest', 'front_delts', 'side_delts', 'rear_delts', 'biceps', 'triceps', 'forearms', 'traps', 'lats',
  'upper_back', 'lower_back', 'abs', 'obliques', 'glutes', 'quads', 'hamstrings', 'adductors', 'abductors',
  'calves', 'neck', 'hip_flexors',
];

/** The measurement kinds the server has built in (their names are translated); others are the user's own. */
const builtInKinds = [
  'weight', 'body_fat', 'waist', 'chest', 'hips', 'neck', 'arm', 'thigh', 'calf', 'resting_heart_rate',
] as const;

export function isBuiltInKind(kind: string): kind is (typeof builtInKinds)[number] {
  return (builtInKinds as readonly string[]).includes(kind);
}

export const periods: readonly Period[] = ['week', 'month', 'year', 'once'];

export function usesFilter(metric: GoalMetric, filter: Filter): boolean {
  const spec = metricSpecs[metric];
  return spec.required.includes(filter) || spec.optional.includes(filter);
}

export function requiresFilter(metric: GoalMetric, filter: Filter): boolean {
  return metricSpecs[metric].required.includes(filter);
}

/**
 * A measurement kind's unit as the user sees it: circumferences (stored in m) in cm or in, a
 * weight (kg) in kg or lb, anything else as it is stored (%, bpm, a unit of the user's own).
 */
export function measurementDisplayUnit(storedUnit: string, system: UnitSystem): string {
  if (storedUnit === 'm') return lengthUnit(system);
  if (storedUnit === 'kg') return weightUnit(system);
  return storedUnit;
}

function measurementToDisplay(value: number, storedUnit: string, system: UnitSystem): number {
  if (storedUnit === 'm') return toDisplayLength(value, system);
  if (storedUnit === 'kg') return toDisplayWeight(value, system);
  return value;
}

function measurementFromDisplay(value: number, storedUnit: string, system: UnitSystem): number {
  if (storedUnit === 'm') return fromDisplayLength(value, system);
  if (storedUnit === 'kg') return fromDisplayWeight(value, system);
  return value;
}

/** The unit a target is typed in, for its label ("km"); durations have hours and minutes. */
export function targetUnitLabel(kind: TargetKind, system: UnitSystem, measurementUnit: string | undefined): string {
  switch (kind) {
    case 'distance':
      return distanceUnit(system);
    case 'elevation':
      return elevationUnit(system);
    case 'weight':
      return weightUnit(system);
    case 'percent':
      return '%';
    case 'measurement':
      return measurementUnit === undefined ? '' : measurementDisplayUnit(measurementUnit, system);
    default:
      return '';
  }
}

/** An SI target (as stored) in the unit the user types it in. Durations give hours (see splitHours). */
export function targetToDisplay(
  kind: TargetKind,
  si: number,
  system: UnitSystem,
  measurementUnit: string | undefined,
): number {
  switch (kind) {
    case 'duration':
      return si / 3600;
    case 'distance':
      return toDisplayDistance(si, system);
    case 'elevation':
      return toDisplayElevation(si, system);
    case 'weight':
      return toDisplayWeight(si, system);
    case 'measurement':
      return measurementToDisplay(si, measurementUnit ?? '', system);
    default:
      return si;
  }
}

/** A target typed in the user's unit, in SI (m, s, kg) as the API takes it. */
export function targetFromDisplay(
  kind: TargetKind,
  shown: number,
  system: UnitSystem,
  measurementUnit: string | undefined,
): number {
  switch (kind) {
    case 'duration':
      return shown * 3600;
    case 'distance':
      return fromDisplayDistance(shown, system);
    case 'elevation':
      return system === 'imperial' ? shown * M_PER_FT : shown;
    case 'weight':
      return fromDisplayWeight(shown, system);
    case 'measurement':
      return measurementFromDisplay(shown, measurementUnit ?? '', system);
    default:
      return shown;
  }
}

/** Whole hours and minutes of a number of seconds: 5400 -> {hours: 1, minutes: 30}. */
export function splitSeconds(seconds: number): { hours: number; minutes: number } {
  const totalMinutes = Math.round(seconds / 60);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** What the editor holds: the target in the user's unit, the filters as the API names them. */
export interface GoalFormValues extends Record<string, unknown> {
  title: string;
  metric: GoalMetric;
  /** In the user's unit; for durations unused (target_hours and target_minutes). */
  target: number | null;
  target_hours: number | null;
  target_minutes: number | null;
  direction: Direction;
  period: Period;
  start_date: string;
  deadline: string;
  sport: Sport | '';
  exercise_id: string;
  muscle: Muscle | '';
  measurement_kind: string;
  reps: number | null;
  min_sessions: number | null;
  archived: boolean;
}

export function emptyGoalForm(): GoalFormValues {
  return {
    title: '',
    metric: 'distance',
    target: null,
    target_hours: null,
    target_minutes: null,
    direction: 'increase',
    period: 'week',
    start_date: '',
    deadline: '',
    sport: '',
    exercise_id: '',
    muscle: '',
    measurement_kind: '',
    reps: null,
    min_sessions: null,
    archived: false,
  };
}

/** A saved goal as the editor shows it, its target in the user's unit. */
export function goalToForm(goal: Goal, system: UnitSystem, measurementUnit: string | undefined): GoalFormValues {
  const kind = metricSpecs[goal.metric].target;
  const time = kind === 'duration' ? splitSeconds(goal.target) : null;
  const shown = kind === 'duration' ? null : targetToDisplay(kind, goal.target, system, measurementUnit);
  return {
    // The server names a goal without a title from its metric: keep the name it has.
    title: goal.title,
    metric: goal.metric,
    target: shown === null ? null : Math.round(shown * 100) / 100,
    target_hours: time?.hours ?? null,
    target_minutes: time?.minutes ?? null,
    direction: goal.direction,
    period: goal.period,
    start_date: goal.start_date ?? '',
    deadline: goal.deadline ?? '',
    sport: goal.sport ?? '',
    exercise_id: goal.exercise_id ?? '',
    muscle: goal.muscle ?? '',
    measurement_kind: goal.measurement_kind ?? '',
    reps: goal.reps,
    min_sessions: goal.min_sessions,
    archived: goal.archived,
  };
}

/** The problems the form can tell without asking, each under the field the API would name. */
export type GoalFormProblem =
  | 'targetRequired'
  | 'targetPositive'
  | 'exerciseRequired'
  | 'muscleRequired'
  | 'measurementKindRequired'
  | 'repsRequired'
  | 'deadlineRequired'
  | 'deadlineBeforeStart'
  | 'minSessionsPositive';

export function checkGoalForm(values: GoalFormValues): Partial<Record<keyof GoalFormValues & string, GoalFormProblem>> {
  const problems: Partial<Record<keyof GoalFormValues & string, GoalFormProblem>> = {};
  const { metric } = values;
  const kind = metricSpecs[metric].target;
  if (kind === 'duration') {
    const seconds = ((values.target_hours ?? 0) * 60 + (values.target_minutes ?? 0)) * 60;
    if (values.target_hours === null && values.target_minutes === null) problems.target = 'targetRequired';
    else if (seconds <= 0) problems.target = 'targetPositive';
  } else if (values.target === null) {
    problems.target = 'targetRequired';
  } else if (values.target <= 0) {
    problems.target = 'targetPositive';
  }
  if (requiresFilter(metric, 'exercise') && values.exercise_id === '') problems.exercise_id = 'exerciseRequired';
  if (requiresFilter(metric, 'muscle') && values.muscle === '') problems.muscle = 'muscleRequired';
  if (requiresFilter(metric, 'measurement_kind') && values.measurement_kind === '') {
    problems.measurement_kind = 'measurementKindRequired';
  }
  if (requiresFilter(metric, 'reps') && (values.reps === null || values.reps < 1)) problems.reps = 'repsRequired';
  if (usesFilter(metric, 'min_sessions') && values.min_sessions !== null && values.min_sessions < 1) {
    problems.min_sessions = 'minSessionsPositive';
  }
  if (values.period === 'once') {
    if (values.deadline === '') problems.deadline = 'deadlineRequired';
    else if (values.start_date !== '' && values.deadline < values.start_date) problems.deadline = 'deadlineBeforeStart';
  }
  return problems;
}

/**
 * The API's GoalInput for the form's values (SI target, only the fields the metric uses), or
 * null while the form has problems.
 */
export function formToInput(
  values: GoalFormValues,
  system: UnitSystem,
  measurementUnit: string | undefined,
): GoalInput | null {
  if (Object.keys(checkGoalForm(values)).length > 0) return null;
  const { metric } = values;
  const spec = metricSpecs[metric];
  const target =
    spec.target === 'duration'
      ? ((values.target_hours ?? 0) * 60 + (values.target_minutes ?? 0)) * 60
      : targetFromDisplay(spec.target, values.target ?? 0, system, measurementUnit);
  const input: GoalInput = {
    metric,
    target,
    direction: spec.directional ? values.direction : 'increase',
    period: values.period,
    archived: values.archived,
  };
  const title = values.title.trim();
  if (title !== '') input.title = title;
  if (values.period === 'once') {
    input.deadline = values.deadline;
    if (values.start_date !== '') input.start_date = values.start_date;
  }
  if (usesFilter(metric, 'sport') && values.sport !== '') input.sport = values.sport;
  if (usesFilter(metric, 'exercise') && values.exercise_id !== '') input.exercise_id = values.exercise_id;
  if (usesFilter(metric, 'muscle') && values.muscle !== '') input.muscle = values.muscle;
  if (usesFilter(metric, 'measurement_kind')) input.measurement_kind = values.measurement_kind;
  if (usesFilter(metric, 'reps')) input.reps = values.reps;
  if (usesFilter(metric, 'min_sessions') && values.min_sessions !== null) input.min_sessions = values.min_sessions;
  return input;
}

/** The input that keeps a saved goal as it is, with `archived` changed (archive / unarchive). */
export function goalAsInput(goal: Goal, archived: boolean): GoalInput {
  return {
    title: goal.title,
    metric: goal.metric,
    target: goal.target,
    direction: goal.direction,
    period: goal.period,
    start_date: goal.start_date,
    deadline: goal.deadline,
    sport: goal.sport,
    exercise_id: goal.exercise_id,
    muscle: goal.muscle,
    measurement_kind: goal.measurement_kind,
    reps: goal.reps,
    min_sessions: goal.min_sessions,
    archived,
  };
}
