import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';

/**
 * Starts a small watchdog process that stops the embedded PostgreSQL when this server dies.
 * The server stops PostgreSQL itself on SIGINT/SIGTERM, but after kill -9 or the
 * out-of-memory killer no code of ours runs, and PostgreSQL (a separate process) would keep
 * running with the port and the data directory. Linux offers no "die with your parent" for
 * processes Node starts, and PostgreSQL does not watch its parent, hence a process of our own.
 *
 * It is detached (its own session: Ctrl-C in the terminal does not reach it) and learns of
 * the server's death through a pipe on its stdin, which the kernel closes when the server
 * exits however it dies — immediate, and not fooled by a recycled PID. It stops PostgreSQL
 * only after checking that the PID is still our postgres (postmaster-process.ts), then exits.
 * If the watchdog is killed as well, the next start stops the leftover (postgres-leftover.ts).
 *
 * Only main.ts starts it: the test setup's PostgreSQL is stopped by the test run itself.
 */
export function startPostgresWatchdog(postmasterPid: number, databaseDir: string, say: (message: string) => void): void {
  if (process.platform !== 'linux') return; // it identifies PostgreSQL through /proc
  const script = join(__dirname, 'postgres-watchdog.cli.js');
  if (!existsSync(script)) {
    say(`No PostgreSQL watchdog (${script} is missing): if this server is killed, the next start stops its PostgreSQL.`);
    return;
  }
  const watchdog = spawn(process.execPath, [script, String(process.pid), String(postmasterPid), databaseDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', (error) => say(`The PostgreSQL watchdog did not start: ${error.message}`));
  // Neither the process nor the pipe may keep this server's event loop alive.
  watchdog.unref();
  (watchdog.stdin as unknown as Socket).unref();
}
