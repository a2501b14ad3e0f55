import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_ENV } from './test-env';

/**
 * The compiled server as a separate OS process, for tests that kill it. It uses the given
 * database (no embedded PostgreSQL of its own) and the test environment's keys.
 */
export async function startServerProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const root = join(__dirname, '../..');
  const child = spawn(process.execPath, [join(root, 'server/dist/server/src/main.js')], {
    cwd: root,
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 20_000) throw new Error(`The server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
