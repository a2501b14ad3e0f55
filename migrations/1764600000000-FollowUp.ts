import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up: actions kept by their stable id with a history of status and due-date changes
 * (who, when — the facts follow-up and statistics read), the review of a follow-up meeting,
 * reminders (each fired once), notifications and each person's e-mail preferences.
 */
export class FollowUp1764600000000 implements MigrationInterface {
  name = 'FollowUp1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Actions are no longer deleted and re-inserted by the projection: removed ones keep their row.
    await q.query(`ALTER TABLE plan_action
      ADD COLUMN performer text CHECK (performer IN ('unit','person','relative','other')),
      ADD COLUMN removed_at timestamptz,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN done_at timestamptz`);
    await q.query(`DROP INDEX plan_action_due_idx`);
    await q.query(`CREATE INDEX plan_action_open_due_idx ON plan_action (due_date) WHERE status IN ('planned','ongoing') AND removed_at IS NULL`);
    await q.query(`CREATE INDEX plan_action_unit_idx ON plan_action (performing_unit_id) WHERE removed_at IS NULL`);
    await q.query(`
      CREATE TABLE plan_action_history (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        action_id text NOT NULL,
        change text NOT NULL CHECK (change IN ('created','status','due_date','removed','restored')),
        from_value text,
        to_value text,
        actor_id uuid REFERENCES account(id),
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX plan_action_history_action_idx ON plan_action_history (plan_id, organisation_id, action_id, at)`);

    await q.query(`
      CREATE TABLE follow_up_review (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        item_kind text NOT NULL CHECK (item_kind IN ('action','need','goal')),
        item_key text NOT NULL,
        status text,
        outcome text,
        decision text NOT NULL CHECK (decision IN ('continue','change','end')),
        note text,
        reviewed_by uuid NOT NULL REFERENCES account(id),
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, item_kind, item_key)
      )`);
    await q.query(`ALTER TABLE meeting ADD COLUMN next_follow_up_date date`);

    await q.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule text NOT NULL,
        subject_key text NOT NULL,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Nothing is reminded twice: one row per rule, occurrence and recipient.
        CONSTRAINT reminder_once UNIQUE (rule, subject_key, account_id)
      )`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        kind text NOT NULL,
        link text NOT NULL,
        reminder_id uuid REFERENCES reminder(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_account_idx ON notification (account_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preference (
        account_id uuid PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
        email_address text,
        email_mode text NOT NULL DEFAULT 'immediate' CHECK (email_mode IN ('off','immediate','daily')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Per-county overrides of the reminder rules' days (shared/src/follow-up/reminder-rules.ts).
    await q.query(`ALTER TABLE county_setting ADD COLUMN reminder_days jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE county_setting DROP COLUMN reminder_days`);
    for (const table of ['notification_preference', 'notification', 'reminder', 'follow_up_review', 'plan_action_history']) await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE meeting DROP COLUMN next_follow_up_date`);
    await q.query(`DROP INDEX plan_action_unit_idx`);
    await q.query(`DROP INDEX plan_action_open_due_idx`);
    await q.query(`ALTER TABLE plan_action DROP COLUMN performer, DROP COLUMN removed_at, DROP COLUMN created_at, DROP COLUMN done_at`);
    await q.query(`CREATE INDEX plan_action_due_idx ON plan_action (due_date) WHERE status IN ('planned','ongoing')`);
  }
}
