// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
// launch() refuses --user-data-dir, so each browser gets a fresh persistent profile.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { watchContract } from './contract.mjs';

export const viewports = {
  phone: { width: 360, height: 740 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1440, height: 900 },
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The contract watcher of each browser that launchBrowser started. */
const contractOfContext = new WeakMap();

/** @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   contract: ReturnType<typeof watchContract>, close: () => Promise<void> }>} */
export async function launchBrowser({
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  timezoneId = 'UTC',
  locale = 'en-US',
} = {}) {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'vigor-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    timezoneId,
    viewport: viewports.desktop,
  });
  context.setDefaultTimeout(10_000);
  const contract = watchContract(context);
  contractOfContext.set(context, contract);
  return {
    context,
    contract,
    /** Closes the browser; then fails (throws) if any /api/ exchange broke the contract. */
    async close() {
      await contract.settled();
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
      if (contract.violations.length > 0) {
        throw new Error(`${contract.violations.length} exchange(s) broke api/openapi.yaml:\n${contract.violations.join('\n')}`);
      }
    },
  };
}

/**
 * Chromium logs every 4xx response as a console error. From the API those are answers the
 * app expects and shows as a state (401 from GET /me = signed out, 401 for a wrong code,
 * 422 with field errors): the tests check what the page shows instead. Anything else that
 * fails to load (a 5xx, a missing script, a CSP block) still counts.
 */
function isExpectedApiRefusal(text, url) {
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d\b/.test(text) &&
    url !== undefined &&
    new URL(url).pathname.startsWith('/api/')
  );
}

/**
 * Collects everything that should never happen on a healthy page: console errors (a CSP
 * violation is one) and uncaught exceptions. Read the array at the end of the test.
 * @param {import('playwright-core').Page} page
 */
export function collectPageErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      if (isExpectedApiRefusal(message.text(), url || undefined)) return;
      errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  // An /api/ exchange of this page that breaks the contract (support/contract.mjs).
  contractOfContext.get(page.context())?.onViolation((message, from) => {
    if (from === null || from === page) errors.push(message);
  });
  return errors;
}
