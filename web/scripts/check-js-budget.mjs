#!/usr/bin/env node
// The first page's JavaScript budget: what a browser downloads before the app can show its first
// page must stay under BUDGET_KB kB (1000 bytes) gzip (issue 10). Counted: every <script src> and
// <link rel="modulepreload"> of dist/index.html, and everything those import statically, again
// and again (`import ... from "./x.js"`, `export ... from "./x.js"`, `import "./x.js"`). Not
// counted: chunks behind a dynamic import() (pages that load on first use), the service worker.
// Sizes are gzip at level 9 (zlib), computed here, not read from the .gz files next to them.
// Usage: node scripts/check-js-budget.mjs [distDir] [--budget-kb N]
// Prints one line per file and the total; exits 1 when the total is over the budget.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const argv = process.argv.slice(2);
const budgetFlag = argv.indexOf('--budget-kb');
const BUDGET_KB = budgetFlag >= 0 ? Number(argv.splice(budgetFlag, 2)[1]) : 200;
const distDir = path.resolve(argv[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));

const indexPath = path.join(distDir, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`web budget: ${indexPath} is missing: run \`npm run build\` in web/ first`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

/** Site paths ("/assets/x.js") of the scripts index.html loads or preloads as modules. */
function entryScripts(page) {
  const found = [];
  for (const tag of page.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isModulePreload = /\brel=["']?modulepreload\b/i.test(tag);
    if (!isScript && !isModulePreload) continue;
    const url = tag.match(/\b(?:src|href)=["']([^"']+)["']/i)?.[1];
    if (url && !/^[a-z]+:|^\/\//i.test(url)) found.push(url);
  }
  return found;
}

/** The files `source` (at `file`) imports statically; dynamic import("...") does not match. */
function staticImports(source, file) {
  const specifiers = new Set();
  // `import{a}from"./x.js"`, `export*from"./x.js"`, `import"./x.js"`: a quote right after
  // `from` or `import` (a dynamic import has a parenthesis there).
  for (const match of source.matchAll(/\b(?:from|import)\s*["']([^"']+\.m?js)["']/g)) specifiers.add(match[1]);
  return [...specifiers]
    .filter((s) => s.startsWith('./') || s.startsWith('../') || s.startsWith('/'))
    .map((s) => (s.startsWith('/') ? path.join(distDir, s) : path.resolve(path.dirname(file), s)));
}

const seen = new Map(); // file -> gzip bytes
const queue = entryScripts(html).map((url) => path.join(distDir, url.split(/[?#]/)[0]));
if (queue.length === 0) {
  console.error('web budget: index.html loads no script; is this the built app?');
  process.exit(2);
}
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  if (!existsSync(file)) {
    console.error(`web budget: ${path.relative(distDir, file)} is referenced but missing`);
    process.exit(2);
  }
  const data = readFileSync(file);
  seen.set(file, zlib.gzipSync(data, { level: 9 }).length);
  queue.push(...staticImports(data.toString('utf8'), file));
}

const total = [...seen.values()].reduce((a, b) => a + b, 0);
const kb = (bytes) => (bytes / 1000).toFixed(1);
for (const [file, bytes] of [...seen].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kb(bytes).padStart(7)} kB  ${path.relative(distDir, file)}`);
}
const verdict = total <= BUDGET_KB * 1000 ? 'within' : 'OVER';
console.log(`web budget: first page JavaScript ${kb(total)} kB gzip in ${seen.size} file(s), ${verdict} the ${BUDGET_KB} kB budget`);
process.exit(verdict === 'within' ? 0 : 1);
