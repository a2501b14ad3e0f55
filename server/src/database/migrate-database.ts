import { DataSource } from 'typeorm';
import { ensureJobQueueSchema } from '../jobs/jobs.service';
import { dataSourceOptions } from './data-source';

/** Applies pending migrations and makes sure the job queue's tables exist. */
export async function migrateDatabase(databaseUrl: string, log: (message: string) => void = () => {}): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of migrations) log(`Applied migration ${m.name}`);
    await ensureJobQueueSchema(databaseUrl);
    return migrations.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
