import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

export type PrivacySettings = ResponseBody<'/me/privacy'>;
export type PrivacySettingsInput = RequestBody<'/me/privacy', 'put'>;
export type Visibility = PrivacySettings['workouts'];
export type PrivacyZone = ResponseBody<'/me/privacy-zones'>['items'][number];
export type PrivacyZoneInput = RequestBody<'/me/privacy-zones', 'post'>;
export type MyProfile = ResponseBody<'/me/profile'>;
export type MyProfileInput = RequestBody<'/me/profile', 'put'>;

export const visibilities: readonly Visibility[] = ['private', 'followers', 'public'];
/** The sports a per-sport default can name (as workouts validate them). */
export const sports = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'] as const;

const privacyKey = ['privacy'] as const;

export function usePrivacySettings() {
  return useQuery({
    queryKey: [...privacyKey, 'settings'],
    queryFn: ({ signal }) => api.get<PrivacySettings>('/me/privacy', { signal }),
  });
}

export function useUpdatePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PrivacySettingsInput) => api.put<PrivacySettings>('/me/privacy', { body: input }),
    onSuccess: (saved) => queryClient.setQueryData([...privacyKey, 'settings'], saved),
  });
}

export function usePrivacyZones() {
  return useQuery({
    queryKey: [...privacyKey, 'zones'],
    queryFn: ({ signal }) => api.get<{ items: PrivacyZone[] }>('/me/privacy-zones', { signal }),
  });
}

export function useCreateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PrivacyZoneInput) => api.post<PrivacyZone>('/me/privacy-zones', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...privacyKey, 'zones'] }),
  });
}

export function useDeleteZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/me/privacy-zones/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...privacyKey, 'zones'] }),
  });
}

export function useMyProfile() {
  return useQuery({
    queryKey: [...privacyKey, 'profile'],
    queryFn: ({ signal }) => api.get<MyProfile>('/me/profile', { signal }),
  });
}

export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MyProfileInput) => api.put<MyProfile>('/me/profile', { body: input }),
    onSuccess: (saved) => queryClient.setQueryData([...privacyKey, 'profile'], saved),
  });
}

/** PUT /api/v1/me/avatar with the file itself as the body (JPEG or PNG). */
export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.put<MyProfile>('/me/avatar', { raw: { body: file, contentType: file.type || 'image/jpeg' } }),
    onSuccess: (saved) => queryClient.setQueryData([...privacyKey, 'profile'], saved),
  });
}

export function useDeleteAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/me/avatar'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...privacyKey, 'profile'] }),
  });
}
