import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Namespace } from 'socket.io';
import type { NotificationList, NotificationPreference, NotifyUnread, ReminderRule } from '@sip/shared';
import { consentInForceSql } from '../access/domain.sql';
import { PlanAccessEvents } from '../access/plan-access-events';
import type { Actor } from '../auth/actor';

/** The /notify room of one account's open tabs. */
export const accountRoomOf = (accountId: string) => `account:${accountId}`;

export interface NewNotification {
  accountId: string;
  kind: ReminderRule;
  link: string;
  reminderId: string | null;
}

interface NotificationRow {
  id: string;
  kind: ReminderRule;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** The in-app notification centre: stored per account, the unread count pushed live. */
@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private namespace: Namespace | null = null;
  private stop: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessEvents: PlanAccessEvents,
  ) {}

  onModuleInit() {
    this.stop = this.accessEvents.onPlanChanged(async ({ planId, reason }) => {
      if (reason === 'state_changed' || reason === 'consent_withdrawn' || reason === 'consent_ended') await this.cancelForPlan(planId);
    });
  }

  onModuleDestroy() {
    this.stop?.();
  }

  /**
   * Closing the plan or the end of its consent cancels what was pending about it: its unread
   * reminders are marked read (so no digest mails them, and the counts go down at once).
   */
  async cancelForPlan(planId: string) {
    const rows: { account_id: string }[] = await this.dataSource.query(
      `UPDATE notification n SET read_at = now()
         FROM reminder r JOIN plan p ON p.id = r.plan_id
        WHERE n.reminder_id = r.id AND r.plan_id = $1 AND n.read_at IS NULL
          AND (p.state = 'avslutad' OR NOT EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = p.id AND ${consentInForceSql('c')}))
        RETURNING n.account_id`,
      [planId],
    );
    if (rows.length) await this.pushUnread(rows.map((r) => r.account_id));
  }

  attach(namespace: Namespace) {
    this.namespace = namespace;
  }

  async create(notifications: NewNotification[], m: EntityManager = this.dataSource.manager): Promise<void> {
    if (!notifications.length) return;
    // One statement for all: a scan catching up after downtime makes thousands at once.
    await m.query(
      `INSERT INTO notification (account_id, kind, link, reminder_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])`,
      [notifications.map((n) => n.accountId), notifications.map((n) => n.kind), notifications.map((n) => n.link), notifications.map((n) => n.reminderId)],
    );
  }

  /** Tells each account's open tabs, on every instance, how many are unread now. */
  async pushUnread(accountIds: Iterable<string>) {
    const ids = [...new Set(accountIds)];
    if (!ids.length) return;
    // Every count in one statement: a day's first reminder scan reaches hundreds of accounts.
    const counts: { account_id: string; unread: number }[] = await this.dataSource.query(
      `SELECT a.account_id, (SELECT count(*)::int FROM notification n WHERE n.account_id = a.account_id AND n.read_at IS NULL) AS unread
         FROM unnest($1::uuid[]) AS a(account_id)`,
      [ids],
    );
    for (const { account_id: accountId, unread } of counts) {
      // A room broadcast: with Redis, the adapter takes it to every instance.
      this.namespace?.to(accountRoomOf(accountId)).emit('unread', { unread } satisfies NotifyUnread);
    }
  }

  async unreadCount(accountId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query('SELECT count(*)::int AS n FROM notification WHERE account_id = $1 AND read_at IS NULL', [accountId]);
    return n;
  }

  async list(actor: Actor): Promise<NotificationList> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, kind, link, created_at, read_at FROM notification WHERE account_id = $1 ORDER BY created_at DESC, id LIMIT 50`,
      [actor.accountId],
    );
    return {
      items: rows.map((r) => ({ id: r.id, kind: r.kind, link: r.link, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null })),
      unread: await this.unreadCount(actor.accountId),
    };
  }

  /** Marks the given notifications (or all) read; only the actor's own. */
  async markRead(actor: Actor, ids: string[] | 'all'): Promise<NotificationList> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE account_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2))`,
      [actor.accountId, ids === 'all' ? null : ids],
    );
    await this.pushUnread([actor.accountId]);
    return this.list(actor);
  }

  async preference(accountId: string): Promise<NotificationPreference> {
    const [row]: { email_address: string | null; email_mode: NotificationPreference['emailMode'] }[] = await this.dataSource.query(
      'SELECT email_address, email_mode FROM notification_preference WHERE account_id = $1',
      [accountId],
    );
    return { emailAddress: row?.email_address ?? null, emailMode: row?.email_mode ?? 'immediate' };
  }

  async setPreference(actor: Actor, input: NotificationPreference): Promise<NotificationPreference> {
    await this.dataSource.query(
      `INSERT INTO notification_preference (account_id, email_address, email_mode) VALUES ($1, $2, $3)
       ON CONFLICT (account_id) DO UPDATE SET email_address = excluded.email_address, email_mode = excluded.email_mode, updated_at = now()`,
      [actor.accountId, input.emailAddress, input.emailMode],
    );
    this.logger.debug('Notification preference changed');
    return this.preference(actor.accountId);
  }
}
