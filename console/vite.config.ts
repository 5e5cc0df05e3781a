import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/console after `nest build` (which empties dist/), served by the API at /console.
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    // Same-origin module scripts only: no inline bootstrap for the strict CSP to block.
    modulePreload: { polyfill: false },
  },
});
