import AxeBuilder from '@axe-core/playwright';

/**
 * Runs axe on the page and returns the serious and critical violations, one readable line
 * each (rule, impact, help, and the first few offending elements).
 * @param {import('playwright-core').Page} page
 */
export async function seriousA11yViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
