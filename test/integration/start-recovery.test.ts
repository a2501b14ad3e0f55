import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arrayField, contentToJSON, yMapFrom } from '@sip/shared/yjs';
import { identifyPostmaster, readPostmasterPidFile, stopOurPostmaster } from '../../server/src/database/postmaster-process';
import { signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { freePort } from '../support/free-port';
import { plan } from '../support/plan-builder';
import { killHard, type ServerProcess, spawnServer, waitUntilServing } from '../support/server-process';

/**
 * `npm start` after the server was killed (kill -9, the out-of-memory killer): the embedded
 * PostgreSQL it leaves behind is stopped by the watchdog or taken over by the next start, and
 * every edit the server acknowledged is served again. The server runs as its own process with
 * its own embedded PostgreSQL (no DATABASE_URL), as `npm start` runs it.
 */

const root = join(__dirname, '../..');
const dataDir = join(root, '.test-data', `start-recovery-${process.pid}-${randomBytes(3).toString('hex')}`);
const pgDir = join(dataDir, 'pg');
// Generous: a busy two-core machine, and the first start creates the cluster and seeds it.
const START_TIMEOUT_MS = 180_000;

let pgPort: number;
let port: number;
let server: ServerProcess | undefined;
const decoys: ChildProcess[] = [];
let planId: string;
/** Needs whose `saved` came back from a server before it was killed: each must be served. */
const acknowledged: string[] = [];

const baseUrl = () => `http://127.0.0.1:${port}`;

/** Every server this file started, so that none outlives it. */
const spawned: ServerProcess[] = [];

/** The compiled server with its own embedded PostgreSQL in our data directory, as `npm start` runs it. */
function spawnOnOurDataDir(serverPort: number): ServerProcess {
  const started = spawnServer({
    DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(serverPort),
    SEED_DEMO_DATA: 'true',
  });
  spawned.push(started);
  return started;
}

async function startServer(): Promise<ServerProcess> {
  server = spawnOnOurDataDir(port);
  await waitUntilServing(server, port, START_TIMEOUT_MS);
  return server;
}

function exited(child: ChildProcess, what: string, timeoutMs = 60_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what} to exit`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Every process whose command line contains each of `parts` (read from /proc). */
function processesWith(...parts: string[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parts.every((p) => cmdline.includes(p))) found.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

/** PostgreSQL processes on our data directory: the postmaster and its children all work in it. */
function postgresInDataDir(): number[] {
  const real = realpathSync(pgDir);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === real) found.push(Number(entry));
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return found;
}

const watchdogs = () => processesWith('postgres-watchdog.cli.js', pgDir);

/**
 * The needs a fresh co-editing client is served. `open` returns before the server's copy has
 * arrived, so this waits (bounded) until every acknowledged need is there, then answers what is.
 */
async function servedNeeds(): Promise<Set<string>> {
  const session = await signedIn(baseUrl(), 'eva.lind');
  const client = await CollabClient.connect(baseUrl(), session);
  try {
    const provider = await client.open(planId, 'shared');
    const needs = () => new Set(((contentToJSON(provider.doc, 'shared').needs ?? []) as { id: string }[]).map((n) => n.id));
    const missing = () => acknowledged.filter((id) => !needs().has(id));
    await waitFor(() => missing().length === 0, () => `every acknowledged need to be served (missing: ${missing().join(', ')})`, 30_000).catch(() => undefined);
    return needs();
  } finally {
    client.close();
  }
}

/** A fake postmaster.pid naming `pid`, laid out as PostgreSQL writes it. */
function writePidFile(pid: number) {
  writeFileSync(join(pgDir, 'postmaster.pid'), `${pid}\n${pgDir}\n${Math.floor(Date.now() / 1000)}\n${pgPort}\n\n127.0.0.1\n\nready   \n`);
}

afterAll(async () => {
  // Whatever happened above, no process of this file outlives it.
  for (const started of spawned) await killHard(started.child);
  for (const pid of watchdogs()) process.kill(pid, 'SIGKILL');
  // Found by command line, not through postmaster.pid: a failed test may have overwritten it.
  for (const pid of processesWith(pgDir).filter((p) => identifyPostmaster(p, pgDir) === 'ours')) {
    await stopOurPostmaster(pid, pgDir, { fast: 15_000, immediate: 15_000 });
  }
  for (const decoy of decoys) decoy.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

// Each test builds on the state the one before left (a running server, a stopped cluster):
// after a failure the rest are skipped rather than run on a broken state.
let brokenAt: string | undefined;
beforeEach((ctx) => {
  if (brokenAt) ctx.skip(`skipped: "${brokenAt}" failed`);
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') brokenAt ??= ctx.task.name;
});

describe.sequential('starting again after the server was killed', () => {
  it(
    'a server killed during co-editing comes back with `npm start`, five times in a row, and serves every acknowledged edit',
    async () => {
      mkdirSync(dataDir, { recursive: true });
      pgPort = await freePort();
      port = await freePort();
      await startServer();

      planId = (await plan(baseUrl()).for('anders').by('eva.lind').withConsent(['kommun'], { informationKinds: ['social_services'] }).build()).id;

      for (let round = 1; round <= 5; round++) {
        // Rounds 2 and 4: the watchdog dies too (say the whole group was killed), so the next
        // start must find the PostgreSQL left running and stop it itself.
        const watchdogKilled = round % 2 === 0;
        const client = await CollabClient.connect(baseUrl(), await signedIn(baseUrl(), 'eva.lind'));
        const provider = await client.open(planId, 'shared');
        const idByRef = new Map<number, string>();
        const ackedThisRound: string[] = [];
        client.socket.on('saved', (saved: { ref?: number; seq: number | null }) => {
          const id = saved.ref !== undefined ? idByRef.get(saved.ref) : undefined;
          if (id && saved.seq !== null) ackedThisRound.push(id);
        });

        const edits = 30; // five rounds stay within the schema's 200-item cap for a list
        for (let i = 0; i < edits; i++) {
          arrayField(provider.doc, 'needs').push([yMapFrom({ id: `r${round}-n${i}`, text: `behov ${round}.${i}` })]);
          idByRef.set(provider.lastRef, `r${round}-n${i}`);
          if (i === 10) {
            await waitFor(() => ackedThisRound.length >= 3, () => `three acknowledged edits in round ${round} (got ${ackedThisRound.length}; errors ${JSON.stringify(client.errors)})`, 60_000);
            if (watchdogKilled) {
              const found = watchdogs();
              expect(found.length, 'a watchdog for this data directory').toBeGreaterThan(0);
              for (const pid of found) process.kill(pid, 'SIGKILL');
            }
            await killHard(server!.child); // no warning, no shutdown hooks, mid-burst
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        client.close(); // what it did not get acknowledged is not part of the promise
        acknowledged.push(...ackedThisRound);

        if (watchdogKilled) {
          const left = readPostmasterPidFile(pgDir);
          expect(left && identifyPostmaster(left.pid, pgDir), 'the PostgreSQL left running after the kill').toBe('ours');
        } else {
          await waitFor(() => postgresInDataDir().length === 0, () => `the watchdog to stop PostgreSQL after the kill (still running: ${postgresInDataDir().join(', ')})`, 60_000);
        }
        await startServer();
        if (watchdogKilled) expect(server!.output()).toContain('Stopping the PostgreSQL left running');

        const served = await servedNeeds();
        expect(acknowledged.filter((id) => !served.has(id)), `acknowledged edits missing after restart ${round}`).toEqual([]);
      }
    },
    900_000,
  );

  it('a second server on the same data directory is refused and leaves the running one alone', async () => {
    const running = server!;
    const second = spawnOnOurDataDir(await freePort());
    const code = await exited(second.child, 'the second server', START_TIMEOUT_MS);
    expect(code).toBe(1);
    expect(second.output()).toContain('Is another server running with this DATA_DIR?');
    await waitUntilServing(running, port, 30_000);
    const served = await servedNeeds();
    expect(acknowledged.filter((id) => !served.has(id))).toEqual([]);
  }, 300_000);

  it('Ctrl-C stops the server, its PostgreSQL and its watchdog', async () => {
    const running = server!;
    running.child.kill('SIGINT');
    expect(await exited(running.child, 'the server after SIGINT')).toBe(0);
    await waitFor(() => postgresInDataDir().length === 0, () => `PostgreSQL on ${pgDir} to stop (still: ${postgresInDataDir().join(', ')})`, 30_000);
    await waitFor(() => watchdogs().length === 0, () => `the watchdog to exit (still: ${watchdogs().join(', ')})`, 30_000);
  }, 120_000);

  it('a postmaster.pid naming this test process is stale: the start goes on and signals nobody', async () => {
    const signalled: string[] = [];
    const record = (signal: NodeJS.Signals) => () => signalled.push(signal);
    const listeners = (['SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGHUP'] as const).map((s) => [s, record(s)] as const);
    for (const [s, l] of listeners) process.on(s, l);
    try {
      writePidFile(process.pid);
      const running = await startServer();
      running.child.kill('SIGINT');
      expect(await exited(running.child, 'the server after SIGINT')).toBe(0);
      expect(signalled).toEqual([]);
    } finally {
      for (const [s, l] of listeners) process.off(s, l);
    }
  }, 300_000);

  it('a postmaster.pid naming a PostgreSQL of another data directory: that process is never signalled', async () => {
    // A stand-in that looks like a postmaster elsewhere (`postgres -D <other dir>`) and reports
    // any signal it gets. Under root it runs as the postgres user, as PostgreSQL's own
    // processes do: PostgreSQL alone would then refuse to start ("lock file already exists").
    const otherDir = join(dataDir, 'other-pg');
    mkdirSync(otherDir, { recursive: true });
    const asPostgresUser =
      process.getuid?.() === 0
        ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
        : {};
    const script = "for (const s of ['SIGINT','SIGTERM','SIGQUIT','SIGHUP']) process.on(s, () => console.log('signalled ' + s)); console.log('ready'); setInterval(() => {}, 1e6);";
    const decoy = spawn(process.execPath, ['-e', script, '--', '-D', otherDir], { argv0: 'postgres', stdio: ['ignore', 'pipe', 'inherit'], ...asPostgresUser });
    decoys.push(decoy);
    let said = '';
    decoy.stdout!.on('data', (d) => (said += d));
    await waitFor(() => said.includes('ready'), 'the stand-in process to start', 30_000);
    expect(identifyPostmaster(decoy.pid!, pgDir)).toBe('not-ours');

    writePidFile(decoy.pid!);
    const running = await startServer();
    expect(running.output()).toContain('Removed a stale postmaster.pid');
    running.child.kill('SIGINT');
    // What the server said, should it not stop cleanly (seen once on a heavily loaded machine).
    expect(await exited(running.child, 'the server after SIGINT'), running.output()).toBe(0);
    // Give a stray signal time to be reported before concluding there was none.
    await new Promise((r) => setTimeout(r, 500));
    expect(decoy.exitCode).toBeNull();
    expect(said).not.toContain('signalled');
    decoy.kill('SIGKILL');
  }, 300_000);

  it('a port held by another program: the start fails with a clear message and leaves that program alone', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject);
      holder.listen(pgPort, '127.0.0.1', resolve);
    });
    try {
      const refused = spawnOnOurDataDir(port);
      expect(await exited(refused.child, 'the server that cannot get its port', START_TIMEOUT_MS)).toBe(1);
      expect(refused.output()).toContain('Is another instance using that port?');
      expect(holder.listening).toBe(true);
      expect(postgresInDataDir()).toEqual([]);
    } finally {
      await new Promise((r) => holder.close(r));
    }
  }, 300_000);
});
