// Journey: a signed-out visitor opens Vigor, learns what it is, and finds the way in.
// Runs the built app (web/dist) on the real server binary in headless Chromium.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seriousA11yViolations } from './support/axe.mjs';
import { collectPageErrors, launchBrowser, viewports } from './support/browser.mjs';
import { checkExchange } from './support/contract.mjs';
import { startServer, webDir } from './support/server.mjs';

const screenshotDir = path.join(webDir, 'e2e', 'screenshots');

describe('landing page', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {Awaited<ReturnType<typeof launchBrowser>>} */
  let browser;
  /** What GET /api/v1/meta says, asked by the test itself. */
  let meta;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await mkdir(screenshotDir, { recursive: true });
    // Asked from Node, not from a page, so the browser's contract watch does not see it: checked
    // against api/openapi.yaml here.
    const url = `${server.baseUrl}/api/v1/meta`;
    const response = await fetch(url);
    assert.equal(response.status, 200);
    const body = await response.text();
    assert.deepEqual(
      checkExchange({
        method: 'GET',
        url,
        status: response.status,
        responseContentType: response.headers.get('content-type') ?? undefined,
        responseBody: body,
      }),
      [],
    );
    meta = JSON.parse(body);
    assert.equal(typeof meta.version, 'string');
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  for (const [sizeName, viewport] of Object.entries(viewports)) {
    test(`shows what Vigor is, the ways in and the server version (${sizeName} ${viewport.width}x${viewport.height})`, async () => {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);
      try {
        await page.setViewportSize(viewport);
        const response = await page.goto(`${server.baseUrl}/`);
        assert.equal(response?.status(), 200);

        await page.getByRole('heading', { level: 1, name: 'Vigor' }).waitFor();
        assert.equal(await page.title(), 'Vigor — your self-hosted fitness tracker');
        assert.equal(await page.getByRole('link', { name: 'Create account' }).getAttribute('href'), '/signup');
        assert.equal(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/login');
        await page.getByRole('heading', { level: 2, name: 'What Vigor does' }).waitFor();

        const version = page.getByTestId('server-version');
        await version.waitFor();
        const versionText = (await version.textContent()) ?? '';
        assert.ok(versionText.includes(meta.version), `"${versionText}" should contain "${meta.version}"`);
        assert.ok(versionText.includes(meta.instance_name), `"${versionText}" should name the instance`);

        // No sideways scrolling at any size.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${viewport.width}px viewport`);

        assert.deepEqual(await seriousA11yViolations(page), []);
        await page.screenshot({ path: path.join(screenshotDir, `landing-${sizeName}.png`), fullPage: true });
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('an unknown address shows Not Found with a way home', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.setViewportSize(viewports.phone);
      // The server answers unknown non-API paths with the app (SPA fallback); the app's
      // route table then shows Not Found.
      const response = await page.goto(`${server.baseUrl}/no/such/page`);
      assert.equal(response?.status(), 200);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      assert.equal(await page.title(), 'Page not found · Vigor');
      assert.deepEqual(await seriousA11yViolations(page), []);

      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vigor' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the app is served under a strict Content-Security-Policy', async () => {
    // The console-error checks above only catch inline scripts and styles if the CSP is on.
    const response = await fetch(`${server.baseUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
  });
});
