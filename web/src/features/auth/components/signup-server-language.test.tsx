import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { SignupPage } from './signup-page';

// The server writes its messages in the language the page asks for (Accept-Language, sent with
// every request): the page shows them as they come, German words in a German interface.

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

const policy = {
  'GET /api/v1/privacy-policy': () => json({ version: 1, text: '# Policy', published_at: '2026-01-01T00:00:00Z' }),
};

/** Ticks the consent box (the only checkbox) once the policy has loaded. */
async function tick() {
  const box = await screen.findByRole('checkbox');
  await waitFor(() => expect(box).toBeEnabled());
  fireEvent.click(box);
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('SignupPage in German', () => {
  it('asks for German and shows the server’s German field message as sent', async () => {
    await i18n.changeLanguage('de');
    const api = fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(409, {
          type: 'urn:vigor:problem:conflict',
          title: 'Conflict',
          status: 409,
          code: 'username_taken_detail',
          detail: 'Dieser Benutzername ist schon vergeben.',
          errors: [{ field: 'username', code: 'username_taken', message: 'ist schon vergeben; wähle einen anderen' }],
        }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('E-Mail', 'anna@example.org');
    fill('Benutzername', 'anna');
    fill('Passwort', 'ein langes Passwort mit Wörtern');
    await tick();
    fireEvent.click(screen.getByRole('button', { name: 'Konto erstellen' }));

    expect(await screen.findByText('Benutzername ist schon vergeben; wähle einen anderen')).toBeInTheDocument();
    expect(screen.queryByText(/is taken/)).not.toBeInTheDocument();
    expect(api.to('POST /api/v1/auth/signup')[0]?.headers.get('Accept-Language')).toBe('de');
  });

  it('shows a German detail without fields as sent', async () => {
    await i18n.changeLanguage('de');
    fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(403, {
          type: 'urn:vigor:problem:forbidden',
          title: 'Forbidden',
          status: 403,
          code: 'signup_closed',
          detail: 'Diese Instanz nimmt keine neuen Konten auf.',
        }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('E-Mail', 'anna@example.org');
    fill('Benutzername', 'anna');
    fill('Passwort', 'ein langes Passwort mit Wörtern');
    await tick();
    fireEvent.click(screen.getByRole('button', { name: 'Konto erstellen' }));

    expect(await screen.findByText('Diese Instanz nimmt keine neuen Konten auf.')).toBeInTheDocument();
  });

  it('asks for English when the page is English', async () => {
    const api = fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(403, { type: 'urn:vigor:problem:forbidden', title: 'Forbidden', status: 403, code: 'signup_closed', detail: 'This instance does not accept new accounts.' }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    await tick();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('This instance does not accept new accounts.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/auth/signup')[0]?.headers.get('Accept-Language')).toBe('en');
  });
});
