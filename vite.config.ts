import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';

const nodeExternals = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * One config, three builds (npm run build runs all three):
 *   vite build               → dist/renderer  (React UI)
 *   vite build --mode main    → dist/main/index.js  (Electron main, ESM, dependencies external)
 *   vite build --mode preload → dist/preload/preload.cjs  (sandboxed preload: one self-contained CJS file)
 */
export default defineConfig(({ mode }) => {
  if (mode === 'main') {
    return {
      build: {
        ssr: 'main/index.ts',
        outDir: 'dist/main',
        emptyOutDir: true,
        target: 'node22',
        rollupOptions: { output: { format: 'es', entryFileNames: 'index.js' } },
      },
    };
  }
  if (mode === 'preload') {
    return {
      ssr: { noExternal: true, external: ['electron'] },
      build: {
        ssr: 'main/preload.ts',
        outDir: 'dist/preload',
        emptyOutDir: true,
        target: 'node22',
        rollupOptions: { external: ['electron', ...nodeExternals], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
      },
    };
  }
  return {
    root: 'renderer',
    base: '/',
    plugins: [react()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      // Screens other than the first are lazy chunks (renderer/app/Screen.tsx); the libraries every screen
      // needs get chunks of their own, so no chunk carries the whole app and a screen's chunk stays small.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  };
});
