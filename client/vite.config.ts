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
    // The editor chunk (Tiptap/ProseMirror) is ~300 kB minified; it is fetched only when the
    // plan workspace has something to write, and cached across releases.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Libraries change less often than our code: separate chunks stay cached across
      // releases. Grouped by when a page needs them:
      // - vendor: the libraries the first page load needs (React, the router, TanStack
      //   Query, i18next, zod) — modules Rolldown tags `$initial`, statically reachable from
      //   the entry;
      // - collab (Yjs, y-protocols), editor (Tiptap/ProseMirror) and libs (the rest), reached
      //   only through lazily loaded pages; Yjs is among them only because @sip/shared keeps
      //   it behind its own entry, @sip/shared/yjs.
      // Each group also takes its modules' dependencies (`includeDependenciesRecursively`,
      // on by default, which avoids circular chunks). That is why the editor group used to
      // be fatal: matching Tiptap first, it took React and Yjs along as Tiptap's
      // dependencies, so the entry imported the editor chunk and index.html modulepreloaded
      // all of it on every page. Taking the initial libraries first leaves the editor
      // group only what the workspace alone needs.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 10 },
            // React's store shim, used by both the editor (@tiptap/react) and the charts
            // (react-redux): on its own, so that neither chunk brings the other along.
            { name: 'store-shim', test: /node_modules[\\/]use-sync-external-store[\\/]/, priority: 9 },
            // Charts only for the statistics page, which managers open.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js-light|es-toolkit|eventemitter3|@reduxjs|redux|reselect|immer|react-redux|tiny-invariant|internmap)/, priority: 8 },
            // socket.io's client for the notification count, loaded after the layout mounts: a
            // chunk of its own, so that it does not bring the editor along.
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl)[\\/]/, priority: 8 },
            // Co-editing without the editor: Yjs and its protocols, which every plan page's
            // workspace needs, apart from Tiptap/ProseMirror, which only a page with something
            // to write fetches (client/src/collab/use-rich-text-editor.ts). Taken before the
            // editor group, which would otherwise take Yjs along as y-prosemirror's dependency.
            { name: 'collab', test: /node_modules[\\/](yjs|lib0|y-protocols)[\\/]/, priority: 8 },
            { name: 'editor', test: /node_modules[\\/](@tiptap|prosemirror-|y-prosemirror|orderedmap|rope-sequence|w3c-keyname|linkifyjs|fast-deep-equal)/, priority: 7 },
            // Every other library reached only from lazily loaded pages (zod's date parts, the
            // plan pages' date handling, ...). It used to be the editor group's catch-all, so a
            // plan page's schemas imported the editor chunk even where nothing was editable.
            { name: 'libs', test: /node_modules/, priority: 0 },
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
