// The nutrition pages beside the diary, at phone size, on the real server: a recipe written in
// the editor (ingredients found by search, one by grams and one by a portion) whose saved page
// shows the server's nutrition per serving; a food of one's own whose barcode with a wrong check
// digit is refused before anything is sent; the targets set-up saying what the profile still
// lacks; a day's nutrients. Each page is checked with axe and photographed at three sizes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney } from './support/page.mjs';

const user = { username: 'rita_recipes', email: 'rita@example.org', password: 'a pot of soup every sunday' };

/** GET from the signed-in page; the answer's status and body. */
async function get(page, path) {
  return page.evaluate(async (path) => {
    const response = await fetch(path);
    return { status: response.status, body: await response.json() };
  }, path);
}

describe('nutrition pages: recipes, own foods, targets, a day’s nutrients', () => {
  /** @type {Awaited<ReturnType<typeof openJourney>>} */
  let journey;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let pageErrors = [];
  let baseUrl = '';

  before(async () => {
    journey = await openJourney({ user });
    ({ page, pageErrors } = journey);
    baseUrl = journey.server.baseUrl;
  });

  after(async () => {
    await journey?.close();
  });

  test('writes a recipe in the editor and shows the server’s nutrition per serving', async () => {
    await page.goto(`${baseUrl}/food/recipes`);
    await page.getByText('No recipes yet').waitFor();
    await checkPage(page, 'nutrition-recipes-empty');
    await page.getByRole('link', { name: 'New recipe' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New recipe' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Rita’s egg oats');
    await page.getByLabel('Servings', { exact: true }).fill('2');
    const search = page.getByLabel('Add an ingredient', { exact: true });
    await search.fill('oats');
    await page.getByRole('list', { name: 'Matching foods' }).getByRole('button').first().click();
    const oatsName = (await page.locator('.ingredient-row__name').first().textContent()) ?? '';
    await page.getByLabel(`Unit of ${oatsName}`, { exact: true }).selectOption('');
    await page.getByLabel(`Amount of ${oatsName}`, { exact: true }).fill('80');
    await search.fill('egg');
    await page.getByRole('list', { name: 'Matching foods' }).getByRole('button', { name: /^Egg, whole, raw, fresh/ }).click();
    await page.getByLabel('Unit of Egg, whole, raw, fresh', { exact: true }).selectOption('large');
    await page.getByLabel('Amount of Egg, whole, raw, fresh', { exact: true }).fill('2');
    const preview = page.getByRole('table', { name: 'Nutrition per serving (preview)' });
    const previewEnergy = (await preview.getByRole('row', { name: /^Energy/ }).textContent()) ?? '';
    await checkPage(page, 'nutrition-recipe-editor');

    await page.getByRole('button', { name: 'Save recipe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rita’s egg oats' }).waitFor();
    const recipes = await get(page, '/api/v1/recipes');
    assert.equal(recipes.status, 200);
    const saved = recipes.body.items.find((r) => r.name === 'Rita’s egg oats');
    assert.ok(saved, 'the recipe was saved');
    assert.deepEqual(
      saved.ingredients.map((i) => (i.portion ? [i.portion.name, i.portion.count] : i.grams)),
      [80, ['large', 2]],
    );
    const kcal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(saved.per_serving.amounts.energy_kcal);
    const perServing = page.getByRole('table', { name: 'Per serving' });
    assert.match((await perServing.getByRole('row', { name: /^Energy/ }).textContent()) ?? '', new RegExp(`${kcal} kcal`));
    // The editor's preview worked out the same number the server did.
    assert.match(previewEnergy, new RegExp(`${kcal} kcal`));
    await checkPage(page, 'nutrition-recipe');
  });

  test('refuses a barcode with a wrong check digit before sending, then saves the food', async () => {
    await page.goto(`${baseUrl}/food/foods/new?barcode=4006381333932`);
    await page.getByRole('heading', { level: 1, name: 'New food' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Rita’s rye crispbread');
    await page.getByLabel('Energy', { exact: true }).fill('350');
    await page.getByRole('button', { name: 'Save food' }).click();
    await page.getByText('This barcode’s last digit does not fit: check the digits for a typo.').waitFor();
    await checkPage(page, 'nutrition-food-form');
    await page.getByLabel('Barcode (optional)', { exact: true }).fill('73513537');
    await page.getByRole('button', { name: 'Save food' }).click();
    await page.waitForURL(`${baseUrl}/food`);
    const found = await get(page, '/api/v1/foods/barcode/73513537');
    assert.equal(found.status, 200);
    assert.equal(found.body.name, 'Rita’s rye crispbread');
  });

  test('says what the computed targets still need, and shows a day’s nutrients', async () => {
    await page.goto(`${baseUrl}/food/targets`);
    await page.getByRole('heading', { level: 1, name: 'Nutrition targets' }).waitFor();
    await page.getByRole('link', { name: 'A body-weight measurement' }).waitFor();
    await checkPage(page, 'nutrition-targets');

    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/food/day/${today}/nutrients`);
    await page.getByRole('heading', { level: 1, name: 'Nutrients' }).waitFor();
    await page.getByRole('region', { name: 'Energy and macros' }).waitFor();
    await checkPage(page, 'nutrition-nutrients-day');
    assert.deepEqual(pageErrors, []);
  });
});
