import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';
import { MailerService } from './mailer.service';
import { reminderMail } from './notification-texts';

export const DAILY_DIGEST_JOB = 'notification-digest';

interface Recipient {
  account_id: string;
  email_address: string;
  kind: 'staff' | 'citizen';
  unread: number;
}

/**
 * Notifications not yet e-mailed go out as one message per person — at once for those who
 * chose it, in a digest at 07:00 (Stockholm) for the others. The message says how many
 * things there are to do and where to look, nothing more.
 */
@Injectable()
export class EmailDispatchService implements OnModuleInit {
  private readonly logger = new Logger('EmailDispatch');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: MailerService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit() {
    this.jobs.define({ name: DAILY_DIGEST_JOB, cron: '0 7 * * *', handler: async () => void (await this.send('daily')) });
  }

  /** Sends what is waiting for people of this mode (optionally only these accounts); returns how many e-mails. */
  async send(mode: 'immediate' | 'daily', accountIds?: string[]): Promise<number> {
    // Claims the notifications it mails in the same statement, so two instances never mail one twice.
    const recipients: Recipient[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification n SET emailed_at = now()
           FROM notification_preference p
          WHERE p.account_id = n.account_id AND p.email_mode = $1 AND p.email_address IS NOT NULL
            AND n.emailed_at IS NULL AND n.read_at IS NULL
            AND ($2::uuid[] IS NULL OR n.account_id = ANY($2))
          RETURNING n.account_id)
       SELECT c.account_id, p.email_address, a.kind,
              (SELECT count(*)::int FROM notification u WHERE u.account_id = c.account_id AND u.read_at IS NULL) AS unread
         FROM (SELECT DISTINCT account_id FROM claimed) c
         JOIN notification_preference p ON p.account_id = c.account_id
         JOIN account a ON a.id = c.account_id AND NOT a.disabled`,
      [mode, accountIds ?? null],
    );
    for (const r of recipients) {
      const link = `${this.config.publicUrl}${r.kind === 'staff' ? '/todo' : '/'}`;
      try {
        await this.mailer.send({ to: r.email_address, ...reminderMail(r.unread, link) });
      } catch (error) {
        this.logger.error({ err: { message: (error as Error).message } }, 'A reminder e-mail could not be sent');
      }
    }
    return recipients.length;
  }
}
