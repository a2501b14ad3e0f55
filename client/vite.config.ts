import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // A brotli (.br) and a gzip (.gz) copy beside every text file, at the best compression
    // each offers: done once here, sent by the server as the browser accepts (express-static-gzip).
    // Source maps stay as they are: only developer tools fetch them.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/], logLevel: 'silent' }),
  ],
  resolve: {
    // The client compiles @sip/shared from source: one set of schemas, no build step between.
    alias: [
      { find: /^@sip\/shared$/, replacement: here('../shared/src/index.ts') },
      { find: /^@sip\/shared\/yjs$/, replacement: here('../shared/src/yjs.ts') },
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (Tiptap/ProseMirror, Yjs, socket.io) is ~500 kB minified, ~130 kB
    // brotli; it is fetched only with the plan workspace and cached across releases.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Libraries change less often than our code: separate chunks stay cached across
      // releases. Two of them, by when a page needs them:
      // - vendor: the libraries the first page load needs (React, the router, TanStack
      //   Query, i18next, zod) — modules Rolldown tags `$initial`, statically reachable from
      //   the entry;
      // - editor: every other library, reached only through the lazily loaded plan
      //   workspace (Tiptap/ProseMirror, Yjs, y-protocols, socket.io). Yjs is among them
      //   only because @sip/shared keeps it behind its own entry, @sip/shared/yjs.
      // Each group also takes its modules' dependencies (`includeDependenciesRecursively`,
      // on by default, which avoids circular chunks). That is why the editor group used to
      // be fatal: matching Tiptap first, it took React and Yjs along as Tiptap's
      // dependencies, so the entry imported the editor chunk and index.html modulepreloaded
      // all of it on every page. Taking the initial libraries first leaves the editor
      // group only what the workspace alone needs.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 3 },
            // Charts only for the statistics page, which managers open.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js-light|es-toolkit|eventemitter3|@reduxjs|redux|reselect|immer|react-redux|tiny-invariant|internmap)/, priority: 2 },
            // socket.io's client for the notification count, loaded after the layout mounts: a
            // chunk of its own, so that it does not bring the editor along.
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl)[\\/]/, priority: 2 },
            { name: 'editor', test: /node_modules/, priority: 1 },
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
