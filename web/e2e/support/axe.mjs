import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';

/** axe's serious and critical violations, one readable line each (rule, impact, help, and the
 * first few offending elements). */
function seriousLines(violations) {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * Runs axe on the page and returns the serious and critical violations, one readable line
 * each (rule, impact, help, and the first few offending elements).
 * @param {import('playwright-core').Page} page
 */
export async function seriousA11yViolations(page) {
  // Only violations are read: axe then skips recording every passing node.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return seriousLines(results.violations);
}

let axeSource;

/**
 * The same check, several times faster, for a page without frames (the app has none): axe is
 * put into the document once (again after a navigation) and run there, without the extra blank
 * page AxeBuilder opens to put its partial results together (about 1.7 s a run against 0.1 to
 * 0.4 s, measured on the sign-up page). For checking one document at several window sizes.
 * @param {import('playwright-core').Page} page
 */
export async function seriousA11yViolationsInDocument(page) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(() =>
    // @ts-expect-error axe is the global the script above defines
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations),
  );
  return seriousLines(violations);
}
