import { readFileSync, unlinkSync } from 'node:fs';
import {
  identifyPostmaster,
  postmasterPidFilePath,
  readPostmasterPidFile,
  serverRunning,
  stopOurPostmaster,
} from './postmaster-process';

/**
 * Run before the embedded PostgreSQL starts. A server that was killed (kill -9, the
 * out-of-memory killer) cannot stop its PostgreSQL, which then keeps the port and the data
 * directory, and the next start would fail. `postmaster.pid` in our data directory names that
 * process; if it is still our PostgreSQL and no live server runs it any more, it is stopped
 * cleanly here so that the start can go on.
 */
export async function clearLeftoverPostgres(databaseDir: string, say: (message: string) => void): Promise<void> {
  const pidFile = readPostmasterPidFile(databaseDir);
  if (!pidFile) return;
  const { pid, port } = pidFile;
  switch (identifyPostmaster(pid, databaseDir)) {
    case 'gone':
      // PostgreSQL checks its lock file itself and removes it when its process is gone.
      return;
    case 'unknown':
      // Nothing to go on (no /proc): PostgreSQL's own lock-file check decides.
      return;
    case 'not-ours':
      removeStaleLockFile(databaseDir, pid, say);
      return;
    case 'ours': {
      const server = serverRunning(pid);
      if (server !== undefined) {
        throw new Error(
          `The embedded PostgreSQL in ${databaseDir} (PID ${pid}) is in use by process ${server}. ` +
            'Is another server running with this DATA_DIR? Stop it, or set another DATA_DIR.',
        );
      }
      say(`Stopping the PostgreSQL left running by a server that did not stop cleanly (PID ${pid}${port ? `, port ${port}` : ''})…`);
      const outcome = await stopOurPostmaster(pid, databaseDir);
      if (outcome === 'still-running') {
        throw new Error(`The PostgreSQL left running in ${databaseDir} (PID ${pid}) did not stop; stop it by hand and start again.`);
      }
      return;
    }
  }
}

/**
 * The lock file names a live process that is not a PostgreSQL on this data directory (a PID
 * recycled after a reboot or container restart). PostgreSQL would refuse to start whenever
 * that process belongs to its own OS user, so the file is removed. This is safe: a postmaster
 * that finds its lock file gone or changed shuts itself down, and PostgreSQL's shared-memory
 * check still refuses a second server on one data directory.
 */
function removeStaleLockFile(databaseDir: string, pid: number, say: (message: string) => void) {
  const path = postmasterPidFilePath(databaseDir);
  try {
    // Only the file we judged: not one a PostgreSQL started meanwhile has written.
    if (Number(readFileSync(path, 'utf8').split('\n')[0]) !== pid) return;
    unlinkSync(path);
    say(`Removed a stale postmaster.pid (PID ${pid} is not a PostgreSQL on this data directory).`);
  } catch {
    /* gone already */
  }
}
