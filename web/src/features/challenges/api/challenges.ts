import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Challenge = Schema<'Challenge'>;
export type ChallengeInput = Schema<'ChallengeInput'>;
export type ChallengePage = Schema<'ChallengePage'>;
export type ChallengeMetric = Schema<'ChallengeMetric'>;
export type Leaderboard = Schema<'ChallengeLeaderboard'>;
export type LeaderboardRow = Leaderboard['items'][number];
export type Membership = Schema<'ChallengeMembership'>;
export type ChallengeStatus = 'upcoming' | 'active' | 'ended';

/** The lists to show: by status, or the viewer's own (made, joined or invited to). */
export type ChallengeListKind = ChallengeStatus | 'mine';

/** Every challenge query starts with this key, so one invalidation refreshes them all. */
export const challengesQueryKey = ['challenges'] as const;

function path(id: string, rest = ''): string {
  return `/challenges/${encodeURIComponent(id)}${rest}`;
}

export function invalidateChallenges(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: challengesQueryKey });
}

/** GET /api/v1/challenges: the first page of a list, latest start first. */
export function listChallenges(kind: ChallengeListKind, { signal }: { signal?: AbortSignal } = {}): Promise<ChallengePage> {
  const query = kind === 'mine' ? { mine: 'true' } : { status: kind };
  return api.get<ChallengePage>('/challenges', { query: { ...query, limit: 50 }, signal });
}

// Boards move as members log workouts: every view asks again when the page is focused.
export function getChallengesQueryOptions(kind: ChallengeListKind) {
  return queryOptions({
    queryKey: [...challengesQueryKey, 'list', kind],
    queryFn: ({ signal }) => listChallenges(kind, { signal }),
    refetchOnWindowFocus: 'always',
  });
}

export function useChallenges(kind: ChallengeListKind) {
  return useQuery(getChallengesQueryOptions(kind));
}

export function getChallengeQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...challengesQueryKey, 'one', id],
    queryFn: ({ signal }) => api.get<Challenge>(path(id), { signal }),
    refetchOnWindowFocus: 'always',
  });
}

export function useChallenge(id: string) {
  return useQuery(getChallengeQueryOptions(id));
}

export function getLeaderboardQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...challengesQueryKey, 'leaderboard', id],
    queryFn: ({ signal }) => api.get<Leaderboard>(path(id, '/leaderboard'), { signal }),
    refetchOnWindowFocus: 'always',
  });
}

export function useLeaderboard(id: string) {
  return useQuery(getLeaderboardQueryOptions(id));
}

export function useCreateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChallengeInput) => api.post<Challenge>('/challenges', { body: input }),
    onSuccess: (challenge) => {
      queryClient.setQueryData(getChallengeQueryOptions(challenge.id).queryKey, challenge);
      return invalidateChallenges(queryClient);
    },
  });
}

export function useDeleteChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(path(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: getChallengeQueryOptions(id).queryKey });
      return invalidateChallenges(queryClient);
    },
  });
}

/** PUT membership: join, or change whether my private workouts show on the board. */
export function useJoinChallenge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (countPrivate: boolean) =>
      api.put<Membership>(path(id, '/membership'), { body: { count_private: countPrivate } }),
    onSuccess: () => invalidateChallenges(queryClient),
  });
}

export function useLeaveChallenge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(path(id, '/membership')),
    onSuccess: () => invalidateChallenges(queryClient),
  });
}

export function useInviteToChallenge(id: string) {
  return useMutation({
    mutationFn: (username: string) =>
      api.post<Schema<'ChallengeInvite'>>(path(id, '/invites'), { body: { username } }),
  });
}
