#!/usr/bin/env node
// `npm run measure:start`: how long `npm start` takes until /api/health answers, twice
// (the second start reuses the data), and that Ctrl-C (SIGINT) stops it cleanly.
// Uses its own data directory and ports, so it never touches .data/.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.data-measure');
const port = Number(process.env.MEASURE_PORT ?? 3199);

async function startOnce() {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port + 1) },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('npm start exited before it was ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  return { seconds, code };
}

rmSync(dataDir, { recursive: true, force: true });
const first = await startOnce();
const second = await startOnce();
rmSync(dataDir, { recursive: true, force: true });
console.log(`first start (new database, migrations, demo seed): ${first.seconds.toFixed(1)} s, exit after SIGINT: ${first.code}`);
console.log(`second start (data reused): ${second.seconds.toFixed(1)} s, exit after SIGINT: ${second.code}`);
