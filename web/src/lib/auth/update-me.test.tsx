import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { exercisesQueryKey } from '@/lib/exercises/get-exercise';
import { fakeApi, json, testUser } from '@/testing/fake-api';
import { createTestQueryClient } from '@/testing/render';
import { useUpdateMe } from './update-me';

// The server names catalogue exercises in the profile's language: cached ones go stale with it.
describe('useUpdateMe', () => {
  function setUp() {
    fakeApi({
      'PATCH /api/v1/me': (request) => json({ ...testUser, preferences: { ...testUser.preferences, ...(request.body as { preferences: object }).preferences } }),
      'GET /api/v1/me': () => json(testUser),
    });
    const queryClient = createTestQueryClient();
    const detail = [...exercisesQueryKey, 'detail', 'pull-up'];
    queryClient.setQueryData(detail, { id: 'pull-up', name: 'Pull-Up' });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useUpdateMe(), { wrapper });
    return { result, isStale: () => queryClient.getQueryState(detail)?.isInvalidated };
  }

  it('refreshes the exercises when the language changes', async () => {
    const { result, isStale } = setUp();
    act(() => result.current.mutate({ preferences: { locale: 'de' } }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(isStale()).toBe(true);
  });

  it('keeps them for another preference', async () => {
    const { result, isStale } = setUp();
    act(() => result.current.mutate({ preferences: { weight_unit: 'lb' } }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(isStale()).toBe(false);
  });
});
