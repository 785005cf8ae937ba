// Moderation end to end: a user reports another user's profile, an admin suspends the owner for a
// day in /admin/moderation, the suspended user signs in to the suspension page, reads the decision
// and appeals once; the admin reverses in the appeals tab and the user's session works again.
// The report goes through the API from the reporter's page: ReportButton (web/src/components/report)
// is not placed on any page yet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { checkPage, consentIfAsked, signIn } from './support/page.mjs';
import { createUser, startServer } from './support/server.mjs';

const reporter = { username: 'rita', email: 'rita@example.com', password: 'correct horse battery staple' };
const offender = { username: 'otto', email: 'otto@example.com', password: 'another horse battery staple' };
const admin = { username: 'mod', email: 'mod@example.com', password: 'admin horse battery staple', admin: true };

/** A request of the signed-in page to the API, with the CSRF header; the answer's status and body. */
async function call(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
      const response = await fetch(apiPath, {
        method,
        headers: { ...(body == null ? {} : { 'Content-Type': 'application/json' }), 'X-CSRF-Token': decodeURIComponent(csrf) },
        ...(body == null ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, apiPath, body },
  );
}

describe('moderation', () => {
  let server;
  const browsers = [];
  const pages = {};
  const errors = {};

  before(async () => {
    server = await startServer({
      prepare: (where) => {
        for (const user of [reporter, offender, admin]) createUser({ ...where, ...user });
      },
      args: ['--access-log', 'false'],
    });
    for (const [name, user] of [['reporter', reporter], ['admin', admin], ['offender', offender]]) {
      const browser = await launchBrowser();
      browsers.push(browser);
      const page = await browser.context.newPage();
      errors[name] = collectPageErrors(page);
      await page.setViewportSize(viewports.desktop);
      if (name !== 'offender') await signIn(page, server.baseUrl, user);
      pages[name] = page;
    }
  });

  after(async () => {
    for (const browser of browsers) await browser.close().catch(() => {});
    await server?.stop();
  });

  test('report, suspend for a day, appeal once, reverse', async () => {
    const { reporter: pageR, admin: pageM, offender: pageO } = pages;

    // The reporter sees the profile and reports it.
    await pageR.goto(`${server.baseUrl}/u/${offender.username}`);
    await pageR.getByRole('heading', { level: 1 }).first().waitFor();
    const report = await call(pageR, 'POST', '/api/v1/reports', {
      kind: 'user',
      id: offender.username,
      reason: 'harassment',
      details: 'Rude bio',
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));

    // The admin decides: suspend for 1 day.
    await pageM.goto(`${server.baseUrl}/admin/moderation`);
    const card = pageM.locator('.moderation-card', {
      has: pageM.getByRole('heading', { level: 2, name: `A profile of ${offender.username}` }),
    });
    await card.waitFor();
    await card.getByText(`reported by ${reporter.username}`, { exact: false }).waitFor();
    await checkPage(pageM, 'moderation-queue');
    await card.getByLabel('Decision').selectOption('suspend');
    await card.getByLabel('Days of suspension').fill('1');
    await card.getByLabel('Note to the user (optional)').fill('Please keep it civil.');
    const before = Date.now();
    await card.getByRole('button', { name: 'Decide', exact: true }).click();
    await pageM.getByText('No open reports. Nothing to do.').waitFor();

    // The suspended user signs in to the suspension page with the decision.
    await pageO.goto(`${server.baseUrl}/login`);
    await pageO.getByLabel('Username or email', { exact: true }).fill(offender.username);
    await pageO.getByLabel('Password', { exact: true }).fill(offender.password);
    await pageO.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pageO.getByRole('heading', { level: 1, name: /^Your account is suspended until / }).waitFor();
    await pageO.getByText('Your account was suspended over your profile').waitFor();
    await pageO.getByText('Please keep it civil.', { exact: false }).first().waitFor();
    const me = await call(pageO, 'GET', '/api/v1/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    const until = Date.parse(me.body.suspended_until);
    assert.ok(Math.abs(until - (before + 86_400_000)) < 120_000, `suspended for a day: ${me.body.suspended_until}`);
    const closed = await call(pageO, 'GET', '/api/v1/workouts');
    assert.equal(closed.status, 403, `a suspended session reads nothing else: ${closed.status}`);
    await checkPage(pageO, 'moderation-suspended');

    // One appeal.
    await pageO.getByLabel('Appeal this decision').fill('That was a quote from a film.');
    await pageO.getByRole('button', { name: 'Send appeal', exact: true }).click();
    await pageO.getByText('Your appeal:').waitFor();
    await pageO.getByText('Pending', { exact: true }).waitFor();
    assert.equal(await pageO.getByLabel('Appeal this decision').count(), 0, 'one appeal only');
    const decisions = await call(pageO, 'GET', '/api/v1/me/moderation-decisions');
    assert.equal(decisions.status, 200, JSON.stringify(decisions.body));
    assert.equal(decisions.body.items.length, 1);
    assert.equal(decisions.body.items[0].action, 'suspend');
    const again = await call(pageO, 'POST', `/api/v1/me/moderation-decisions/${decisions.body.items[0].id}/appeal`, { text: 'Again' });
    assert.ok(again.status >= 400 && again.status < 500, `a second appeal is refused: ${again.status}`);

    // The admin reverses in the appeals tab.
    await pageM.getByRole('button', { name: 'Appeals', exact: true }).click();
    const appeal = pageM.locator('.moderation-card', {
      has: pageM.getByRole('heading', { level: 2, name: `${offender.username} appeals: Suspend` }),
    });
    await appeal.getByText('That was a quote from a film.').waitFor();
    await appeal.getByRole('button', { name: 'Reverse', exact: true }).click();
    await pageM.getByText('No pending appeals.').waitFor();

    // The same session works normally again.
    await pageO.goto(`${server.baseUrl}/`);
    // Made with `vigor user create` and suspended at the first sign-in: asked for consent now.
    await consentIfAsked(pageO);
    await pageO.getByRole('heading', { level: 1, name: `Hello, ${offender.username}` }).waitFor();
    const open = await call(pageO, 'GET', '/api/v1/workouts');
    assert.equal(open.status, 200, JSON.stringify(open.body));

    for (const [name, list] of Object.entries(errors)) assert.deepEqual(list, [], `${name}: page errors`);
  });
});
