import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, type FakeRequest } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { preferencesFixture } from '../lib/notification-fixtures';
import type { NotificationPreferences } from '../api/notifications';
import { NotificationSettingsPage } from './notification-settings-page';

/** A server that applies each change the way the real one does (what is left out stays). */
function server() {
  let prefs: NotificationPreferences = preferencesFixture();
  return fakeApi({
    'GET /api/v1/me/notification-preferences': () => json(prefs),
    'PUT /api/v1/me/notification-preferences': (r: FakeRequest) => {
      const body = r.body as { kinds?: Record<string, object>; digest?: object };
      const kinds = { ...prefs.kinds } as Record<string, { in_app: boolean; in_digest: boolean }>;
      for (const [kind, change] of Object.entries(body.kinds ?? {})) kinds[kind] = { ...kinds[kind]!, ...change };
      prefs = { kinds: kinds as NotificationPreferences['kinds'], digest: { ...prefs.digest, ...(body.digest ?? {}) } };
      return json(prefs);
    },
  });
}

describe('the notification settings', () => {
  it('turns one kind off in the app', async () => {
    const api = server();
    renderWithApp(<NotificationSettingsPage paths={{ notifications: '/notifications' }} />);
    const kudos = await screen.findByRole('checkbox', { name: 'Kudos in the app' });
    expect(kudos).toBeChecked();
    fireEvent.click(kudos);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Kudos in the app' })).not.toBeChecked());
    expect(api.to('PUT /api/v1/me/notification-preferences')[0]?.body).toEqual({ kinds: { kudos: { in_app: false } } });
    expect(screen.getByRole('checkbox', { name: 'Kudos in the daily email' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Comments in the app' })).toBeChecked();
  });

  it('turns the daily email on and sets its hour in the profile zone', async () => {
    const api = server();
    renderWithApp(<NotificationSettingsPage paths={{ notifications: '/notifications' }} />);
    const hour = await screen.findByRole('combobox', { name: 'Send it at' });
    expect(hour).toBeDisabled();
    expect(screen.getByText('Your time zone: Europe/Berlin')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /daily email with the notifications/ }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Send it at' })).toBeEnabled());
    fireEvent.change(screen.getByRole('combobox', { name: 'Send it at' }), { target: { value: '19' } });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Send it at' })).toHaveValue('19'));
    const puts = api.to('PUT /api/v1/me/notification-preferences').map((r) => r.body);
    expect(puts).toEqual([{ digest: { enabled: true } }, { digest: { hour: 19 } }]);
    expect(screen.getByRole('option', { name: '19:00' })).toBeInTheDocument();
  });
});
