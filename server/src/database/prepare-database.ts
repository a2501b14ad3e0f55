import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { isDatabaseEmpty, seedDemoData } from '../seed/demo-seed';
import { ensureJobQueueSchema } from '../jobs/jobs.service';
import { dataSourceOptions } from './data-source';

/** Applies pending migrations and, on an empty database, the demo data when configured. */
export async function prepareDatabase(
  databaseUrl: string,
  config: AppConfig,
  log: (message: string) => void = () => {},
): Promise<{ migrated: string[]; seeded: boolean }> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of migrations) log(`Applied migration ${m.name}`);
    await ensureJobQueueSchema(databaseUrl);
    let seeded = false;
    if (config.seedDemoData && (await isDatabaseEmpty(dataSource))) {
      await seedDemoData(dataSource, config);
      seeded = true;
      log('Seeded demo data');
    }
    return { migrated: migrations.map((m) => m.name), seeded };
  } finally {
    await dataSource.destroy();
  }
}
