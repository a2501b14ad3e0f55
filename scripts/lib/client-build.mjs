// Builds the client with Vite when any of its inputs is newer than client/dist/index.html.
// Used by `npm start` and by the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function clientIsStale(root) {
  const index = join(root, 'client/dist/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const inputs = ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts', 'shared/src'];
  return Math.max(...inputs.map((p) => newestMtime(join(root, p)))) > built;
}

/** Returns false when the build failed. */
export function buildClientIfStale(root, log = (m) => process.stdout.write(`${m}\n`)) {
  if (!clientIsStale(root)) return true;
  log('Building the client…');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  // Always a production build, whatever NODE_ENV the caller runs with (tests set 'test').
  const result = spawnSync(vite, ['build', '--config', 'client/vite.config.ts', '--mode', 'production', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return result.status === 0;
}
