// The console's build: web/ is the root, served by fastify under /console/ from web/dist.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Small assets stay files: the CSP allows no data: scripts or inline styles.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
