import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { SWEDISH_TIME_ZONE } from '@sip/shared';
import { DATABASE_URL } from '../config/database-url';

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Runs it on this cron schedule (Stockholm time), once across all instances. */
  cron?: string;
  handler: (data: T) => Promise<void>;
  /** Retries with exponential back-off before the job counts as failed. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

/**
 * The job queue: pg-boss on the application's own PostgreSQL (the embedded one too), so it
 * needs no extra service. Each job runs once, on one instance, even with several instances
 * (pg-boss takes jobs with SELECT … FOR UPDATE SKIP LOCKED); cron schedules are kept in the
 * database and sent once per slot. Jobs are defined by their feature (e.g.
 * consent/consent-expiry.job.ts) and started when the application has booted.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition<any>>();
  private boss: PgBoss | null = null;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  define<T extends object>(definition: JobDefinition<T>) {
    if (this.boss) throw new Error(`Job ${definition.name} defined after the queue started`);
    this.definitions.set(definition.name, definition);
  }

  async onApplicationBootstrap() {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 4,
      application_name: 'sip-jobs',
      // Polling is cheap (an indexed query); half a second keeps reminders prompt.
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', (error) => this.logger.error({ err: { message: error.message } }, 'Job queue error'));
    await boss.start();
    for (const d of this.definitions.values()) {
      await boss.createQueue(d.name, { name: d.name, retryLimit: d.retryLimit ?? 5, retryDelay: d.retryDelaySeconds ?? 10, retryBackoff: true });
      await boss.work(d.name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) await d.handler(job.data as object);
      });
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: SWEDISH_TIME_ZONE });
    }
    this.boss = boss;
  }

  /** Queues a job now; resolves with its id. */
  async send(name: string, data: object = {}): Promise<string> {
    if (!this.boss) throw new Error('The job queue has not started');
    const id = await this.boss.send(name, data);
    if (!id) throw new Error(`Job ${name} was not queued`);
    return id;
  }

  /** Waits until a job has finished; resolves with its final state. */
  async finished(name: string, id: string, timeoutMs = 20_000): Promise<'completed' | 'failed' | 'cancelled'> {
    const started = Date.now();
    for (;;) {
      const job = await this.boss!.getJobById(name, id, { includeArchive: true });
      if (job && (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled')) return job.state;
      if (Date.now() - started > timeoutMs) throw new Error(`Job ${name} ${id} did not finish within ${timeoutMs} ms (state ${job?.state ?? 'unknown'})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async onModuleDestroy() {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }
}

/** Creates the queue's tables ahead of the first start (migrations and the test template). */
export async function ensureJobQueueSchema(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}
