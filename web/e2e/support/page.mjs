// What every journey does with a page: sign in through the form, and check a visited page (no
// sideways scrolling, no serious axe finding, at phone, tablet and desktop size, with a screenshot of
// each for people to look at).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { seriousA11yViolationsInDocument } from './axe.mjs';
import { collectPageErrors, launchBrowser, viewports } from './browser.mjs';
import { backend, createUser, startServer, webDir } from './server.mjs';

/** One folder per database, so that the SQLite and the PostgreSQL runs keep their own. */
export const screenshotDir = path.join(webDir, 'e2e', 'screenshots', backend);

/**
 * What a journey starts from: the real server on a fresh data directory where `user` exists, and
 * a browser page of `viewport` size that collects page errors, signed in as `user` unless
 * `signedIn` is false. `close()` stops both.
 * @param {{ user: { username: string, email: string, password: string, admin?: boolean },
 *   viewport?: { width: number, height: number }, signedIn?: boolean,
 *   browserOptions?: Parameters<typeof launchBrowser>[0] }} options
 */
export async function openJourney({ user, viewport = viewports.phone, signedIn = true, browserOptions }) {
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startServer({
    prepare: (where) => createUser({ ...where, ...user }),
    args: ['--access-log', 'false'],
  });
  let browser;
  try {
    browser = await launchBrowser(browserOptions);
    const page = await browser.context.newPage();
    const pageErrors = collectPageErrors(page);
    await page.setViewportSize(viewport);
    if (signedIn) await signIn(page, server.baseUrl, user);
    return {
      server,
      browser,
      page,
      pageErrors,
      async close() {
        try {
          await browser.close();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * Signs in with the login form and waits for the Today page's greeting.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {{ username: string, password: string }} user
 */
export async function signIn(page, baseUrl, user) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Username or email', { exact: true }).fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await consentIfAsked(page);
  await page.getByRole('heading', { level: 1, name: `Hello, ${user.username}` }).waitFor();
}

/**
 * Accounts made with `vigor user create` have not consented to the processing of their health
 * data: their first sign-in shows the consent page before the app (issue 15). Consents there
 * when it shows; otherwise waits until the signed-in app (any page's navigation) is there.
 * @param {import('playwright-core').Page} page
 */
export async function consentIfAsked(page) {
  const consent = page.getByRole('heading', { level: 1, name: 'Your consent' });
  const app = page.getByRole('navigation').first();
  await consent.or(app).first().waitFor();
  if (await consent.isVisible()) {
    await page.getByRole('button', { name: /^I consent \(version \d+\)$/ }).click();
    await app.waitFor();
  }
}

/**
 * No sideways scrolling (naming what sticks out when there is), no serious or critical axe
 * violation, at phone, tablet and desktop size; a screenshot of each. The page goes back to the size
 * it had.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function checkPage(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [sizeName, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const culprits =
      overflow <= 0
        ? []
        : await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`),
          );
    assert.ok(overflow <= 0, `${name}: page is ${overflow}px wider than the ${viewport.width}px viewport: ${culprits.join(', ')}`);
    assert.deepEqual(await seriousA11yViolationsInDocument(page), [], `${name} (${sizeName}): accessibility`);
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${sizeName}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

const DAY_MS = 24 * 3600_000;
// Days from each week start to a Thursday: 1 January 1970 (day 0 of the epoch) was one.
const WEEK_OFFSET = { monday: 3, saturday: 5, sunday: 4 };

/** The number of the week (UTC) that `ms` falls in, for weeks starting on `weekStart`. */
export function weekIndex(ms, weekStart) {
  return Math.floor((ms / DAY_MS + WEEK_OFFSET[weekStart]) / 7);
}

/**
 * A week start under which the instants `from` and `to` (a few hours apart) fall in one week:
 * Monday unless a week begins between them (a test run in the first hours of a Monday), then
 * Saturday, else Sunday. Weekly goals' tests log their activity "an hour ago", which must be
 * this week whatever the hour the suite runs.
 */
export function weekStartHolding(from, to) {
  const found = Object.keys(WEEK_OFFSET).find((w) => weekIndex(from, w) === weekIndex(to, w));
  assert.ok(found, `no week start holds ${new Date(from).toISOString()} and ${new Date(to).toISOString()}`);
  return found;
}

/** Sets the signed-in user's week start through the API (PATCH /api/v1/me). */
export async function setWeekStart(page, weekStart) {
  const status = await page.evaluate(async (week_start) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
    const response = await fetch('/api/v1/me', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: JSON.stringify({ preferences: { week_start } }),
    });
    return response.status;
  }, weekStart);
  assert.equal(status, 200, `week start ${weekStart} not set`);
}
