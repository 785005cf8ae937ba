import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody } from '@/lib/api/types';

/** GET /api/v1/users/{username}: a profile as the signed-in user may see it. */
export type UserProfile = ResponseBody<'/users/{username}'>;
/** A page of people: the directory, followers, following, requests, blocks, mutes. */
export type PersonPage = ResponseBody<'/users'>;
export type Person = PersonPage['items'][number];

export const peopleQueryKey = ['people'] as const;

const user = (username: string) => `/users/${encodeURIComponent(username)}`;

export function useUserProfile(username: string) {
  return useQuery({
    queryKey: [...peopleQueryKey, 'profile', username],
    queryFn: ({ signal }) => api.get<UserProfile>(user(username), { signal }),
  });
}

/** A list of people, page by page (`next_cursor`). `path` is under /api/v1. */
export function usePersonList(path: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...peopleQueryKey, 'list', path],
    queryFn: ({ pageParam, signal }) => {
      const separator = path.includes('?') ? '&' : '?';
      const target = pageParam ? `${path}${separator}cursor=${encodeURIComponent(pageParam)}` : path;
      return api.get<PersonPage>(target, { signal });
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
}

export const peopleLists = {
  directory: (query: string) => (query ? `/users?q=${encodeURIComponent(query)}` : '/users'),
  followers: (username: string) => `${user(username)}/followers`,
  following: (username: string) => `${user(username)}/following`,
  requests: '/me/follow-requests',
  blocks: '/me/blocks',
  mutes: '/me/mutes',
} as const;

/** What changes a relation: PUT/DELETE on follow, block and mute, and the follower actions under /me. */
export type PeopleAction =
  | { kind: 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute'; username: string }
  | { kind: 'approve' | 'decline' | 'removeFollower'; username: string };

function perform(action: PeopleAction): Promise<unknown> {
  const u = encodeURIComponent(action.username);
  switch (action.kind) {
    case 'follow':
      return api.put(`/users/${u}/follow`);
    case 'unfollow':
      return api.delete(`/users/${u}/follow`);
    case 'block':
      return api.put(`/users/${u}/block`);
    case 'unblock':
      return api.delete(`/users/${u}/block`);
    case 'mute':
      return api.put(`/users/${u}/mute`);
    case 'unmute':
      return api.delete(`/users/${u}/mute`);
    case 'approve':
      return api.post(`/me/follow-requests/${u}/approve`);
    case 'decline':
      return api.delete(`/me/follow-requests/${u}`);
    case 'removeFollower':
      return api.delete(`/me/followers/${u}`);
  }
}

export function usePeopleAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: perform,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
