import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TZDate } from '@date-fns/tz';
import { addBusinessDays } from 'date-fns';
import { REMINDER_RULE_IDS, type ReminderRule, SWEDISH_TIME_ZONE, reminderOffset } from '@sip/shared';
import { Clock } from '../jobs/clock';
import { JobsService } from '../jobs/jobs.service';
import { EmailDispatchService } from '../notifications/email-dispatch.service';
import { reminderLink } from '../notifications/notification-texts';
import { NotificationsService } from '../notifications/notifications.service';
import { REMINDER_SQL } from './reminder-rules.sql';

export const REMINDER_SCAN_JOB = 'reminder-scan';

interface Candidate {
  subject_key: string;
  plan_id: string;
  account_id: string;
  due_at: Date;
  detail: string | null;
}

/**
 * Every minute (once across all instances, on the job queue) each reminder rule is asked
 * what has become due. A reminder is a row per rule, occurrence and recipient — unique, so
 * nothing is reminded twice even if two scans overlap — and becomes a notification (pushed
 * live) and, for those who want it at once, an e-mail. Nothing is scheduled ahead: a plan
 * closed, a consent withdrawn or an item done is simply no longer found.
 */
@Injectable()
export class ReminderScan implements OnModuleInit {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly email: EmailDispatchService,
  ) {}

  onModuleInit() {
    this.jobs.define({ name: REMINDER_SCAN_JOB, cron: '* * * * *', retryLimit: 3, handler: async () => void (await this.scan()) });
  }

  /** Runs every rule now; returns how many reminders were new, per rule. */
  async scan(): Promise<Record<ReminderRule, number>> {
    const now = this.clock.now();
    const today = this.clock.today();
    const counts = {} as Record<ReminderRule, number>;
    const reminded = new Set<string>();
    for (const rule of REMINDER_RULE_IDS) {
      // Every rule gets the same three parameters, typed here whether or not it uses them all.
      const sql = `WITH params AS (SELECT $1::timestamptz, $2::date, $3::int), found AS (${REMINDER_SQL[rule]}) SELECT * FROM found`;
      let due: Candidate[] = await this.dataSource.query(sql, [now, today, reminderOffset(rule)]);
      if (rule === 'call_unanswered') due = due.filter((c) => workingDaysAfter(c.due_at, Number(c.detail)) <= now);
      counts[rule] = due.length ? await this.remind(rule, due, reminded) : 0;
    }
    if (reminded.size) {
      await this.notifications.pushUnread(reminded);
      await this.email.send('immediate', [...reminded]);
    }
    if (Object.values(counts).some(Boolean)) this.logger.log({ counts }, 'Reminders sent');
    return counts;
  }

  private async remind(rule: ReminderRule, due: Candidate[], reminded: Set<string>): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: { id: string; subject_key: string; plan_id: string; account_id: string }[] = await m.query(
        // A disabled account is reminded of nothing (it cannot act, and e-mail would still reach it).
        `INSERT INTO reminder (rule, subject_key, plan_id, account_id, due_at)
         SELECT $1, u.* FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::timestamptz[]) AS u(subject_key, plan_id, account_id, due_at)
           JOIN account a ON a.id = u.account_id AND NOT a.disabled
         ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING
         RETURNING id, subject_key, plan_id, account_id`,
        [rule, due.map((d) => d.subject_key), due.map((d) => d.plan_id), due.map((d) => d.account_id), due.map((d) => d.due_at)],
      );
      const detail = new Map(due.map((d) => [`${d.subject_key}|${d.account_id}`, d.detail]));
      await this.notifications.create(
        rows.map((r) => ({
          accountId: r.account_id,
          kind: rule,
          link: reminderLink(rule, r.plan_id, rule === 'call_unanswered' ? null : (detail.get(`${r.subject_key}|${r.account_id}`) ?? null)),
          reminderId: r.id,
        })),
        m,
      );
      for (const r of rows) reminded.add(r.account_id);
      return rows.length;
    });
  }
}

/** The moment `days` working days after `from`, counted in Stockholm's calendar (Mon–Fri). */
export function workingDaysAfter(from: Date, days: number): Date {
  return new Date(addBusinessDays(new TZDate(from.getTime(), SWEDISH_TIME_ZONE), days).getTime());
}
