import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/index.ts'),
          // The scanner import reads its file on a worker thread (main/scanners/read/worker-scan-reader.ts).
          'scan-parse-worker': resolve(__dirname, 'main/scanners/read/parse-worker.ts'),
          // Register imports read and check their file on a worker thread (main/shared/register-import-thread.ts).
          'incident-import-worker': resolve(__dirname, 'main/breach/import-worker.ts'),
          'baa-import-worker': resolve(__dirname, 'main/baas/import-worker.ts'),
          // Large map drawings are laid out on a worker thread (main/map/drawing/run-elk.ts).
          'map-layout-worker': resolve(__dirname, 'main/map/drawing/elk-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything but electron.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: process.env.SAFEGUARD_RENDERER_OUT ?? resolve(__dirname, 'out/renderer'),
      // No inline scripts or data: URLs for code, so the strict CSP holds.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    }
  }
})
