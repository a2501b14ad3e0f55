import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';

/**
 * Recognising *our* PostgreSQL server process (the postmaster) and stopping it. Used at start
 * (a server that was killed left its PostgreSQL running) and by the watchdog (the server died
 * just now). Every signal is sent only after the process was checked to be a `postgres`
 * binary running on our data directory, so a recycled PID or someone else's PostgreSQL is
 * never touched. Linux only (it reads /proc); elsewhere every check answers `unknown`.
 */

/** What `postmaster.pid` says (PostgreSQL docs, "Database File Layout"). */
export interface PostmasterPidFile {
  pid: number;
  dataDir: string;
  port: number | undefined;
}

export function postmasterPidFilePath(databaseDir: string): string {
  return join(databaseDir, 'postmaster.pid');
}

/** Line 1 is the PID, line 2 the data directory, line 4 the port. Absent or half-written: undefined. */
export function readPostmasterPidFile(databaseDir: string): PostmasterPidFile | undefined {
  let text: string;
  try {
    text = readFileSync(postmasterPidFilePath(databaseDir), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const port = Number(lines[3]);
  return { pid, dataDir: lines[1] ?? '', port: Number.isInteger(port) && port > 0 ? port : undefined };
}

/**
 * - `gone`: no such process (or only its zombie is left);
 * - `ours`: a postgres postmaster whose data directory is `databaseDir`;
 * - `not-ours`: alive, and verifiably something else (another program, or a PostgreSQL on
 *   another data directory, or a PostgreSQL child process, whose title is rewritten);
 * - `unknown`: alive, but /proc could not tell us what it is.
 */
export type PostmasterVerdict = 'gone' | 'ours' | 'not-ours' | 'unknown';

export function identifyPostmaster(pid: number, databaseDir: string): PostmasterVerdict {
  if (!processExists(pid)) return 'gone';
  const args = commandLine(pid);
  if (args === undefined) return processExists(pid) ? 'unknown' : 'gone';
  // A zombie (and a kernel thread) has an empty command line.
  if (args.length === 0) return 'not-ours';
  if (!['postgres', 'postmaster'].includes(basename(args[0]!))) return 'not-ours';
  const dataDir = dataDirectoryOf(pid, args);
  if (dataDir === undefined) return 'unknown';
  return samePath(dataDir, databaseDir) ? 'ours' : 'not-ours';
}

/**
 * The postmaster is a child of the server that started it. While that parent is a live
 * Node.js process, a server is using the PostgreSQL and it must be left alone; once the server
 * has died, the postmaster belongs to init or a subreaper, which is not Node.js (except where
 * the server itself runs as PID 1, and then it is alive). Returns the live server's PID.
 */
export function serverRunning(postmasterPid: number): number | undefined {
  const parent = parentPid(postmasterPid);
  return parent !== undefined && isNodeProcess(parent) ? parent : undefined;
}

function parentPid(pid: number): number | undefined {
  try {
    const match = /^PPid:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Judged by the program name on its command line. */
function isNodeProcess(pid: number): boolean {
  const program = commandLine(pid)?.[0];
  return program !== undefined && [basename(process.execPath), 'node'].includes(basename(program));
}

export type StopOutcome = 'was-not-running' | 'stopped' | 'still-running';

/**
 * Fast shutdown first (SIGINT: clients are disconnected, a checkpoint written, the lock file
 * removed). Only if that has not finished in time, immediate shutdown (SIGQUIT: the next start
 * replays the write-ahead log, so nothing acknowledged is lost). Never SIGKILL: a killed
 * postmaster leaves its children and shared memory behind, which blocks the next start.
 */
export async function stopOurPostmaster(
  pid: number,
  databaseDir: string,
  patienceMs = { fast: 30_000, immediate: 30_000 },
): Promise<StopOutcome> {
  if (identifyPostmaster(pid, databaseDir) !== 'ours') return 'was-not-running';
  const steps: [NodeJS.Signals, number][] = [['SIGINT', patienceMs.fast], ['SIGQUIT', patienceMs.immediate]];
  for (const [signal, patience] of steps) {
    // Checked again right before each signal: the PID may have been recycled meanwhile.
    if (identifyPostmaster(pid, databaseDir) !== 'ours') return 'stopped';
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'stopped';
      throw error;
    }
    if (await waitUntil(() => identifyPostmaster(pid, databaseDir) !== 'ours', patience)) return 'stopped';
  }
  return 'still-running';
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const args = raw.split('\0');
    if (args.at(-1) === '') args.pop();
    return args;
  } catch {
    return undefined;
  }
}

/**
 * The `-D` argument when it is absolute. Otherwise (relative, or PGDATA from the environment)
 * the process's working directory: the postmaster changes into its data directory at start.
 */
function dataDirectoryOf(pid: number, args: string[]): string | undefined {
  const flag = args.findIndex((a) => a === '-D' || (a.startsWith('-D') && a.length > 2));
  const given = flag < 0 ? undefined : args[flag] === '-D' ? args[flag + 1] : args[flag]!.slice(2);
  if (given && isAbsolute(given)) return given;
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
