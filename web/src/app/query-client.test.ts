import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { meQueryKey } from '@/lib/auth/get-me';
import { createQueryClient } from './query-client';

/** Whether a failing query with `error` makes the app ask /me again. */
async function asksMeAgainAfter(error: ApiError): Promise<boolean> {
  const client = createQueryClient();
  client.setQueryData(meQueryKey, { id: 'u1' });
  await client
    .fetchQuery({
      queryKey: ['workouts'],
      queryFn: () => Promise.reject(error),
    })
    .catch(() => undefined);
  return client.getQueryState(meQueryKey)?.isInvalidated ?? false;
}

describe('createQueryClient', () => {
  it('asks /me again when the session ended or the account was suspended meanwhile, not on other refusals', async () => {
    expect(await asksMeAgainAfter(new ApiError({ status: 401, title: 'Unauthorized' }))).toBe(true);
    expect(await asksMeAgainAfter(new ApiError({ status: 403, title: 'Forbidden', code: 'account_suspended' }))).toBe(
      true,
    );
    expect(await asksMeAgainAfter(new ApiError({ status: 403, title: 'Forbidden', code: 'role_forbidden' }))).toBe(false);
  });
});
