import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The C++ server (`vigor serve`) listens here during development.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
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
        // only one lazy page needs (uqr: the 2FA QR code; leaflet: the tile map) stays in that
        // page's chunk, so every other page does not download it.
        advancedChunks: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!(?:uqr|leaflet)[\\/])/ }] },
      },
    },
  },
});
