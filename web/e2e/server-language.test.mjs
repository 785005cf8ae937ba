// Journey "Speaking the user's language" (issue 10): a German visitor (the browser asks for
// German) signs up with a username that is taken. The server refuses it (409, problem+json) and
// its message is German, chosen from the Accept-Language the app sends, and the form shows that
// German message at the field, with no English word of the server's in it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney } from './support/page.mjs';

const existing = { username: 'greta_gruen', email: 'greta@example.org', password: 'Kniebeugen am Montag, immer' };

describe('server messages in the user’s language', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;

  before(async () => {
    journey = await openJourney({ user: existing, signedIn: false, browserOptions: { locale: 'de-DE' } });
  });

  after(async () => {
    await journey?.close();
  });

  test('sign-up with a taken username shows the server’s German message at the field', async () => {
    const { page, server, pageErrors } = journey;
    await page.goto(`${server.baseUrl}/signup`);
    await page.getByRole('heading', { level: 1, name: 'Konto erstellen' }).waitFor();
    await page.getByLabel('E-Mail', { exact: true }).fill('noch.eine@example.org');
    await page.getByLabel('Benutzername', { exact: true }).fill(existing.username);
    await page.getByLabel('Passwort', { exact: true }).fill('ein langes Passwort mit 5 Hanteln');
    await page.getByRole('link', { name: 'Datenschutzerklärung lesen (Version 1)' }).waitFor();
    await page.getByRole('checkbox', { name: /^Ich willige in die Verarbeitung meiner Gesundheitsdaten ein/ }).check();

    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/auth/signup');
    await page.getByRole('button', { name: 'Konto erstellen' }).click();
    const response = await answer;
    assert.equal(response.status(), 409);
    assert.match(response.request().headers()['accept-language'] ?? '', /^de\b/, 'the app asks for German');
    assert.equal(response.headers()['content-language'], 'de');
    const problem = await response.json();
    // Worked out from the catalogue's German (src/platform/i18n/catalogue.cpp), not read from it.
    assert.equal(problem.detail, 'Dieser Benutzername ist schon vergeben.');
    assert.deepEqual(
      problem.errors.map((e) => [e.field, e.message]),
      [['username', 'ist schon vergeben; wähle einen anderen']],
    );

    // On the form, at the field: German, and nothing of the English ("is taken; choose another").
    const field = page.getByLabel('Benutzername', { exact: true });
    await page.getByText('ist schon vergeben; wähle einen anderen', { exact: false }).first().waitFor();
    const described = await field.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    assert.match(described, /ist schon vergeben; wähle einen anderen/, 'the message belongs to the username field');
    assert.equal(await page.getByText(/is taken|choose another/).count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await checkPage(page, 'signup-taken-german');
    assert.deepEqual(pageErrors, []);
  });
});
