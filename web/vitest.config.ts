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
    },
  }),
);
