import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, problem, testUser } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import type { Dashboard } from '../api/get-dashboard';
import { TodayPage, type TodayPaths } from './today-page';

// The chart itself is the shared component's (with its own tests, and a canvas vitest has
// not): here, what the dashboard hands it.
const chartProps = vi.hoisted(() => ({ last: undefined as unknown }));
vi.mock('@/components/charts', () => ({
  TimeSeriesChart: (props: { title: string }) => {
    chartProps.last = props;
    return <p>{props.title}</p>;
  },
}));

afterEach(() => {
  localStorage.clear();
  chartProps.last = undefined;
});

const paths: TodayPaths = {
  startWorkout: '/log',
  recordWeight: '/body',
  newRoutine: '/routines/new',
  security: '/settings/security',
  goals: '/goals',
  records: '/records',
  workout: (id) => `/workouts/${id}`,
};

const totals = (start: string, end: string, extra: Partial<Dashboard['this_week']>) => ({
  start,
  end,
  sessions: 0,
  duration_s: 0,
  distance_m: 0,
  elevation_gain_m: 0,
  volume_kg: 0,
  sets: 0,
  load: 0,
  ...extra,
});

const goalBase = {
  direction: 'increase',
  start_date: null,
  deadline: null,
  sport: null,
  exercise_id: null,
  muscle: null,
  measurement_kind: null,
  reps: null,
  min_sessions: null,
  archived: false,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  rev: 1,
} as const;

const runGoal = {
  ...goalBase,
  id: 'g1',
  title: 'Run 30 km a week',
  metric: 'distance',
  target: 30000,
  period: 'week',
  sport: 'run',
  progress: {
    period_start: '2026-11-30',
    period_end: '2026-12-06',
    value: 15000,
    target: 30000,
    unit: 'm',
    fraction: 0.5,
    reached: false,
    reached_at: null,
    on_track: true,
    projected_date: '2026-12-06',
    explanation: 'At this pace you reach 30 km on 6 December.',
  },
} as const;

const squatGoal = {
  ...goalBase,
  id: 'g2',
  title: 'Squat 140 kg',
  metric: 'one_rep_max',
  target: 140,
  period: 'once',
  start_date: '2026-09-01',
  deadline: '2027-03-31',
  exercise_id: 'barbell-back-squat',
  progress: {
    period_start: '2026-09-01',
    period_end: '2027-03-31',
    value: 142.5,
    target: 140,
    unit: 'kg',
    fraction: 1.0179,
    reached: true,
    reached_at: '2026-12-03T17:00:00Z',
    on_track: null,
    projected_date: null,
    explanation: 'Reached on 3 December.',
  },
} as const;

const squatRecord = {
  kind: 'one_rep_max',
  exercise_id: 'barbell-back-squat',
  sport: null,
  reps: 3,
  weight_kg: 135,
  distance_m: null,
  value: 142.5,
  unit: 'kg',
  workout_id: 'w9',
  achieved_at: '2026-12-03T17:00:00Z',
  previous_value: 140,
  current: true,
} as const;

const runRecord = {
  kind: 'best_effort',
  exercise_id: null,
  sport: 'run',
  reps: null,
  weight_kg: null,
  distance_m: 5000,
  value: 1350,
  unit: 's',
  workout_id: 'w8',
  achieved_at: '2026-12-01T06:30:00Z',
  previous_value: null,
  current: true,
} as const;

/** Sunday 6 December 2026, weeks from Monday. */
function dashboard(extra: Partial<Dashboard> = {}): Dashboard {
  return {
    today: '2026-12-06',
    week_start: 'monday',
    this_week: totals('2026-11-30', '2026-12-06', { sessions: 4, duration_s: 12300, distance_m: 21500, volume_kg: 12345.6 }),
    last_week: totals('2026-11-23', '2026-11-29', { sessions: 3, duration_s: 14400, distance_m: 21500, volume_kg: 10000 }),
    goals: [runGoal, squatGoal],
    recent_records: [squatRecord, runRecord],
    calendar: {
      from: '2026-06-08',
      to: '2026-12-06',
      days: [
        { day: '2026-12-01', sessions: 2, duration_s: 5400, load: 300 },
        { day: '2026-12-03', sessions: 1, duration_s: 3600, load: 420 },
      ],
      streaks: { current_days: 1, longest_days: 9, current_weeks: 5, longest_weeks: 12 },
    },
    load: {
      from: '2026-09-14',
      to: '2026-12-06',
      items: [
        { day: '2026-12-05', load: 0, acute: 60, chronic: 40, ratio: 1.5, fitness: 38.04, fatigue: 55.5, form: -17.46 },
        { day: '2026-12-06', load: 0, acute: 60, chronic: 40, ratio: 1.5, fitness: 37.15, fatigue: 48.6, form: -11.45 },
      ],
    },
    ...extra,
  } as Dashboard;
}

function api(body: Dashboard | (() => Response)) {
  return fakeApi({
    'GET /api/v1/me': () => json(testUser),
    'GET /api/v1/dashboard': typeof body === 'function' ? body : () => json(body),
    'GET /api/v1/exercises/barbell-back-squat': () =>
      json({
        id: 'barbell-back-squat',
        slug: 'barbell-back-squat',
        name: 'Barbell Back Squat',
        category: 'strength',
        primary_muscles: ['quads'],
        secondary_muscles: [],
        equipment: ['barbell'],
        log_type: 'weight_reps',
        custom: false,
      }),
  });
}

const renderToday = () => renderWithApp(<TodayPage username="ann" timeZone="UTC" paths={paths} />);

describe('Today’s dashboard', () => {
  it('keeps the first actions on top, and shows this week against last with the change in words', async () => {
    api(dashboard());
    renderToday();

    expect(screen.getByRole('link', { name: 'Start a workout' })).toHaveAttribute('href', '/log');
    const week = await screen.findByRole('region', { name: 'This week against last' });
    const stats = within(week).getAllByRole('listitem');
    expect(stats.map((s) => s.textContent)).toEqual([
      'Sessions4▲ 1 more than last week',
      'Time3 h 25 min▼ 35 min less than last week',
      'Distance21.5 km= Same as last week',
      // 12,345.6 - 10,000 = 2,345.6, whole kilograms.
      'Volume lifted12,346 kg▲ 2,346 kg more than last week',
    ]);
    // The first actions come before the dashboard in the page.
    const start = screen.getByRole('link', { name: 'Start a workout' });
    expect(start.compareDocumentPosition(week) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows each goal with a progress bar, its amounts, whether it is on track or reached, and the server’s sentence', async () => {
    api(dashboard());
    renderToday();

    const goals = await screen.findByRole('region', { name: 'Goals' });
    const run = within(goals).getByRole('progressbar', { name: 'Run 30 km a week' });
    expect(run).toHaveAttribute('value', '0.5');
    expect(run).toHaveAttribute('aria-valuetext', '50%');
    const [runItem, squatItem] = within(goals).getAllByRole('listitem');
    expect(runItem).toHaveTextContent('15 km of 30 km');
    expect(runItem).toHaveTextContent('This week');
    expect(runItem).toHaveTextContent('On track');
    expect(runItem).toHaveTextContent('At this pace you reach 30 km on 6 December.');
    // Beaten: the bar is full, the text says by how much.
    const squat = within(goals).getByRole('progressbar', { name: 'Squat 140 kg' });
    expect(squat).toHaveAttribute('value', '1');
    expect(squat).toHaveAttribute('aria-valuetext', '102%');
    expect(squatItem).toHaveTextContent('142.5 kg of 140 kg');
    expect(squatItem).toHaveTextContent('Reached');
    expect(squatItem).toHaveTextContent('By Mar 31, 2027');
    expect(squatItem).not.toHaveTextContent('On track');
    expect(within(goals).getByRole('link', { name: 'All goals' })).toHaveAttribute('href', '/goals');
  });

  it('lists the recent records in the user’s units, with the one beaten and a link to the workout', async () => {
    api(dashboard());
    renderToday();

    const records = await screen.findByRole('region', { name: 'Recent records' });
    const squat = await within(records).findByRole('link', { name: 'Barbell Back Squat: Estimated 1RM' });
    expect(squat).toHaveAttribute('href', '/workouts/w9');
    expect(within(records).getByRole('link', { name: 'All records' })).toHaveAttribute('href', '/records');
    const [squatItem, runItem] = within(records).getAllByRole('listitem');
    expect(squatItem).toHaveTextContent('142.5 kg');
    expect(squatItem).toHaveTextContent('Dec 3, 2026 · before: 140 kg');
    // 1350 s over 5 km.
    expect(within(records).getByRole('link', { name: 'Run: 5 km best effort' })).toHaveAttribute('href', '/workouts/w8');
    expect(runItem).toHaveTextContent('22:30');
    expect(runItem).toHaveTextContent('Dec 1, 2026 · first record');
  });

  it('shows weights and distances in pounds and miles for the imperial system', async () => {
    unitSystemStore.set('imperial');
    fakeApi({
      'GET /api/v1/me': () => json({ ...testUser, preferences: { ...testUser.preferences, weight_unit: 'lb', distance_unit: 'mi' } }),
      'GET /api/v1/dashboard': () => json(dashboard()),
      'GET /api/v1/exercises/barbell-back-squat': () => json({ id: 'barbell-back-squat', name: 'Barbell Back Squat' }),
    });
    renderToday();

    const goals = await screen.findByRole('region', { name: 'Goals' });
    // 15 km = 15000 / 1609.344 = 9.3206 mi; 30 km = 18.6411 mi; 142.5 kg = 314.158 lb, 140 kg = 308.647 lb.
    await waitFor(() => expect(within(goals).getAllByRole('listitem')[0]).toHaveTextContent('9.32 mi of 18.64 mi'));
    expect(within(goals).getAllByRole('listitem')[1]).toHaveTextContent('314.16 lb of 308.65 lb');
    const records = screen.getByRole('region', { name: 'Recent records' });
    expect(within(records).getAllByRole('listitem')[0]).toHaveTextContent('314.2 lb');
    const week = screen.getByRole('region', { name: 'This week against last' });
    // 21.5 km = 13.359 mi; 12,345.6 kg = 27,217.4 lb.
    expect(week).toHaveTextContent('13.36 mi');
    expect(week).toHaveTextContent('27,217 lb');
  });

  it('draws the last 26 weeks with a label per day, the summary, the streaks and a table of the training days', async () => {
    api(dashboard());
    renderToday();

    const calendar = await screen.findByRole('region', { name: 'Training calendar' });
    expect(within(calendar).getByRole('img', { name: 'Last 26 weeks: 2 training days, 3 sessions.' })).toBeInTheDocument();
    const titles = [...calendar.querySelectorAll('rect > title')].map((t) => t.textContent);
    // 25 full weeks and this one up to Sunday: 26 x 7 days.
    expect(titles).toHaveLength(182);
    expect(titles).toContain('Tue, Dec 1, 2026: 2 sessions, 1 h 30 min, load 300');
    expect(titles).toContain('Wed, Dec 2, 2026: rest');
    expect(titles[0]).toBe('Mon, Jun 8, 2026: rest');
    expect(calendar).toHaveTextContent('Days in a rownow 1, longest 9');
    expect(calendar).toHaveTextContent('Weeks in a rownow 5, longest 12');

    fireEvent.click(within(calendar).getByText('Training days as a table'));
    const details = calendar.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = await within(calendar).findByRole('table', { name: 'Training days of the last 26 weeks, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'DaySessionsTimeLoad',
      'Thu, Dec 3, 202611 h 0 min420',
      'Tue, Dec 1, 202621 h 30 min300',
    ]);
  });

  it('explains fitness, fatigue and form, gives today’s values, and hands the three lines to the chart', async () => {
    api(dashboard());
    renderToday();

    const load = await screen.findByRole('region', { name: 'Fitness, fatigue and form' });
    expect(load).toHaveTextContent('form is fitness minus fatigue');
    expect(load).toHaveTextContent('Today: fitness 37.2, fatigue 48.6, form -11.5.');
    expect(await within(load).findByText('Fitness, fatigue and form over the last 12 weeks')).toBeInTheDocument();
    const props = chartProps.last as {
      series: { label: string; points: { day: string; value: number }[] }[];
      formatValue: (value: number) => string;
      ranges: boolean;
      today: string;
    };
    expect(props.series.map((s) => s.label)).toEqual(['Fitness', 'Fatigue', 'Form']);
    expect(props.series[2]?.points).toEqual([
      { day: '2026-12-05', value: -17.46 },
      { day: '2026-12-06', value: -11.45 },
    ]);
    expect(props.formatValue(37.15)).toBe('37.2');
    expect(props.ranges).toBe(false);
    expect(props.today).toBe('2026-12-06');
  });

  it('invites a first goal, and says how records and load come, for a new user', async () => {
    api(
      dashboard({
        this_week: totals('2026-11-30', '2026-12-06', {}),
        last_week: totals('2026-11-23', '2026-11-29', {}),
        goals: [],
        recent_records: [],
        calendar: { from: '2026-06-08', to: '2026-12-06', days: [], streaks: { current_days: 0, longest_days: 0, current_weeks: 0, longest_weeks: 0 } },
        load: { from: '2026-09-14', to: '2026-12-06', items: [{ day: '2026-12-06', load: 0, acute: 0, chronic: 0, ratio: null, fitness: 0, fatigue: 0, form: 0 }] },
      }),
    );
    renderToday();

    const goals = await screen.findByRole('region', { name: 'Goals' });
    expect(within(goals).getByRole('link', { name: 'Set your first goal' })).toHaveAttribute('href', '/goals');
    expect(screen.getByRole('region', { name: 'Recent records' })).toHaveTextContent('No records yet');
    expect(screen.getByRole('region', { name: 'Training calendar' })).toHaveTextContent('No training in the last 26 weeks yet.');
    expect(screen.getByRole('region', { name: 'Fitness, fatigue and form' })).toHaveTextContent('Rate how hard each workout felt');
    // Neither week has distance or volume: only sessions and time.
    expect(within(screen.getByRole('region', { name: 'This week against last' })).getAllByRole('listitem')).toHaveLength(2);
    expect(chartProps.last).toBeUndefined();
  });

  it('says what went wrong and asks again on "Try again"', async () => {
    let fail = true;
    const fake = api(() => (fail ? problem(500) : json(dashboard())));
    renderToday();

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Goals' })).toBeInTheDocument();
    expect(fake.to('GET /api/v1/dashboard')).toHaveLength(2);
  });

  it('keeps showing the answer it has when asking again fails (offline, server down)', async () => {
    let fail = false;
    const fake = api(() => (fail ? problem(503) : json(dashboard())));
    const { queryClient } = renderToday();

    expect(await screen.findByRole('region', { name: 'Goals' })).toBeInTheDocument();
    fail = true;
    await act(() => queryClient.refetchQueries({ queryKey: ['stats', 'dashboard'] }));
    expect(queryClient.getQueryState(['stats', 'dashboard'])?.status).toBe('error');
    expect(fake.to('GET /api/v1/dashboard').length).toBeGreaterThanOrEqual(2);
    // The page has drawn the failed state (notifications reach components after a tick).
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByRole('region', { name: 'Goals' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
