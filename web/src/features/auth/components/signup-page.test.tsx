import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { SignupPage } from './signup-page';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

// The current privacy policy, which the consent box is for (version 3: not the shipped 1).
const policy = {
  'GET /api/v1/privacy-policy': () => json({ version: 3, text: '# Policy', published_at: '2026-01-01T00:00:00Z' }),
};
const consentLabel = 'I consent to the processing of my health data as described in the privacy policy.';

/** Ticks the consent box once the policy it is for has loaded. */
async function tick() {
  const box = await screen.findByRole('checkbox', { name: consentLabel });
  await waitFor(() => expect(box).toBeEnabled());
  fireEvent.click(box);
}

describe('SignupPage', () => {
  it('checks the fields before sending anything, and says what to fix next to each', async () => {
    const api = fakeApi({ ...policy });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    submit();
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Choose a username.')).toBeInTheDocument();
    expect(screen.getByText('Enter a password.')).toBeInTheDocument();
    expect(screen.getByText('Tick the box to consent; without it, Vigor cannot keep your data.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();

    fill('Email', 'ann@example');
    fill('Username', 'Ann!');
    fill('Password', 'short');
    submit();
    expect(await screen.findByText('Enter an email address like name@example.org.')).toBeInTheDocument();
    expect(screen.getByText('Use 3 to 30 lowercase letters (a–z), digits or underscores.')).toBeInTheDocument();
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();
    // The error is read with the input.
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('Use 3 to 30 lowercase letters'),
    );
    expect(api.to('POST /api/v1/auth/signup')).toHaveLength(0);
  });

  it('needs the consent box, links to the policy, and sends the version the box was ticked for', async () => {
    const api = fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () => json({ status: 'accepted', message: 'Sent.' }, 202),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    expect(await screen.findByRole('link', { name: 'Read the privacy policy (version 3)' })).toHaveAttribute(
      'href',
      '/privacy-policy',
    );
    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    submit();
    expect(await screen.findByText('Tick the box to consent; without it, Vigor cannot keep your data.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: consentLabel })).toHaveAttribute('aria-invalid', 'true');
    expect(api.to('POST /api/v1/auth/signup')).toHaveLength(0);

    await tick();
    submit();
    await screen.findByRole('heading', { name: 'Check your email' });
    expect(api.to('POST /api/v1/auth/signup')[0]?.body).toMatchObject({ consent_policy_version: 3 });
  });

  it('unticks the box and shows the field error when a newer policy was published meanwhile', async () => {
    fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(422, {
          type: 'urn:vigor:problem:validation',
          title: 'Invalid',
          detail: 'The request has invalid fields.',
          errors: [{ field: 'consent_policy_version', message: 'is not the current privacy policy' }],
        }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);
    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    await tick();
    submit();
    expect(await screen.findByText(/is not the current privacy policy/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: consentLabel })).not.toBeChecked();
  });

  it('shows the live length hint under the password, with no composition rules', () => {
    fakeApi({ ...policy });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    const password = screen.getByLabelText('Password', { exact: true });
    expect(password).toHaveAccessibleDescription(expect.stringContaining('At least 12 characters.'));
    fill('Password', 'abc');
    expect(password).toHaveAccessibleDescription('At least 12 characters: 3 so far.');
    fill('Password', 'all lowercase words');
    expect(password).toHaveAccessibleDescription('Long enough (12 or more characters).');
  });

  it('shows and hides the password', () => {
    fakeApi({ ...policy });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    const password = screen.getByLabelText('Password', { exact: true });
    expect(password).toHaveAttribute('type', 'password');
    fireEvent.click(screen.getByRole('button', { name: 'Show Password' }));
    expect(password).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide Password' })).toHaveAttribute('aria-pressed', 'true');
  });

  it("puts the server's field errors next to their inputs", async () => {
    const api = fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(409, {
          type: 'urn:vigor:problem:conflict',
          title: 'Conflict',
          detail: 'This username is taken.',
          errors: [
            { field: 'username', message: 'is taken' },
            { field: 'password', message: 'Do not use your username in the password.' },
          ],
        }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'ann ann ann ann');
    await tick();
    submit();

    expect(await screen.findByText('Username is taken')).toBeInTheDocument();
    expect(screen.getByText('Do not use your username in the password.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need another look');
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(api.to('POST /api/v1/auth/signup')[0]?.body).toEqual({
      email: 'ann@example.org',
      username: 'ann',
      password: 'ann ann ann ann',
      // The language the page is shown in and the browser's zone, so the account starts in them.
      locale: 'en',
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      consent_policy_version: 3,
    });
    expect(api.to('POST /api/v1/auth/signup')[0]?.headers.get('X-CSRF-Token')).toBe('test-csrf');
  });

  it('says "check your email" with the server\'s words after 202, whether or not the address was known', async () => {
    fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        json({ status: 'accepted', message: 'Check your inbox: we sent a link to confirm the address.' }, 202),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    await tick();
    submit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText('Check your inbox: we sent a link to confirm the address.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Password', { exact: true })).not.toBeInTheDocument();
  });

  it('asks for an invite code when registration is invite-only, and sends it', async () => {
    const api = fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () => json({ status: 'accepted', message: 'Sent.' }, 202),
    });
    renderWithApp(<SignupPage registration="invite_only" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    await tick();
    submit();
    expect(await screen.findByText('Fill this in.')).toBeInTheDocument();

    fill('Invite code', ' inv_123 ');
    submit();
    await screen.findByRole('heading', { name: 'Check your email' });
    expect(api.to('POST /api/v1/auth/signup')[0]?.body).toMatchObject({ invite_code: 'inv_123' });
  });

  it('has no invite field when registration is open', () => {
    fakeApi({ ...policy });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);
    expect(screen.queryByLabelText('Invite code')).not.toBeInTheDocument();
  });

  it('says clearly that registration is closed, instead of a form', () => {
    fakeApi({ ...policy });
    renderWithApp(<SignupPage registration="closed" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    const status = screen.getByRole('status');
    expect(within(status).getByText('Registration is closed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create account' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/login');
  });

  it('says "too many attempts" with the wait from Retry-After', async () => {
    fakeApi({
      ...policy,
      'POST /api/v1/auth/signup': () =>
        problem(429, { type: 'urn:vigor:problem:rate-limited', detail: 'Too many attempts.' }, { 'Retry-After': '152' }),
    });
    renderWithApp(<SignupPage registration="open" registrationPending={false} loginPath="/login" privacyPolicyPath="/privacy-policy" />);

    fill('Email', 'ann@example.org');
    fill('Username', 'ann');
    fill('Password', 'a long enough password');
    await tick();
    submit();

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 3 minutes.');
  });
});
