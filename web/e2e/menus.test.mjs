// Journey "Find it from the menus" (issue 10): Import, the exercise library and Programs are
// reached by clicking, never by typing an address, on a phone (bottom tab bar) and on a desktop
// (side bar): the Me place lists them, each link opens its page, and the Me place stays marked
// as where the page belongs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { viewports } from './support/browser.mjs';
import { openJourney } from './support/page.mjs';

const user = { username: 'nina_navigates', email: 'nina@example.org', password: 'every page one click away' };

// The link on the Me page (its accessible name starts with its title) and the page it opens.
const places = [
  { link: /^Import\b/, heading: 'Import', path: '/import' },
  { link: /^Exercise library\b/, heading: 'Exercises', path: '/exercises' },
  { link: /^Programs\b/, heading: 'Programs', path: '/programs' },
];

describe('the menus lead to every page', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;

  before(async () => {
    journey = await openJourney({ user });
  });

  after(async () => {
    await journey?.close();
  });

  for (const size of ['phone', 'desktop']) {
    test(`on a ${size}: Import, the exercise library and Programs from the menu`, async () => {
      const { page, server, pageErrors } = journey;
      await page.setViewportSize(viewports[size]);
      await page.goto(`${server.baseUrl}/`);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const place of places) {
        await nav.getByRole('link', { name: 'Me', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: user.username }).waitFor();
        const link = page.getByRole('main').getByRole('link', { name: place.link });
        assert.ok(await link.isVisible(), `the Me page shows a link to ${place.heading}`);
        await link.click();
        await page.getByRole('heading', { level: 1, name: place.heading, exact: true }).waitFor();
        assert.equal(new URL(page.url()).pathname, place.path);
        assert.equal(
          await nav.getByRole('link', { name: 'Me', exact: true }).getAttribute('aria-current'),
          'true',
          `${place.path} belongs to Me`,
        );
      }
      assert.deepEqual(pageErrors, []);
    });
  }
});
