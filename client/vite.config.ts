import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // The client compiles @sip/shared from source: one set of schemas, no build step between.
    alias: [{ find: /^@sip\/shared$/, replacement: here('../shared/src/index.ts') }],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    // The shared vendor chunk (React, zod, Yjs, socket.io, i18next) is ~520 kB minified,
    // ~160 kB gzipped, and cached across releases.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Libraries change less often than our code: separate chunks stay cached. The editor
      // (Tiptap/ProseMirror) is only fetched with the plan workspace, which is loaded lazily.
      output: {
        codeSplitting: {
          groups: [
            { name: 'editor', test: /node_modules[\\/](@tiptap|prosemirror-|orderedmap|rope-sequence|w3c-keyname|linkifyjs)/, priority: 2 },
            // Charts only for the statistics page, which managers open.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js-light|es-toolkit|eventemitter3|@reduxjs|redux|reselect|immer|react-redux|tiny-invariant|internmap)/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
