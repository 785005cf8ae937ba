import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, testUser, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { TrainingPreferences } from './training-preferences';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

const me = {
  ...testUser,
  preferences: { ...testUser.preferences, birth_year: 1990, max_heart_rate: 190, resting_heart_rate: 55 },
};

/** PATCH /me that keeps what it is sent, as the server does. */
function meApi() {
  let current = me;
  return fakeApi({
    'GET /api/v1/me': () => json(current),
    'PATCH /api/v1/me': (request: FakeRequest) => {
      const { preferences } = request.body as { preferences: Record<string, unknown> };
      current = { ...current, preferences: { ...current.preferences, ...preferences } } as typeof me;
      return json(current);
    },
  });
}

describe('training preferences', () => {
  it('saves the week start and the one-rep-max formula each on its own', async () => {
    const api = meApi();
    renderWithApp(<TrainingPreferences me={me} />);
    expect(screen.getByRole('radio', { name: 'Monday' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Sunday' }));
    expect(screen.getByRole('radio', { name: 'Sunday' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: /^Brzycki/ }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(2));
    expect(api.to('PATCH /api/v1/me').map((r) => r.body)).toEqual([
      { preferences: { week_start: 'sunday' } },
      { preferences: { one_rep_max_formula: 'brzycki' } },
    ]);
  });

  it('saves a heart rate typed, and forgets one cleared (null)', async () => {
    const api = meApi();
    renderWithApp(<TrainingPreferences me={me} />);
    const max = screen.getByLabelText('Maximum heart rate');
    fireEvent.change(max, { target: { value: '186' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Maximum heart rate' }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(1));
    expect(api.to('PATCH /api/v1/me')[0]?.body).toEqual({ preferences: { max_heart_rate: 186 } });

    fireEvent.change(screen.getByLabelText('Resting heart rate'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Resting heart rate' }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(2));
    expect(api.to('PATCH /api/v1/me')[1]?.body).toEqual({ preferences: { resting_heart_rate: null } });
  });

  it("shows the server's objection next to the field it names", async () => {
    fakeApi({
      'PATCH /api/v1/me': () =>
        problem(422, {
          title: 'Unprocessable Content',
          errors: [{ field: 'preferences.resting_heart_rate', message: 'must be below your maximum heart rate' }],
        }),
    });
    renderWithApp(<TrainingPreferences me={me} />);
    const resting = screen.getByLabelText('Resting heart rate');
    fireEvent.change(resting, { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Resting heart rate' }));
    expect(await screen.findByText('Resting heart rate must be below your maximum heart rate')).toBeInTheDocument();
    expect(resting).toHaveAttribute('aria-invalid', 'true');
    // The other preferences are untouched and show no failure.
    const form = resting.closest('form') as HTMLElement;
    expect(within(form).queryByText('This could not be saved.')).not.toBeInTheDocument();
  });
});
