import type { Challenge, Leaderboard } from '../api/challenges';

export function challengeFixture(overrides: Partial<Challenge> = {}): Challenge {
  return {
    id: 'c1',
    title: 'December miles',
    description: 'Run as far as you can.',
    metric: 'distance',
    sport: 'run',
    starts_on: '2026-12-01',
    ends_on: '2026-12-31',
    time_zone: 'Europe/Berlin',
    starts_at: '2026-11-30T23:00:00.000Z',
    ends_at: '2026-12-31T23:00:00.000Z',
    target: 100000,
    access: 'public',
    club_id: null,
    status: 'active',
    creator: { username: 'alice', display_name: 'Alice', avatar_url: null },
    member_count: 2,
    joined: true,
    invited: false,
    count_private: false,
    progress: 12500,
    created_at: '2026-11-20T10:00:00.000Z',
    updated_at: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function leaderboardFixture(overrides: Partial<Leaderboard> = {}): Leaderboard {
  return {
    challenge_id: 'c1',
    metric: 'distance',
    target: 100000,
    items: [
      { rank: 1, member: { username: 'bob', display_name: 'Bob', avatar_url: null }, value: 42195, is_viewer: false },
      { rank: 2, member: { username: 'me', display_name: 'Me Myself', avatar_url: null }, value: 12500, is_viewer: true },
    ],
    own_progress: 12500,
    own_rank: 2,
    ...overrides,
  };
}
