import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';
import { migrateDatabase } from '../database/migrate-database';
import { seedIfEmpty } from './demo-seed';
import { seedLargeData } from './large-seed';

/** `npm run seed:large [-- N]`: adds N (default 100 000) plans to the development database. */
async function main() {
  const plans = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(plans) || plans < 1 || plans > 2_000_000) throw new Error('Give the number of plans, 1–2 000 000');
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, { say: console.log });
  try {
    if (embedded) await ensureDatabase(embedded.url('postgres'), 'sip');
    const url = config.databaseUrl ?? embedded!.url('sip');
    await migrateDatabase(url, console.log);
    await seedIfEmpty(url, config, console.log);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    await seedLargeData(dataSource, config, plans, console.log);
    await dataSource.destroy();
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
