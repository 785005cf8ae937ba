// Journeys: a new user signs up on a phone, confirms the address from the real mail,
// turns on two-factor authentication and signs in with it (a wrong code is refused, a
// recovery code works once); an admin finds the user and disables the account, and the
// user's session stops working. The built app (web/dist) runs on the real server binary,
// which sends its mail to a real SMTP server (aiosmtpd) whose Maildir the test reads.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { createUser, startServer } from './support/server.mjs';
import { startSmtpSink } from './support/smtp.mjs';
import { totpCode } from './support/totp.mjs';
import { checkPage, screenshotDir } from './support/page.mjs';

const admin = { username: 'admin', email: 'admin@example.org', password: 'keeper of the instance keys' };
const user = { username: 'rosa_runs', email: 'rosa@example.org', password: 'strides and sprints 2025' };

/** A 6-digit code that is none of the codes valid around now. */
function wrongCode(secret) {
  const valid = new Set([-1, 0, 1, 2].map((offset) => totpCode(secret, offset)));
  let code = 0;
  while (valid.has(String(code).padStart(6, '0'))) code += 1;
  return String(code).padStart(6, '0');
}

/** @param {import('playwright-core').Page} page */
async function fillCredentials(page, login, password) {
  await page.getByLabel('Username or email', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** @param {import('playwright-core').Page} page */
async function signOut(page, username) {
  await page.getByRole('button', { name: `Account menu: ${username}` }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  try {
    await page.getByRole('heading', { level: 1, name: 'Vigor' }).waitFor();
  } catch (e) {
    await page.screenshot({ path: '/tmp/signout-fail.png', fullPage: true });
    console.log('URL', page.url(), await page.locator('main').textContent());
    throw e;
  }
}

describe('accounts', () => {
  /** @type {Awaited<ReturnType<typeof startSmtpSink>>} */
  let smtp;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** The new user's browser, and the admin's (separate cookie jars). */
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let userBrowser;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let adminBrowser;
  /** @type {import('playwright-core').Page} */
  let userPage;
  /** @type {string[]} */
  let userPageErrors = [];
  /** Set by the first journey for the second. */
  let recoveryCodes = [];
  let signedInWithRecoveryCode = false;

  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
    smtp = await startSmtpSink();
    server = await startServer({
      prepare: (where) => createUser({ ...where, ...admin, admin: true }),
      args: ({ baseUrl }) => [
        '--smtp-url',
        smtp.url,
        '--smtp-from',
        'vigor@localhost',
        '--public-url',
        baseUrl,
        '--access-log',
        'false',
      ],
    });
    [userBrowser, adminBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    userPage = await userBrowser.context.newPage();
    userPageErrors = collectPageErrors(userPage);
    await userPage.setViewportSize(viewports.phone);
  });

  after(async () => {
    try {
      await Promise.all([userBrowser?.close(), adminBrowser?.close()]);
    } finally {
      await server?.stop();
      await smtp?.stop();
    }
  });

  test('a new user signs up on a phone, confirms the email, turns on two-factor and signs in with it', async () => {
    const page = userPage;
    const base = server.baseUrl;

    // Sign up.
    await page.goto(`${base}/signup`);
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await checkPage(page, 'signup');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    // Explicit consent to the processing of health data, for the policy version linked next to it.
    await page.getByRole('link', { name: 'Read the privacy policy (version 1)' }).waitFor();
    await page.getByRole('checkbox', { name: /^I consent to the processing of my health data/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await checkPage(page, 'signup-check-email');

    // The confirmation mail, through real SMTP; the token is in the fragment.
    const mail = await smtp.waitForMail((m) => m.headers.to === user.email);
    const link = mail.body.match(/https?:\/\/\S+\/verify-email#token=[\w-]+/)?.[0];
    assert.ok(link, `no verification link in the mail:\n${mail.body}`);
    assert.ok(link.startsWith(`${base}/verify-email#token=`), `link ${link} should use --public-url ${base}`);

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Email confirmed' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is cleared from the address bar');
    await checkPage(page, 'verify-email');

    // Sign in with the password.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await checkPage(page, 'login');
    await fillCredentials(page, user.username, user.password);
    await page.getByRole('heading', { level: 1, name: `Hello, ${user.username}` }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await checkPage(page, 'today');

    // The security page, from the account menu.
    await page.getByRole('button', { name: `Account menu: ${user.username}` }).click();
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
    await page.getByText('This device').waitFor();
    await page.getByText('Signed in', { exact: true }).first().waitFor();
    await checkPage(page, 'security');

    // Two-factor set-up: password, the key (QR code and text), a code, the recovery codes.
    const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
    await twoFactor.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await twoFactor.getByLabel('Password', { exact: true }).fill(user.password);
    await twoFactor.getByRole('button', { name: 'Continue' }).click();
    await twoFactor.getByRole('img', { name: 'QR code to add Vigor to an authenticator app' }).waitFor();
    const secret = ((await twoFactor.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await checkPage(page, 'security-totp-setup');
    await twoFactor.getByLabel('6-digit code from the app').fill(totpCode(secret));
    await twoFactor.getByRole('button', { name: 'Turn on' }).click();
    const codeList = twoFactor.getByRole('list', { name: 'Recovery codes' });
    await codeList.waitFor();
    recoveryCodes = (await codeList.locator('code').allTextContents()).map((c) => c.trim());
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    await checkPage(page, 'security-recovery-codes');
    await twoFactor.getByRole('button', { name: 'I have saved my codes' }).click();
    await codeList.waitFor({ state: 'detached' });
    await twoFactor.getByRole('button', { name: 'Turn off two-factor authentication' }).waitFor();

    // Signed out, the password alone is not enough any more.
    await signOut(page, user.username);
    const me = await page.request.get(`${base}/api/v1/me`);
    assert.equal(me.status(), 401, 'signed out for the server too');
    await page.goto(`${base}/login`);
    await fillCredentials(page, user.email, user.password);
    const code = page.getByLabel('6-digit code');
    await code.waitFor();
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    await checkPage(page, 'login-totp');

    // A wrong code is refused, with a message; the right one signs in. (The code that turned
    // two-factor on cannot be used again, so this is the next time step's: the server takes
    // one step either side.)
    await code.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /That code is not right/);
    await checkPage(page, 'login-totp-wrong-code');
    await code.fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${user.username}` }).waitFor();

    // A recovery code signs in too.
    await signOut(page, user.username);
    await page.goto(`${base}/login`);
    await fillCredentials(page, user.username, user.password);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await checkPage(page, 'login-recovery-code');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${user.username}` }).waitFor();
    signedInWithRecoveryCode = true;

    assert.deepEqual(userPageErrors, []);
  });

  test('a recovery code works only once', async (t) => {
    if (!signedInWithRecoveryCode) return t.skip('needs the first journey');
    // In another browser (the admin's, before the admin signs in there): the same code again.
    const page = await adminBrowser.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.setViewportSize(viewports.phone);
      await page.goto(`${server.baseUrl}/login`);
      await fillCredentials(page, user.username, user.password);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Verify' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      assert.match((await refusal.textContent()) ?? '', /That recovery code is not right, or it was used already/);
      assert.equal(new URL(page.url()).pathname, '/login');
      await checkPage(page, 'login-recovery-code-used');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test("an admin finds the user and disables the account; the user's session stops working", async (t) => {
    if (!signedInWithRecoveryCode) return t.skip('needs the first journey');
    const base = server.baseUrl;
    const page = await adminBrowser.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.setViewportSize(viewports.desktop);
      await page.goto(`${base}/login`);
      await fillCredentials(page, admin.username, admin.password);
      // The admin was made with `vigor user create`: asked for consent at the first sign-in.
      await page.getByRole('heading', { level: 1, name: 'Your consent' }).waitFor();
      await checkPage(page, 'consent');
      await page.getByRole('button', { name: 'I consent (version 1)' }).click();
      await page.getByRole('heading', { level: 1, name: `Hello, ${admin.username}` }).waitFor();

      await page.getByRole('button', { name: `Account menu: ${admin.username}` }).click();
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByRole('heading', { level: 2, name: admin.username }).waitFor();
      await checkPage(page, 'admin-users');

      await page.getByLabel('Search users').fill('rosa');
      await page.waitForURL(/\?q=rosa$/);
      // Only the user who matches is left (the list updates once the answer is in).
      await page.waitForFunction(() => document.querySelectorAll('article').length === 1);
      const card = page.getByRole('article', { name: user.username });
      await card.waitFor();
      assert.match((await card.textContent()) ?? '', new RegExp(user.email));
      await card.getByRole('button', { name: `Disable ${user.username}` }).click();
      await card.getByText('Account disabled: its sessions and tokens stopped working.').waitFor();
      await card.getByRole('button', { name: `Enable ${user.username}` }).waitFor();
      await checkPage(page, 'admin-users-disabled');

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Instance settings' }).waitFor();
      await page.getByRole('radio', { name: 'Open' }).waitFor();
      await page.getByRole('button', { name: 'Create invite code' }).click();
      await page.getByTestId('invite-code').waitFor();
      await checkPage(page, 'admin-settings');

      // The privacy policy the admin edits: the version Vigor shipped.
      await page.getByRole('link', { name: 'Privacy policy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Privacy policy' }).waitFor();
      await page.getByText('Version 1, published').waitFor();
      await checkPage(page, 'admin-privacy-policy');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }

    // The user's browser is still on Today, signed in with the recovery code: its session is gone.
    const userMe = await userPage.request.get(`${base}/api/v1/me`);
    assert.equal(userMe.status(), 401, "the disabled user's session no longer works");
    await userPage.goto(`${base}/settings/security`);
    await userPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.equal(new URL(userPage.url()).search, '?next=%2Fsettings%2Fsecurity');
    assert.deepEqual(userPageErrors, []);
  });

  test('a forgotten password is reset from the mailed link', async () => {
    const base = server.baseUrl;
    const page = await adminBrowser.context.newPage();
    const errors = collectPageErrors(page);
    const newPassword = 'a fresh passphrase for the keeper';
    try {
      await page.setViewportSize(viewports.phone);
      await page.goto(`${base}/forgot-password`);
      await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
      await checkPage(page, 'forgot-password');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText('If an account exists for that address').waitFor();

      const mail = await smtp.waitForMail((m) => m.headers.to === admin.email && /reset-password#token=/.test(m.body));
      const link = mail.body.match(/https?:\/\/\S+\/reset-password#token=[\w-]+/)?.[0];
      assert.ok(link, `no reset link in the mail:\n${mail.body}`);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'the token is cleared from the address bar');
      await checkPage(page, 'reset-password');
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Password changed' }).waitFor();

      await page.getByRole('link', { name: 'Sign in' }).click();
      await fillCredentials(page, admin.username, newPassword);
      await page.getByRole('heading', { level: 1, name: `Hello, ${admin.username}` }).waitFor();

      // The link works once.
      await page.goto(link);
      await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      await checkPage(page, 'reset-password-used');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
