// The console's build: web/ is the root, served by fastify under /console/ from web/dist.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './src/service-worker-source.ts';

/** dist/sw.js, listing the built scripts and styles (not the QR decoder's wasm: kept once it is used). */
function serviceWorker(): Plugin {
  return {
    name: 'qafila-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name)).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files.map((name) => `/console/${name}`), version) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [preact(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Small assets stay files: the CSP allows no data: scripts or inline styles.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
