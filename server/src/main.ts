import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from './database/embedded-postgres';
import { startPostgresWatchdog } from './database/postgres-watchdog';
import { migrateDatabase } from './database/migrate-database';
import { seedIfEmpty } from './seed/demo-seed';
import { DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF } from './seed/demo-data';
import { startEventLoopReport } from './event-loop-report';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main() {
  const config = loadConfig();
  if (process.env.SIP_EVENT_LOOP_REPORT_MS) startEventLoopReport(Number(process.env.SIP_EVENT_LOOP_REPORT_MS));

  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    say(`Starting the embedded PostgreSQL (data in ${join(config.dataDir, 'pg')})…`);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, { say });
    // Stops PostgreSQL should this process be killed before it can do so itself.
    if (embedded.pid) startPostgresWatchdog(embedded.pid, embedded.databaseDir, say);
    await ensureDatabase(embedded.url('postgres'), 'sip');
    databaseUrl = embedded.url('sip');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    say('Stopped.');
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  // While stopping, a job still running past the queue's grace period fails against the
  // database that is going away, and pg-boss reports that failure as an unhandled rejection.
  // That is the stop itself, not a fault: say it and go on stopping. At any other time an
  // unhandled rejection is a fault and ends the process, as Node would.
  process.on('unhandledRejection', (reason) => {
    if (stopping) {
      say(`(while stopping: ${(reason as Error)?.message ?? String(reason)})`);
      return;
    }
    throw reason;
  });
  // embedded-postgres hooks these signals when it is imported (async-exit-hook): it stops every
  // cluster and exits with 128 + the signal, racing the stop below — on a busy machine it won,
  // and the server exited 130 with the app half closed under it. The stop below closes the
  // app first and then the database; it alone answers these signals.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  try {
    await migrateDatabase(databaseUrl, say);
    const seeded = config.seedDemoData && (await seedIfEmpty(databaseUrl, config, say));
    app = await createApp({ config, databaseUrl });
    await app.listen(config.port, config.host);
    const url = `http://localhost:${config.port}`;
    say('');
    say(`SIP platform ready in ${process.uptime().toFixed(1)} s at ${url}`);
    say(`  API ${url}/api   ·   OpenAPI ${url}/api/docs`);
    if (config.seedDemoData) {
      say(`  Demo sign-ins (password "${DEMO_PASSWORD}")${seeded ? '' : ', if the demo data is still there'}:`);
      for (const s of DEMO_STAFF) say(`    ${s.username.padEnd(18)} ${s.title} (${s.systemRoles.join(', ')})`);
      for (const p of DEMO_PERSONS) {
        if (p.username) say(`    ${p.username.padEnd(18)} ${p.name} (huvudperson)`);
        for (const r of p.relations) say(`    ${r.username.padEnd(18)} ${r.displayName} (${r.kind === 'guardian' ? 'vårdnadshavare' : 'närstående'} till ${p.name})`);
      }
    }
    say('Press Ctrl-C to stop.');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
