import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU time of the processes in a benchmark (Linux /proc), so that a latency tail can be set
 * against how much CPU each part of a system used on a shared machine.
 */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of one process so far; 0 if it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The benchmark's own PostgreSQL (the test setup's, under .test-data): postmaster and its backends. */
export function databaseCpuSeconds(): number {
  const root = join(__dirname, '../../.test-data');
  const postmasters = new Set<number>();
  for (const dir of safeList(root)) {
    try {
      postmasters.add(Number(readFileSync(join(root, dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]));
    } catch {
      /* not a PostgreSQL directory */
    }
  }
  let total = 0;
  for (const entry of safeList('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    if (postmasters.has(pid) || postmasters.has(parentOf(pid))) total += cpuSecondsOf(pid);
  }
  return total;
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
