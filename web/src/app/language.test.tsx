import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { fakeApi, json, testMeta, testUser, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { routes } from './routes';

const meta = () => json(testMeta);

/** A server whose profile keeps what PATCH /api/v1/me saves in it. */
function profileApi() {
  let user = { ...testUser, preferences: { ...testUser.preferences } };
  return fakeApi({
    'GET /api/v1/meta': meta,
    'GET /api/v1/me': () => json(user),
    'PATCH /api/v1/me': (request: FakeRequest) => {
      const { preferences } = request.body as { preferences: Partial<typeof user.preferences> };
      user = { ...user, preferences: { ...user.preferences, ...preferences } };
      return json(user);
    },
  });
}

afterEach(async () => {
  await i18n.changeLanguage('en');
  localStorage.clear();
});

describe('the profile’s language', () => {
  it('speaks the profile’s locale from the start, numbers included', async () => {
    fakeApi({
      'GET /api/v1/meta': meta,
      'GET /api/v1/me': () => json({ ...testUser, preferences: { ...testUser.preferences, locale: 'de' } }),
    });
    renderRoutes(routes, '/me');

    expect(await screen.findByRole('heading', { level: 2, name: 'Einstellungen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    // The weight step, formatted as German writes numbers.
    expect(screen.getByRole('combobox', { name: 'Gewichtsschritt' })).toHaveDisplayValue('2,5 kg');
  });

  it('switches the language when the user picks another, once the profile saved it', async () => {
    const api = profileApi();
    renderRoutes(routes, '/me');

    fireEvent.click(await screen.findByRole('radio', { name: 'Deutsch' }));
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(1));
    expect(api.to('PATCH /api/v1/me')[0]?.body).toEqual({ preferences: { locale: 'de' } });
    expect(await screen.findByRole('heading', { level: 2, name: 'Einstellungen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('radio', { name: 'Deutsch' })).toBeChecked();

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Preferences' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('saves the weight step', async () => {
    const api = profileApi();
    renderRoutes(routes, '/me');

    const select = await screen.findByRole('combobox', { name: 'Weight step' });
    expect(select).toHaveDisplayValue('2.5 kg');
    fireEvent.change(select, { target: { value: '1.25' } });
    await waitFor(() => expect(api.to('PATCH /api/v1/me')).toHaveLength(1));
    expect(api.to('PATCH /api/v1/me')[0]?.body).toEqual({ preferences: { weight_increment: 1.25 } });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Weight step' })).toHaveDisplayValue('1.25 kg'));
  });
});
