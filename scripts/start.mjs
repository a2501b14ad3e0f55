#!/usr/bin/env node
// `npm start`: build what is out of date, then run the server (which starts the embedded
// PostgreSQL unless DATABASE_URL is set, migrates, seeds demo data and serves the client).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientIfStale } from './lib/client-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, label) {
  process.stdout.write(`${label}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

// tsc -b is incremental: a no-op when nothing changed.
run(bin('tsc'), ['-b', 'server/tsconfig.json'], 'Compiling the server');

if (!buildClientIfStale(root)) {
  process.stderr.write('Building the client failed.\n');
  process.exit(1);
}

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'server/dist/server/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the server through the terminal's process group; a plain kill of this
// process is passed on so that PostgreSQL is always stopped cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
