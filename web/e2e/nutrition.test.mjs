// Acceptance of issue 12 at phone size: through the API, a recipe of two catalogue foods and a
// product of one's own with a valid EAN-13 barcode; then, in the Food tab, a day of meals: eggs
// found by search and logged as 2 x large, the recipe found by search, the product by its typed
// barcode digits (after a wrong check digit is refused with the server's field error), and a
// quick add. The day's totals on the page must equal the sum the test works out itself from the
// catalogue's values (per 100 g, read with GET /api/v1/foods/{id}); the week page shows the day.
// The built app (web/dist) runs on the real server binary; the harness checks every /api/ answer
// against the contract.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { checkPage, openJourney } from './support/page.mjs';

const user = { username: 'nina_nutrition', email: 'nina@example.org', password: 'eat the rainbow every day' };

const egg = { id: 'usda-01123', name: 'Egg, whole, raw, fresh', query: 'egg', portion: 'large', count: 2 };
const oats = 'usda-20038'; // Oats
const milk = 'usda-01079'; // Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D
const recipe = { name: 'Overnight oats nina', query: 'overnight oats', servings: 2, grams: 250 };
// 4006381333931 is a valid EAN-13 (check digit 1); ...932 is the same with a wrong check digit.
const product = {
  name: 'Nina crunch bar',
  brand: 'Test Foods',
  barcode: '4006381333931',
  wrongBarcode: '4006381333932',
  portions: [{ name: 'bar', amount: 1, grams: 60 }],
  per_100g: { energy_kcal: 412, protein_g: 21.5, carbohydrate_g: 48.3, fat_g: 14.2 },
};
const quick = { name: 'Pizza slice', energy_kcal: 285, protein_g: 12, carbohydrate_g: 36, fat_g: 10 };

/** A request of the signed-in page to the API, with the CSRF header; the answer's status and body. */
async function call(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('vigor_csrf='))?.split('=')[1] ?? '';
      const response = await fetch(path, {
        method,
        // A Content-Type without a body reads, to the contract check, as a body it cannot see.
        headers: {
          ...(body == null ? {} : { 'Content-Type': 'application/json' }),
          'X-CSRF-Token': decodeURIComponent(csrf),
        },
        ...(body == null ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/** The energy and macros of `grams` of a food, from its nutrients per 100 g. */
function ofGrams(per100g, grams) {
  const share = grams / 100;
  return {
    energy_kcal: (per100g.energy_kcal ?? 0) * share,
    protein_g: (per100g.protein_g ?? 0) * share,
    carbohydrate_g: (per100g.carbohydrate_g ?? 0) * share,
    fat_g: (per100g.fat_g ?? 0) * share,
  };
}

function sum(parts) {
  const total = { energy_kcal: 0, protein_g: 0, carbohydrate_g: 0, fat_g: 0 };
  for (const part of parts) for (const key of Object.keys(total)) total[key] += part[key];
  return total;
}

/** The first number in a text as the page writes it in en-US ("1,234.5" -> 1234.5). */
function firstNumber(text) {
  const match = /(\d[\d,]*(?:\.\d+)?)/.exec(text);
  assert.ok(match, `a number in "${text}"`);
  return Number(match[1].replaceAll(',', ''));
}

/** Opens the add-food sheet of a meal on the diary page. */
async function openSheet(page, meal) {
  await page.getByRole('region', { name: meal }).getByRole('button', { name: `Add food to ${meal}` }).click();
  const sheet = page.getByRole('dialog', { name: `Add to ${meal}` });
  await sheet.waitFor();
  return sheet;
}

/** Adds what the portion picker shows and waits for the item on the page. */
async function addAndSee(page, sheet, meal, name) {
  await sheet.getByRole('button', { name: 'Add', exact: true }).click();
  await sheet.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: meal }).getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
}

describe('nutrition: a day of meals', () => {
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

  test('logs a catalogue food by portion, a recipe, a barcode product and a quick add; the totals are the catalogue sum and the week shows the day', async () => {
    // --- Through the API: the recipe and the product. ---
    const madeRecipe = await call(page, 'POST', '/api/v1/recipes', {
      id: randomUUID(),
      name: recipe.name,
      servings: recipe.servings,
      ingredients: [
        { food_id: oats, grams: 80 },
        { food_id: milk, grams: 250 },
      ],
    });
    assert.equal(madeRecipe.status, 201, JSON.stringify(madeRecipe.body));
    const madeProduct = await call(page, 'POST', '/api/v1/foods', {
      id: randomUUID(),
      name: product.name,
      brand: product.brand,
      barcode: product.barcode,
      portions: product.portions,
      per_100g: product.per_100g,
    });
    assert.equal(madeProduct.status, 201, JSON.stringify(madeProduct.body));

    // The catalogue's own values, per 100 g: what the expected totals are worked out from.
    const food = async (id) => {
      const answer = await call(page, 'GET', `/api/v1/foods/${encodeURIComponent(id)}`);
      assert.equal(answer.status, 200, `GET /foods/${id}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const eggFood = await food(egg.id);
    const recipeFood = await food(madeRecipe.body.food_id);
    const productFood = await food(madeProduct.body.id);
    const large = eggFood.portions.find((p) => p.name === egg.portion);
    assert.ok(large, `the egg has a "${egg.portion}" portion: ${JSON.stringify(eggFood.portions)}`);
    const bar = productFood.portions[0];
    const expected = sum([
      ofGrams(eggFood.per_100g, (large.grams / large.amount) * egg.count), // 2 x large
      ofGrams(recipeFood.per_100g, recipe.grams),
      ofGrams(productFood.per_100g, (bar.grams / bar.amount) * 1), // 1 bar
      quick,
    ]);

    // --- The Food tab, today. ---
    await page.goto(`${baseUrl}/food`);
    await page.getByRole('heading', { level: 1, name: 'Food' }).waitFor();
    await page.getByRole('group', { name: 'Energy' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Food' }).getAttribute('aria-current'), 'page');

    // Breakfast: eggs by search, 2 x large.
    let sheet = await openSheet(page, 'Breakfast');
    await sheet.getByRole('searchbox', { name: 'Search foods' }).fill(egg.query);
    await sheet.getByRole('button', { name: new RegExp(`^${egg.name} `) }).first().click();
    await sheet.getByLabel('Portion', { exact: true }).selectOption(`portion:${egg.portion}`);
    await sheet.getByLabel('How many', { exact: true }).fill(String(egg.count));
    await sheet.getByText(`Weight: ${(large.grams / large.amount) * egg.count} g`).waitFor();
    await checkPage(page, 'nutrition-portion-picker');
    await addAndSee(page, sheet, 'Breakfast', egg.name);

    // Lunch: the recipe by search, 250 g of it.
    sheet = await openSheet(page, 'Lunch');
    await sheet.getByRole('searchbox', { name: 'Search foods' }).fill(recipe.query);
    await sheet.getByRole('button', { name: new RegExp(`^${recipe.name}`, 'i') }).first().click();
    await sheet.getByLabel('Portion', { exact: true }).selectOption('g');
    await sheet.getByLabel('Grams', { exact: true }).fill(String(recipe.grams));
    await addAndSee(page, sheet, 'Lunch', recipe.name);

    // Snacks: the product by typed barcode digits; a wrong check digit gets the server's field error.
    sheet = await openSheet(page, 'Snacks');
    await sheet.getByRole('button', { name: 'Scan barcode' }).click();
    const digits = sheet.getByRole('textbox', { name: 'Barcode digits' });
    await digits.fill(product.wrongBarcode);
    await sheet.getByRole('button', { name: 'Look up' }).click();
    await sheet.locator('.field__error').first().waitFor();
    assert.equal(await digits.getAttribute('aria-invalid'), 'true');
    await digits.fill(product.barcode);
    await sheet.getByRole('button', { name: 'Look up' }).click();
    await sheet.getByText(product.name, { exact: true }).waitFor();
    await addAndSee(page, sheet, 'Snacks', product.name);

    // Dinner: a quick add.
    sheet = await openSheet(page, 'Dinner');
    await sheet.getByRole('button', { name: 'Quick add' }).click();
    await sheet.getByLabel('Name (optional)', { exact: true }).fill(quick.name);
    await sheet.getByLabel('Energy', { exact: true }).fill(String(quick.energy_kcal));
    await sheet.getByLabel('Protein', { exact: true }).fill(String(quick.protein_g));
    await sheet.getByLabel('Carbs', { exact: true }).fill(String(quick.carbohydrate_g));
    await sheet.getByLabel('Fat', { exact: true }).fill(String(quick.fat_g));
    await addAndSee(page, sheet, 'Dinner', quick.name);

    // --- The day's totals, as the rings show them, after a fresh load. ---
    await page.reload();
    await page.getByRole('region', { name: 'Dinner' }).getByRole('button', { name: new RegExp(`^${quick.name}`) }).waitFor();
    const shown = async (name) => firstNumber(await page.getByRole('group', { name }).locator('.diary-ring__value').innerText());
    const energy = await shown('Energy');
    // Whole kcal on the page; the server may round each item's nutrients, so one kcal of slack.
    assert.ok(Math.abs(energy - expected.energy_kcal) <= 1, `energy shown ${energy}, expected ${expected.energy_kcal}`);
    for (const [name, key] of [
      ['Protein', 'protein_g'],
      ['Carbs', 'carbohydrate_g'],
      ['Fat', 'fat_g'],
    ]) {
      const grams = await shown(name);
      // Whole grams above 10 g (0.5 of rounding) plus what per-item rounding may add.
      assert.ok(Math.abs(grams - expected[key]) <= 1, `${name} shown ${grams}, expected ${expected[key]}`);
    }
    await checkPage(page, 'nutrition-diary-day');

    // --- The week summary shows the day. ---
    // Today on the profile's clocks: the day the diary page opened on.
    const me = (await call(page, 'GET', '/api/v1/me')).body;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.preferences.time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const day = (await call(page, 'GET', `/api/v1/diary/${today}`)).body;
    assert.equal(day.meals.flatMap((m) => m.items).length, 4, 'four items logged');
    const week = await call(page, 'GET', '/api/v1/nutrition/week');
    assert.equal(week.status, 200);
    const weekDay = week.body.days.find((d) => d.date === day.date);
    assert.ok(weekDay, `the week ${week.body.start}..${week.body.end} holds ${day.date}`);
    assert.equal(weekDay.items, 4);
    assert.ok(Math.abs(weekDay.energy_kcal - expected.energy_kcal) <= 1, `week energy ${weekDay.energy_kcal}`);

    await page.goto(`${baseUrl}/food/week`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const kcalText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(Math.round(weekDay.energy_kcal));
    await page.getByText(kcalText, { exact: false }).first().waitFor();
    await checkPage(page, 'nutrition-week');

    assert.deepEqual(pageErrors, []);
  });
});
