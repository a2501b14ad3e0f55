import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_ENV } from './test-env';

/** The compiled server as a separate OS process, with what it has printed so far. */
export interface ServerProcess {
  child: ChildProcess;
  output(): string;
}

/** Starts the compiled server with the test environment's keys plus `env`; does not wait. */
export function spawnServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ServerProcess {
  const root = join(__dirname, '../..');
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...TEST_ENV, LOG_LEVEL: 'warn', ...env };
  for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'server/dist/server/src/main.js')], {
    cwd: root,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/** Resolves once /api/health answers; fails if the server exits first or takes too long. */
export async function waitUntilServing(server: ServerProcess, port: number, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server exited: ${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The compiled server as a separate OS process, for tests that kill it. It uses the given
 * database (no embedded PostgreSQL of its own) and the test environment's keys.
 */
export async function startServerProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const server = spawnServer({ DATABASE_URL: databaseUrl, PORT: String(port) });
  await waitUntilServing(server, port);
  return server.child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
