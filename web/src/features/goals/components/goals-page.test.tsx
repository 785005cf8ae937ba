import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { goalFixture } from '../lib/goal-fixtures';
import { GoalsPage } from './goals-page';

const paths = {
  goals: '/goals',
  newGoal: '/goals/new',
  goal: (id: string) => `/goals/${id}`,
  edit: (id: string) => `/goals/${id}/edit`,
};

afterEach(() => localStorage.clear());

const squat = goalFixture({
  id: 'g2',
  title: 'Squat 100 kg',
  metric: 'one_rep_max',
  target: 100,
  period: 'once',
  start_date: '2026-11-01',
  deadline: '2026-12-31',
  sport: null,
  exercise_id: 'barbell-back-squat',
  progress: {
    period_start: '2026-11-01',
    period_end: '2026-12-31',
    value: 102.5,
    target: 100,
    unit: 'kg',
    fraction: 1.025,
    reached: true,
    reached_at: '2026-12-03T18:30:00Z',
    on_track: true,
    projected_date: null,
    explanation: 'You reached 100 kg on 3 December.',
  },
});

function goalsApi(active: unknown[], archived: unknown[]) {
  return fakeApi({
    'GET /api/v1/goals': (request: FakeRequest) =>
      json({ items: request.query.get('status') === 'archived' ? archived : active }),
  });
}

describe('the goals page', () => {
  it('shows each active goal with its bar, value of target in the user units, state, projection and period', async () => {
    goalsApi([goalFixture(), squat], []);
    renderWithApp(<GoalsPage paths={paths} timeZone="Europe/Berlin" />);

    const run = (await screen.findByRole('link', { name: 'Run 20 km a week' })).closest('.goal-card') as HTMLElement;
    expect(within(run).getByText('12.5 km of 20 km')).toBeInTheDocument();
    expect(within(run).getByText('On track')).toBeInTheDocument();
    expect(within(run).getByText('At this pace you reach 20 km on 5 December.')).toBeInTheDocument();
    expect(within(run).getByText('This week: Nov 30, 2026 – Dec 6, 2026')).toBeInTheDocument();
    const bar = within(run).getByRole('progressbar', { name: 'Run 20 km a week' });
    expect(bar).toHaveAttribute('value', '0.625');
    expect(within(run).getByRole('link', { name: 'Run 20 km a week' })).toHaveAttribute('href', '/goals/g1');

    const lift = screen.getByRole('link', { name: 'Squat 100 kg' }).closest('.goal-card') as HTMLElement;
    expect(within(lift).getByText('102.5 kg of 100 kg')).toBeInTheDocument();
    expect(within(lift).getByText('Reached')).toBeInTheDocument();
    // 18:30 UTC is 19:30 in Berlin: still the 3rd.
    expect(within(lift).getByText('Reached on Dec 3, 2026.')).toBeInTheDocument();
    expect(within(lift).getByRole('progressbar')).toHaveAttribute('value', '1');
    expect(within(lift).getByText('From Nov 1, 2026 – Dec 31, 2026')).toBeInTheDocument();
  });

  it('shows distances and weights in miles and pounds for imperial units', async () => {
    unitSystemStore.set('imperial');
    goalsApi([goalFixture({ target: 16093.44, progress: { ...goalFixture().progress, value: 8046.72, target: 16093.44 } })], []);
    renderWithApp(<GoalsPage paths={paths} timeZone="UTC" />);
    expect(await screen.findByText('5 mi of 10 mi')).toBeInTheDocument();
  });

  it('shows a goal to go down as a value down to its target, in pounds for imperial units', async () => {
    unitSystemStore.set('imperial');
    goalsApi(
      [
        goalFixture({
          title: 'Lose weight',
          metric: 'body_weight',
          direction: 'decrease',
          period: 'once',
          target: 68.0388555,
          progress: { ...goalFixture().progress, value: 72.5747792, target: 68.0388555, unit: 'kg', on_track: null },
        }),
      ],
      [],
    );
    renderWithApp(<GoalsPage paths={paths} timeZone="UTC" />);
    // 72.5747792 kg = 160 lb and 68.0388555 kg = 150 lb (x / 0.45359237).
    expect(await screen.findByText('160 lb, down to 150 lb')).toBeInTheDocument();
    expect(screen.queryByText('On track')).not.toBeInTheDocument();
    expect(screen.queryByText('Behind')).not.toBeInTheDocument();
  });

  it('says what to do when there is no goal yet, and lists archived goals in their own section', async () => {
    goalsApi([], [goalFixture({ id: 'old', title: 'Old goal', archived: true })]);
    renderWithApp(<GoalsPage paths={paths} timeZone="UTC" />);
    expect(await screen.findByText('No goals yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set your first goal' })).toHaveAttribute('href', '/goals/new');
    const archived = screen.getByRole('region', { name: 'Archived goals' });
    expect(await within(archived).findByRole('link', { name: 'Old goal' })).toHaveAttribute('href', '/goals/old');
  });
});
