import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The C++ server (`vigor serve`) listens here during development.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // Installable, and the app shell loads offline after a first visit: a service worker
    // precaches the built files (index.html, every chunk, the icons) and, when the network
    // does not answer, opens every page address with index.html. API answers are never cached by it: offline, pages that need
    // the server say so instead of showing old or wrong data, and a signed-out user's data
    // cannot outlive the session in a cache. Finished workouts wait in IndexedDB instead.
    VitePWA({
      registerType: 'autoUpdate',
      // An external /registerSW.js: the server's CSP allows no inline script.
      injectRegister: 'script',
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Vigor',
        short_name: 'Vigor',
        description: 'A self-hosted fitness tracker: lifting, cardio, body and food.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f6f7',
        theme_color: '#0f766e',
        icons: [
          { src: '/pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Pages come from the network whenever it answers: the server sets each page's CSP (the
        // admin's map tile server is in it), which a cached copy would freeze. With no answer
        // (offline) the precached index.html opens the app instead.
        navigateFallback: null,
        // Nor is / answered from the precache as index.html.
        directoryIndex: null,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && !/^\/(api|healthz|readyz|metrics)(\/|$)/.test(url.pathname),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '/index.html' } },
          },
        ],
        cleanupOutdatedCaches: true,
        // The first visit's page is served by the worker as soon as it is installed, so that
        // it keeps working (its lazy pages too) when the connection goes before a reload.
        clientsClaim: true,
        // The map page's chunk (Leaflet) is the largest; everything must be precached.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
      '/metrics': backend,
    },
  },
  build: {
    outDir: 'dist',
    // Keep every asset a file (never a data: URL), so the server's strict CSP
    // (default-src 'self', no font or script data: URLs) needs no exceptions.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Third-party code in one chunk of its own: it changes less often than the app, so
        // browsers keep it cached across app updates, and the chunk has an honest name. Code
        // only one lazy page needs (uqr: the 2FA QR code; leaflet: the tile map; uplot: charts) stays in that
        // page's chunk, so every other page does not download it.
        advancedChunks: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!(?:uqr|leaflet|uplot)[\\/])/ }] },
      },
    },
  },
});
