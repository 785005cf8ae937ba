import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem, testUser } from '@/testing/fake-api';
import { TwoFactorSection } from './two-factor-section';

const codes = Array.from({ length: 10 }, (_, i) => `code-${i}-xxxx`);
const setup = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauth_uri: 'otpauth://totp/Vigor:ann?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Vigor',
};

describe('TwoFactorSection', () => {
  it('sets up two-factor: password, QR code and key, a code, then the recovery codes once', async () => {
    let enableAttempts = 0;
    const api = fakeApi({
      'POST /api/v1/me/totp/setup': () => json(setup),
      'POST /api/v1/me/totp/enable': () => {
        enableAttempts += 1;
        return enableAttempts === 1
          ? problem(422, {
              type: 'urn:vigor:problem:validation',
              detail: 'The request has invalid fields.',
              errors: [{ field: 'code', message: 'is not right; check the time on your device' }],
            })
          : json({ recovery_codes: codes });
      },
      'GET /api/v1/me': () => json({ ...testUser, totp_enabled: true }),
    });
    renderWithApp(<TwoFactorSection me={testUser} />);

    expect(screen.getByText('Off')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));
    fireEvent.change(screen.getByLabelText('Password', { exact: true }), { target: { value: 'my password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const qr = await screen.findByRole('img', { name: 'QR code to add Vigor to an authenticator app' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(qr).not.toHaveAttribute('style');
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(api.to('POST /api/v1/me/totp/setup')[0]?.body).toEqual({ password: 'my password' });

    const code = screen.getByLabelText('6-digit code from the app');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    fireEvent.change(code, { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('6-digit code from the app is not right; check the time on your device')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('6-digit code from the app'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(list).toHaveTextContent('code-0-xxxx');
    expect(screen.getByText('They are shown only now.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download as a text file' })).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/totp/enable')[1]?.body).toEqual({ code: '123456' });

    fireEvent.click(screen.getByRole('button', { name: 'I have saved my codes' }));
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('code-0-xxxx');
  });

  it('puts a wrong password next to the password field', async () => {
    fakeApi({
      'POST /api/v1/me/totp/setup': () =>
        problem(422, {
          type: 'urn:vigor:problem:validation',
          detail: 'The request has invalid fields.',
          errors: [{ field: 'password', message: 'is not right' }],
        }),
    });
    renderWithApp(<TwoFactorSection me={testUser} />);

    fireEvent.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));
    fireEvent.change(screen.getByLabelText('Password', { exact: true }), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByText('Password is not right')).toBeInTheDocument();
  });

  it('turns two-factor off with the password and a code', async () => {
    const api = fakeApi({
      'POST /api/v1/me/totp/disable': () => new Response(null, { status: 204 }),
      'GET /api/v1/me': () => json(testUser),
    });
    renderWithApp(<TwoFactorSection me={{ ...testUser, totp_enabled: true }} />);

    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    fireEvent.change(screen.getByLabelText('Password', { exact: true }), { target: { value: 'my password' } });
    fireEvent.change(screen.getByLabelText('Code from the app or recovery code'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));

    expect(await screen.findByText('Two-factor authentication is off.')).toBeInTheDocument();
    expect(api.to('POST /api/v1/me/totp/disable')[0]?.body).toEqual({ password: 'my password', code: '123456' });
  });
});
