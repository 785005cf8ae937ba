// ESLint 9 flat config: a small rule set that the code passes, plus the import boundaries of
// the layout in README.md, so that a feature importing another one fails `make test`.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const sharedMessage =
  'features never import each other: move what two features share to src/components or src/lib, ' +
  'or let the app layer compose them (web/README.md)';

// A relative import that climbs out of its feature folder: a file `depth` folders below
// src/features/<x>/ leaves x with depth + 1 `../`.
function relativeEscape(depth) {
  return {
    regex: `^(\\.\\./){${depth + 1}}`,
    message: `${sharedMessage}; within a feature, import through @/features/<x>/ rather than climbing out of it`,
  };
}

const maxFeatureDepth = 6;

/** One block per feature and folder depth: only its own feature, never app/ or another feature. */
const featureBoundaries = features.flatMap((feature) =>
  Array.from({ length: maxFeatureDepth }, (_, depth) => ({
    files: [`src/features/${feature}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', `!@/features/${feature}`, `!@/features/${feature}/**`],
              message: sharedMessage,
            },
            { group: ['@/app', '@/app/*'], message: 'features do not import app/: the app layer passes paths and parts in' },
            relativeEscape(depth),
          ],
        },
      ],
    },
  })),
);

export default defineConfig(
  { ignores: ['dist/', 'e2e/screenshots/', 'src/lib/api/schema.gen.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hooks rules. The plugin's React Compiler rules (its `recommended` set)
    // are left out: the app does not use the compiler, and `react-hooks/refs` flags every read
    // of `form.errors` because useForm's result also carries a ref.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Unused names are already compile errors (noUnusedLocals, noUnusedParameters); `_x`
      // marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser tests run in Node; the functions they hand to page.evaluate() run in the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Shared code is below the features: it never imports one (nor the app layer).
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/features', '@/features/*', '@/app', '@/app/*'], message: 'shared code does not import features or the app layer' },
            { regex: '^(\\.\\./)+(features|app)(/|$)', message: 'shared code does not import features or the app layer' },
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
);
