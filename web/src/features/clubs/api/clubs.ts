import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Club = Schema<'Club'>;
export type ClubPage = Schema<'ClubPage'>;
export type ClubInput = Schema<'ClubInput'>;
export type ClubPatch = Schema<'ClubPatch'>;
export type ClubMember = Schema<'ClubMember'>;
export type ClubMemberPage = Schema<'ClubMemberPage'>;
export type ClubPost = Schema<'ClubPost'>;
export type ClubPostPage = Schema<'ClubPostPage'>;
export type ClubChallengePage = Schema<'ChallengePage'>;

/** Every clubs query starts with this key, so one invalidation refreshes them all. */
export const clubsQueryKey = ['clubs'] as const;

const clubPath = (id: string) => `/clubs/${encodeURIComponent(id)}`;
const memberPath = (id: string, username: string) => `${clubPath(id)}/members/${encodeURIComponent(username)}`;
const requestPath = (id: string, username: string) => `${clubPath(id)}/requests/${encodeURIComponent(username)}`;

/** GET /api/v1/clubs: public clubs and yours (mine: only yours), filtered by name. */
export function useClubs(q: string, mine: boolean) {
  return useInfiniteQuery({
    queryKey: [...clubsQueryKey, 'list', q, mine],
    queryFn: ({ pageParam, signal }) =>
      api.get<ClubPage>('/clubs', {
        query: { limit: 30, ...(q ? { q } : {}), ...(mine ? { mine: 'true' } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useClub(id: string) {
  return useQuery({
    queryKey: [...clubsQueryKey, 'club', id],
    queryFn: ({ signal }) => api.get<Club>(clubPath(id), { signal }),
  });
}

/** Members, requests (admins) and posts: only fetched when the caller may read them. */
export function useClubMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...clubsQueryKey, 'members', id],
    queryFn: ({ signal }) => api.get<ClubMemberPage>(`${clubPath(id)}/members`, { query: { limit: 100 }, signal }),
    enabled,
  });
}

export function useClubRequests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...clubsQueryKey, 'requests', id],
    queryFn: ({ signal }) => api.get<ClubMemberPage>(`${clubPath(id)}/requests`, { query: { limit: 100 }, signal }),
    enabled,
  });
}

export function useClubPosts(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...clubsQueryKey, 'posts', id],
    queryFn: ({ pageParam, signal }) =>
      api.get<ClubPostPage>(`${clubPath(id)}/posts`, {
        query: pageParam ? { limit: 30, cursor: pageParam } : { limit: 30 },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
}

/** Every write of a club refreshes every clubs query (the card's counts, lists, members). */
function useClubWrite<TInput, TResult>(write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clubsQueryKey }),
  });
}

export const useCreateClub = () => useClubWrite((input: ClubInput) => api.post<Club>('/clubs', { body: input }));
export const useUpdateClub = (id: string) => useClubWrite((patch: ClubPatch) => api.patch<Club>(clubPath(id), { body: patch }));
export const useDeleteClub = (id: string) => useClubWrite(() => api.delete<void>(clubPath(id)));
export const useJoinClub = (id: string) => useClubWrite(() => api.put<Club>(`${clubPath(id)}/membership`));
export const useLeaveClub = (id: string) => useClubWrite(() => api.delete<void>(`${clubPath(id)}/membership`));
export const useApproveRequest = (id: string) =>
  useClubWrite((username: string) => api.post<ClubMember>(`${requestPath(id, username)}/approve`));
export const useDeclineRequest = (id: string) => useClubWrite((username: string) => api.delete<void>(requestPath(id, username)));
export const useSetRole = (id: string) =>
  useClubWrite(({ username, role }: { username: string; role: ClubMember['role'] }) =>
    api.patch<ClubMember>(memberPath(id, username), { body: { role } }),
  );
export const useRemoveMember = (id: string) => useClubWrite((username: string) => api.delete<void>(memberPath(id, username)));
export const useCreatePost = (id: string) =>
  useClubWrite((body: string) => api.post<ClubPost>(`${clubPath(id)}/posts`, { body: { body } }));
export const useDeletePost = (id: string) =>
  useClubWrite((postId: string) => api.delete<void>(`${clubPath(id)}/posts/${encodeURIComponent(postId)}`));

/**
 * GET /api/v1/challenges?club_id=: the club's challenges (the first 50). Keyed under the challenges'
 * own key, so creating or joining a challenge refreshes this list too.
 */
export function useClubChallenges(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['challenges', 'club', id],
    queryFn: ({ signal }) => api.get<ClubChallengePage>('/challenges', { query: { club_id: id, limit: 50 }, signal }),
    enabled,
  });
}
