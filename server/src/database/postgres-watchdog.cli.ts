import { serverRunning, stopOurPostmaster } from './postmaster-process';

/**
 * The embedded PostgreSQL's watchdog, a process of its own (see postgres-watchdog.ts).
 * Arguments: the server's PID, the postmaster's PID, the PostgreSQL data directory.
 * Its stdin is a pipe from the server that nobody writes to: end of file means the server
 * has exited, however it died. A once-a-second check of the server's PID backs that up.
 */
const [serverPid, postmasterPid] = process.argv.slice(2, 4).map(Number) as [number, number];
const databaseDir = process.argv[4]!;

let stopping = false;
async function serverGone() {
  if (stopping) return;
  stopping = true;
  // After a clean stop the postmaster is gone already and nothing is sent. Otherwise it is
  // stopped only if that PID still is a postgres on our data directory that no live server
  // runs (a recycled PID could belong to the next server's PostgreSQL).
  if (serverRunning(postmasterPid) === undefined) {
    await stopOurPostmaster(postmasterPid, databaseDir).catch(() => undefined);
  }
  process.exit(0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

process.stdin.on('end', () => void serverGone());
process.stdin.on('close', () => void serverGone());
process.stdin.on('error', () => void serverGone());
process.stdin.resume();
setInterval(() => {
  if (!isAlive(serverPid)) void serverGone();
}, 1000);
