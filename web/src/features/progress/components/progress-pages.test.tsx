import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import type { ProgressPaths } from '../paths';
import { ExerciseProgressPage } from './exercise-progress-page';
import { RecordsPage } from './records-page';
import { SportPage } from './sport-page';

// Vitest has no canvas: the charts' uPlot part is a stand-in (the chart's own tests cover it).
vi.mock('@/components/charts/uplot-renderer', () => ({
  renderChart: () => ({ setSize: () => {}, destroy: () => {}, toPng: () => Promise.resolve(null) }),
}));

const paths: ProgressPaths = {
  exercise: (id) => `/exercises/${id}`,
  exerciseProgress: (id) => `/exercises/${id}/progress`,
  sport: (sport) => `/sports/${sport}`,
  records: '/records',
  workout: (id) => `/workouts/${id}`,
  log: '/log',
};

const squat = {
  id: 'barbell-squat',
  slug: 'barbell-squat',
  name: 'Barbell Squat',
  category: 'strength',
  primary_muscles: ['quadriceps'],
  secondary_muscles: [],
  equipment: ['barbell'],
  mechanics: 'compound',
  force: 'push',
  log_type: 'weight_reps',
  description: '',
  custom: false,
};

function progressPoint(day: string, e1rm: number, heaviest: number, volume: number) {
  return {
    workout_id: `w-${day}`,
    started_at: `${day}T17:00:00Z`,
    day,
    one_rep_max_kg: e1rm,
    heaviest_weight_kg: heaviest,
    best_set_volume_kg: heaviest * 5,
    volume_kg: volume,
    sets: 5,
    reps: 25,
  };
}

function record(partial: Record<string, unknown>) {
  return {
    kind: 'one_rep_max',
    exercise_id: null,
    sport: null,
    reps: null,
    weight_kg: null,
    distance_m: null,
    value: 1,
    unit: 'kg',
    workout_id: 'w1',
    achieved_at: '2026-11-20T17:00:00Z',
    previous_value: null,
    current: true,
    ...partial,
  };
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

/** The text of each body row's cells (row header first). */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row', { hidden: true })
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('ExerciseProgressPage', () => {
  it('charts the estimated 1RM, heaviest set and volume, and lists the rep maxes 1-12', async () => {
    fakeApi({
      'GET /api/v1/exercises/barbell-squat': () => json(squat),
      'GET /api/v1/exercises/barbell-squat/progress': () =>
        json({
          exercise_id: 'barbell-squat',
          formula: 'epley',
          points: [progressPoint('2026-11-02', 116.67, 100, 2500), progressPoint('2026-11-20', 122.5, 105, 2625)],
          rep_maxes: [
            { reps: 1, weight_kg: 120, workout_id: 'w-2026-11-20', achieved_at: '2026-11-20T17:00:00Z' },
            { reps: 5, weight_kg: 105, workout_id: 'w-2026-11-20', achieved_at: '2026-11-20T17:00:00Z' },
          ],
        }),
      'GET /api/v1/records': (request) =>
        json({
          items:
            request.query.get('exercise_id') === 'barbell-squat'
              ? [
                  record({ kind: 'session_volume', exercise_id: 'barbell-squat', value: 2625, workout_id: 'w-2026-11-20' }),
                  record({ kind: 'rep_max', exercise_id: 'barbell-squat', reps: 5, value: 105 }),
                  record({ kind: 'one_rep_max', exercise_id: 'barbell-squat', value: 122.5, workout_id: 'w-2026-11-20' }),
                ]
              : [],
        }),
    });
    renderWithApp(<ExerciseProgressPage id="barbell-squat" paths={paths} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Barbell Squat: progress' })).toBeInTheDocument();
    const e1rm = screen.getByRole('figure', { name: 'How has my estimated one-rep max changed?' });
    // 116.67 kg shows with one decimal.
    expect(rowsOf(within(e1rm).getByRole('table', { hidden: true }))).toEqual([
      ['Nov 2, 2026', '116.7 kg'],
      ['Nov 20, 2026', '122.5 kg'],
    ]);
    const heaviest = screen.getByRole('figure', { name: 'What was my heaviest set in each workout?' });
    expect(rowsOf(within(heaviest).getByRole('table', { hidden: true }))).toEqual([
      ['Nov 2, 2026', '100 kg'],
      ['Nov 20, 2026', '105 kg'],
    ]);
    const volume = screen.getByRole('figure', { name: 'How much did I lift in each workout (weight × reps)?' });
    expect(rowsOf(within(volume).getByRole('table', { hidden: true }))).toEqual([
      ['Nov 2, 2026', '2,500 kg'],
      ['Nov 20, 2026', '2,625 kg'],
    ]);
    expect(screen.getByText(/Epley formula/)).toBeInTheDocument();

    const repMaxes = screen.getByRole('table', { name: 'The heaviest weight you lifted for each number of reps' });
    const rows = rowsOf(repMaxes);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['1', '120 kg', 'Nov 20, 2026']);
    expect(rows[1]).toEqual(['2', '–', '–']);
    expect(rows[4]).toEqual(['5', '105 kg', 'Nov 20, 2026']);
    expect(within(repMaxes).getAllByRole('link')[0]).toHaveAttribute('href', '/workouts/w-2026-11-20');

    // The lift's current records, 1RM first; rep maxes are in their table, not here.
    const records = (await screen.findByRole('heading', { name: 'Your records' })).closest('section')!;
    expect(within(records).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Estimated 1RM122.5 kgNov 20, 2026',
      'Best session volume2,625 kgNov 20, 2026',
    ]);
  });

  it('shows weights in pounds for imperial users', async () => {
    unitSystemStore.set('imperial');
    fakeApi({
      'GET /api/v1/exercises/barbell-squat': () => json(squat),
      'GET /api/v1/exercises/barbell-squat/progress': () =>
        json({
          exercise_id: 'barbell-squat',
          formula: 'brzycki',
          points: [progressPoint('2026-11-02', 100, 100, 1000)],
          rep_maxes: [{ reps: 1, weight_kg: 100, workout_id: 'w1', achieved_at: '2026-11-02T17:00:00Z' }],
        }),
    });
    renderWithApp(<ExerciseProgressPage id="barbell-squat" paths={paths} />);
    // 100 kg / 0.45359237 = 220.46 lb.
    const e1rm = await screen.findByRole('figure', { name: 'How has my estimated one-rep max changed?' });
    expect(within(e1rm).getByText('Weight (lb)', { exact: false })).toBeInTheDocument();
    expect(rowsOf(within(e1rm).getByRole('table', { hidden: true }))).toEqual([['Nov 2, 2026', '220.5 lb']]);
    expect(screen.getByText(/Brzycki formula/)).toBeInTheDocument();
  });

  it('says what to do when the exercise was never logged', async () => {
    fakeApi({
      'GET /api/v1/exercises/barbell-squat': () => json(squat),
      'GET /api/v1/exercises/barbell-squat/progress': () =>
        json({ exercise_id: 'barbell-squat', formula: 'epley', points: [], rep_maxes: [] }),
    });
    renderWithApp(<ExerciseProgressPage id="barbell-squat" paths={paths} />);
    expect(await screen.findByText('Not logged yet')).toBeInTheDocument();
    expect(screen.getByText(/Log a workout with Barbell Squat/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a workout' })).toHaveAttribute('href', '/log');
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('says so when the exercise does not exist', async () => {
    fakeApi({
      'GET /api/v1/exercises/nope': () => problem(404),
      'GET /api/v1/exercises/nope/progress': () => problem(404),
    });
    renderWithApp(<ExerciseProgressPage id="nope" paths={paths} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Exercise not found' })).toBeInTheDocument();
  });
});

describe('SportPage', () => {
  it('charts distance per week and lists best efforts and longest sessions', async () => {
    const api = fakeApi({
      'GET /api/v1/stats/summary': () =>
        json({
          period: 'week',
          week_start: 'monday',
          from: '2024-12-04',
          to: '2026-12-06',
          items: [
            { start: '2026-11-16', end: '2026-11-22', sessions: 0, duration_s: 0, distance_m: 0, elevation_gain_m: 0, volume_kg: 0, sets: 0, load: 0 },
            { start: '2026-11-23', end: '2026-11-29', sessions: 2, duration_s: 4000, distance_m: 15250, elevation_gain_m: 50, volume_kg: 0, sets: 0, load: 0 },
            { start: '2026-11-30', end: '2026-12-06', sessions: 1, duration_s: 1800, distance_m: 5000, elevation_gain_m: 10, volume_kg: 0, sets: 0, load: 0 },
          ],
        }),
      'GET /api/v1/records': () =>
        json({
          items: [
            record({ kind: 'best_effort', sport: 'run', distance_m: 5000, value: 1361, unit: 's', workout_id: 'w5' }),
            record({ kind: 'best_effort', sport: 'run', distance_m: 1000, value: 245, unit: 's', workout_id: 'w5' }),
            record({ kind: 'longest_distance', sport: 'run', value: 15250, unit: 'm', workout_id: 'w7' }),
            record({ kind: 'most_elevation_gain', sport: 'run', value: 50, unit: 'm', workout_id: 'w7' }),
          ],
        }),
    });
    renderWithApp(<SportPage sport="run" paths={paths} today="2026-12-06" />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Run' })).toBeInTheDocument();
    const chart = await screen.findByRole('figure', { name: 'How far did I go each week (Run)?' });
    // The empty week before the first distance is left out.
    expect(rowsOf(within(chart).getByRole('table', { hidden: true }))).toEqual([
      ['Nov 23, 2026', '15.3 km'],
      ['Nov 30, 2026', '5 km'],
    ]);
    const summary = api.to('GET /api/v1/stats/summary')[0]!;
    expect(Object.fromEntries(summary.query)).toEqual({ period: 'week', sport: 'run', from: '2024-12-04', to: '2026-12-06' });
    expect(api.to('GET /api/v1/records')[0]!.query.get('sport')).toBe('run');

    const efforts = await screen.findByRole('table', { name: 'Your fastest times over standard distances (Run)' });
    expect(rowsOf(efforts)).toEqual([
      ['1 km', '4:05', 'Nov 20, 2026'],
      ['5 km', '22:41', 'Nov 20, 2026'],
    ]);
    const longest = screen.getByRole('heading', { name: 'Longest sessions' }).closest('section')!;
    expect(within(longest).getByRole('link', { name: '15.25 km' })).toHaveAttribute('href', '/workouts/w7');
    expect(within(longest).getByText('Most climbing')).toBeInTheDocument();
  });

  it('shows not found for a path that is not a sport', () => {
    fakeApi({});
    renderWithApp(<SportPage sport="curling" paths={paths} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Sport not found' })).toBeInTheDocument();
  });
});

describe('RecordsPage', () => {
  it('lists lifts by exercise and cardio by sport, linking to their pages', async () => {
    fakeApi({
      'GET /api/v1/records': () =>
        json({
          items: [
            record({ kind: 'one_rep_max', exercise_id: 'barbell-squat', value: 122.5, reps: 5, weight_kg: 105 }),
            record({ kind: 'rep_max', exercise_id: 'barbell-squat', value: 105, reps: 5, weight_kg: 105 }),
            record({ kind: 'rep_max', exercise_id: 'barbell-squat', value: 120, reps: 1, weight_kg: 120 }),
            record({ kind: 'best_effort', sport: 'run', distance_m: 5000, value: 1361, unit: 's', workout_id: 'w5' }),
          ],
        }),
      'GET /api/v1/exercises/barbell-squat': () => json(squat),
    });
    renderWithApp(<RecordsPage paths={paths} />);

    const lift = await screen.findByRole('link', { name: 'Barbell Squat' });
    expect(lift).toHaveAttribute('href', '/exercises/barbell-squat/progress');
    const card = lift.closest('.card') as HTMLElement;
    const items = within(card).getAllByRole('listitem').map((li) => li.textContent);
    // The 5-rep max is on the progress page; the 1-rep max stays.
    expect(items).toEqual(['Estimated 1RM122.5 kgNov 20, 2026', '1-rep max120 kgNov 20, 2026']);
    expect(screen.getByRole('link', { name: 'Run' })).toHaveAttribute('href', '/sports/run');
    expect(screen.getByText('5 km best effort')).toBeInTheDocument();
    expect(screen.getByText('22:41')).toBeInTheDocument();
  });

  it('says what to do when there are no records', async () => {
    fakeApi({ 'GET /api/v1/records': () => json({ items: [] }) });
    renderWithApp(<RecordsPage paths={paths} />);
    expect(await screen.findByText('No records yet')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Start a workout' }));
  });
});
