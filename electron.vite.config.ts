import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('electron/main/index.ts') },
      rolldownOptions: { external: ['better-sqlite3-multiple-ciphers'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS and self-contained: a sandboxed preload cannot load ES modules or node_modules.
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      isolatedEntries: true,
      externalizeDeps: false,
      rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
  },
});
