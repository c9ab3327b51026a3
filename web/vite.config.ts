// The web UI's build: Preact with the automatic JSX runtime, output to web/dist, which the
// server (src/api/server.ts) serves as static files. Everything is bundled (fonts and map data
// included) so the UI works without internet.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
