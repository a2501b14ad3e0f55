#!/usr/bin/env node
// `npm run dev`: the server recompiled and restarted on change, and Vite's dev server with
// hot reload on http://localhost:5173 (it proxies /api to the server on :3000).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import concurrently from 'concurrently';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b', 'server/tsconfig.json'], { cwd: root, stdio: 'inherit' });

const { result } = concurrently(
  [
    { name: 'tsc', command: 'tsc -b server/tsconfig.json --watch --preserveWatchOutput', prefixColor: 'gray' },
    { name: 'server', command: 'node --enable-source-maps --watch-path=server/dist server/dist/server/src/main.js', prefixColor: 'blue' },
    { name: 'client', command: 'vite --config client/vite.config.ts', prefixColor: 'magenta' },
  ],
  { cwd: root, killOthersOn: ['failure'], prefix: 'name' },
);
result.catch(() => process.exit(1));
