import type { MigrationInterface, QueryRunner } from 'typeorm';

const VERSIONS = `('ordforande','personal','vuxna','ungdomar','foraldrar','aldre','narstaende','ovriga')`;
const PARTS = `('inledning','aktuell_situation','behov','sammanfattning','avslutning')`;

/**
 * Mötescirkeln: each participant's preparation (private answers, some shared into the
 * agenda), the live meeting's state, attendance with mandate, how the person gets the plan,
 * the evaluation after the meeting, and each county's shares of the meeting's time.
 */
export class Motescirkeln1764700000000 implements MigrationInterface {
  name = 'Motescirkeln1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per author, meeting, circle, part and question. Private to the author unless
    // shared; the words never leave this table except to their author, or — shared — to the
    // meeting's audience (server/src/preparation/preparation.repository.ts).
    await q.query(`
      CREATE TABLE preparation_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES account(id),
        version text NOT NULL CHECK (version IN ${VERSIONS}),
        part text NOT NULL CHECK (part IN ${PARTS}),
        question_key text NOT NULL CHECK (char_length(question_key) BETWEEN 1 AND 60),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        shared boolean NOT NULL DEFAULT false,
        shared_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT preparation_answer_once UNIQUE (meeting_id, author_id, version, part, question_key),
        CONSTRAINT preparation_answer_shared_at CHECK (shared = (shared_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX preparation_answer_shared_idx ON preparation_answer (meeting_id) WHERE shared`);
    // The circle someone chose instead of the one their role gives.
    await q.query(`
      CREATE TABLE preparation_choice (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id),
        version text NOT NULL CHECK (version IN ${VERSIONS}),
        PRIMARY KEY (meeting_id, account_id)
      )`);
    await q.query(`ALTER TABLE meeting ADD COLUMN child_prepares_with_guardians boolean NOT NULL DEFAULT false`);

    // The live meeting: one row once started. No words but the note-taker's notes and the
    // person's stated preference, which are read over REST under the policy.
    await q.query(`
      CREATE TABLE meeting_live (
        meeting_id uuid PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        started_by uuid NOT NULL REFERENCES account(id),
        ended_at timestamptz,
        ended_by uuid REFERENCES account(id),
        current_part text NOT NULL CHECK (current_part IN ${PARTS}),
        part_started_at timestamptz NOT NULL,
        part_log jsonb NOT NULL DEFAULT '[]',
        checklist jsonb NOT NULL DEFAULT '{}',
        agenda_done jsonb NOT NULL DEFAULT '[]',
        notes text CHECK (char_length(notes) <= 20000),
        person_preference text CHECK (char_length(person_preference) <= 500),
        revision integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX meeting_live_plan_idx ON meeting_live (plan_id)`);
    // Someone taking part for a called principal attended with (or without) the mandate to decide.
    await q.query(`ALTER TABLE meeting_attendance ADD COLUMN with_mandate boolean`);
    // How the person gets the plan: digital access, or a copy sent — and how.
    await q.query(`ALTER TABLE plan ADD COLUMN plan_delivery text CHECK (plan_delivery IN ('digital','copy')),
                   ADD COLUMN plan_delivery_how text CHECK (char_length(plan_delivery_how) <= 300)`);

    // Three questions after the meeting, once per participant. Read only as counts.
    await q.query(`
      CREATE TABLE meeting_evaluation (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        respondent text NOT NULL CHECK (respondent IN ('person_side','staff')),
        satisfied text NOT NULL CHECK (satisfied IN ('yes','partly','no')),
        understood text NOT NULL CHECK (understood IN ('yes','partly','no')),
        knows_contact text NOT NULL CHECK (knows_contact IN ('yes','partly','no')),
        comment text CHECK (char_length(comment) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, account_id)
      )`);

    // Each part's share of the meeting's time, per county (shared/src/motescirkeln/parts.ts).
    await q.query(`ALTER TABLE county_setting ADD COLUMN meeting_part_shares jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE county_setting DROP COLUMN meeting_part_shares`);
    await q.query(`DROP TABLE meeting_evaluation`);
    await q.query(`ALTER TABLE plan DROP COLUMN plan_delivery, DROP COLUMN plan_delivery_how`);
    await q.query(`ALTER TABLE meeting_attendance DROP COLUMN with_mandate`);
    await q.query(`DROP TABLE meeting_live`);
    await q.query(`ALTER TABLE meeting DROP COLUMN child_prepares_with_guardians`);
    await q.query(`DROP TABLE preparation_choice`);
    await q.query(`DROP TABLE preparation_answer`);
  }
}
