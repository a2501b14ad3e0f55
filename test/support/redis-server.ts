import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';

/** Whether a Redis server binary is installed (.ci/run installs Debian's redis-server). */
export const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A throwaway Redis on a loopback port: no persistence, stopped by the caller. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const started = Date.now();
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const c = createConnection(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (up) return child;
    if (Date.now() - started > 5000) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}
