// Renders the installable app's PNG icons from the SVG marks in public/ with Chromium:
// `node scripts/make-pwa-icons.mjs` (run again after changing favicon.svg or pwa-maskable.svg).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const icons = [
  { svg: 'favicon.svg', png: 'pwa-192.png', size: 192 },
  { svg: 'favicon.svg', png: 'pwa-512.png', size: 512 },
  { svg: 'pwa-maskable.svg', png: 'pwa-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { svg, png, size } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(path.join(publicDir, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    await page.screenshot({ path: path.join(publicDir, png), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
