import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, testUser } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { MePage } from './me-page';
import { TimeZoneNotice } from './time-zone-notice';

const paths = {
  history: '/workouts',
  routines: '/routines',
  programs: '/programs',
  exercises: '/exercises',
  import: '/import',
  body: '/body',
  security: '/settings/security',
  goals: '/goals',
  records: '/records',
  people: '/community/people',
  profile: '/settings/profile',
  privacy: '/settings/privacy',
};
const imperialUser = {
  ...testUser,
  preferences: { ...testUser.preferences, weight_unit: 'lb', distance_unit: 'mi' },
};

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('MePage units', () => {
  it('shows the units of the profile and saves a change with PATCH /me', async () => {
    let current: typeof testUser | typeof imperialUser = testUser;
    const api = fakeApi({
      'GET /api/v1/me': () => json(current),
      'PATCH /api/v1/me': () => {
        current = imperialUser;
        return json(imperialUser);
      },
    });
    renderWithApp(<MePage me={testUser} paths={paths} />);
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Metric/ })).toBeChecked());

    fireEvent.click(screen.getByRole('radio', { name: /^Imperial/ }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(1));
    expect(api.to('PATCH /api/v1/me')[0]?.body).toEqual({ preferences: { weight_unit: 'lb', distance_unit: 'mi' } });
    await waitFor(() => expect(api.to('GET /api/v1/me').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('radio', { name: /^Imperial/ })).toBeChecked();
  });

  it('says so when the change could not be saved', async () => {
    fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'PATCH /api/v1/me': () => problem(500, { title: 'Internal Server Error' }),
    });
    renderWithApp(<MePage me={testUser} paths={paths} />);
    fireEvent.click(await screen.findByRole('radio', { name: /^Imperial/ }));
    expect(await screen.findByText('Your units could not be saved.')).toBeInTheDocument();
  });
});

describe('TimeZoneNotice', () => {
  function deviceZone(timeZone: string) {
    const real = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...real.call(this), timeZone };
    });
  }

  it('offers the device zone to a profile still in UTC and sets it only when asked', async () => {
    deviceZone('Europe/Berlin');
    const api = fakeApi({
      'PATCH /api/v1/me': () => json({ ...testUser, preferences: { ...testUser.preferences, time_zone: 'Europe/Berlin' } }),
      'GET /api/v1/me': () => json({ ...testUser, preferences: { ...testUser.preferences, time_zone: 'Europe/Berlin' } }),
    });
    renderWithApp(<TimeZoneNotice me={testUser} />);
    expect(screen.getByText('Use your time zone?')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Use Europe/Berlin' }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(1));
    expect(api.to('PATCH /api/v1/me')[0]?.body).toEqual({ preferences: { time_zone: 'Europe/Berlin' } });
    await waitFor(() => expect(screen.queryByText('Use your time zone?')).not.toBeInTheDocument());
  });

  it('keeps UTC when the user says so, and does not ask again', () => {
    deviceZone('Europe/Berlin');
    const api = fakeApi({});
    const first = renderWithApp(<TimeZoneNotice me={testUser} />);
    fireEvent.click(screen.getByRole('button', { name: 'Keep UTC' }));
    expect(screen.queryByText('Use your time zone?')).not.toBeInTheDocument();
    first.unmount();
    renderWithApp(<TimeZoneNotice me={testUser} />);
    expect(screen.queryByText('Use your time zone?')).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('says nothing when the profile has a zone or the device is in UTC', () => {
    deviceZone('Europe/Berlin');
    fakeApi({});
    renderWithApp(<TimeZoneNotice me={{ ...testUser, preferences: { ...testUser.preferences, time_zone: 'America/Denver' } }} />);
    expect(screen.queryByText('Use your time zone?')).not.toBeInTheDocument();
    vi.restoreAllMocks();
    deviceZone('UTC');
    renderWithApp(<TimeZoneNotice me={testUser} />);
    expect(screen.queryByText('Use your time zone?')).not.toBeInTheDocument();
  });
});
