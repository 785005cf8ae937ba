#!/usr/bin/env node
// Writes precompressed siblings (name.br, name.gz) for every text asset in dist/ larger
// than 1 KiB, so the server can send them as they are with Content-Encoding.
// Usage: node scripts/compress-dist.mjs [distDir]   (default: dist next to this script's parent)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TEXT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt']);
const MIN_BYTES = 1024;

const distDir = path.resolve(
  process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'),
);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
let afterGz = 0;
for await (const file of files(distDir)) {
  if (!TEXT_EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
  const { size } = await stat(file);
  if (size <= MIN_BYTES) continue;
  const data = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: 9 }),
  ]);
  await writeFile(`${file}.br`, br);
  await writeFile(`${file}.gz`, gz);
  count += 1;
  before += data.length;
  afterBr += br.length;
  afterGz += gz.length;
  const rel = path.relative(distDir, file);
  console.log(`${rel}: ${data.length} B -> br ${br.length} B, gz ${gz.length} B`);
}

console.log(
  `compress-dist: ${count} file(s), ${before} B -> brotli ${afterBr} B, gzip ${afterGz} B (${distDir})`,
);
