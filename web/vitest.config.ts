import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Resolve packages as a browser bundler does. Without this, Node's conditions load
    // react-router's CommonJS build for `react-router` but its ESM build for
    // `react-router/dom`: two router contexts, and every <Link> fails outside a <Router>.
    resolve: {
      conditions: ['module', 'browser', 'development|production'],
    },
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/testing/setup.ts'],
      restoreMocks: true,
      // A worker per core: Vitest's default keeps one core for itself, which sat idle a third of
      // the run on 2 cores (241 s against 147 s with two workers).
      maxWorkers: availableParallelism(),
    },
  }),
);
