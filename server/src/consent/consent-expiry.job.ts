import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanAccessEvents } from '../access/plan-access-events';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../jobs/clock';
import { JobsService } from '../jobs/jobs.service';

export const CONSENT_EXPIRY_JOB = 'consent-expiry';

/**
 * A consent stops being in force after its last day (valid_to, a Stockholm date): from then
 * on nothing crosses the secrecy boundary. Access follows the date by itself on every
 * request; this job, every minute, makes it reach the open co-editing sockets too — it marks
 * each consent whose period is over, audits it and announces the change of rights. The
 * marking is one UPDATE … RETURNING, so a consent is announced once even if two instances
 * ran the job at the same moment.
 */
@Injectable()
export class ConsentExpiryJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: PlanAccessEvents,
  ) {}

  onModuleInit() {
    this.jobs.define({ name: CONSENT_EXPIRY_JOB, cron: '* * * * *', handler: async () => void (await this.run()) });
  }

  async run(): Promise<number> {
    const ended: { id: string; plan_id: string }[] = await this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE consent SET ended_at = now()
          WHERE ended_at IS NULL AND withdrawn_at IS NULL AND valid_to < $1::date
          RETURNING id, plan_id`,
        [this.clock.today()],
      );
      for (const row of rows as { id: string; plan_id: string }[]) {
        await this.audit.append({ actorId: null, actorRole: 'system', action: 'plan.consent.end', targetType: 'consent', targetId: row.id, planId: row.plan_id }, m);
      }
      return rows;
    });
    for (const planId of new Set(ended.map((r) => r.plan_id))) await this.events.planChanged({ planId, reason: 'consent_ended' });
    return ended.length;
  }
}
