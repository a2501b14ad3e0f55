import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SIP plans: lifecycle, consent, participants, meetings, calls and per-county settings. */
export class Plans1763900000000 implements MigrationInterface {
  name = 'Plans1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE county_setting (
        county_code text PRIMARY KEY,
        discharge_call_days integer NOT NULL DEFAULT 3 CHECK (discharge_call_days BETWEEN 1 AND 30)
      )`);
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        state text NOT NULL CHECK (state IN ('initierad','samtycke','forberedelse','kallad','mote_hallet','faststalld','uppfoljning','avslutad')),
        trigger text NOT NULL CHECK (trigger IN ('ordinary','discharge','request')),
        requested_by text CHECK (requested_by IN ('person','relative','other_actor')),
        reason text NOT NULL,
        initiating_unit_id uuid NOT NULL REFERENCES unit(id),
        initiating_organisation_id uuid NOT NULL REFERENCES organisation(id),
        initiated_by uuid NOT NULL REFERENCES account(id),
        lead_organisation_id uuid REFERENCES organisation(id),
        long_term_goal text,
        questions jsonb NOT NULL DEFAULT '[]',
        child_secrecy boolean NOT NULL DEFAULT false,
        child_secrecy_reason text,
        child_view text,
        discharge_ready_at timestamptz,
        discharge_call_due_at timestamptz,
        first_call_at timestamptz,
        next_meeting_at timestamptz,
        closing_reason text,
        closing_note text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_request_has_requester CHECK ((trigger = 'request') = (requested_by IS NOT NULL)),
        CONSTRAINT plan_discharge_has_ready_at CHECK ((trigger = 'discharge') = (discharge_ready_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX plan_person_idx ON plan (person_id)`);
    await q.query(`CREATE INDEX plan_initiating_unit_idx ON plan (initiating_unit_id, state)`);
    await q.query(`
      CREATE TABLE plan_transition (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        from_state text,
        to_state text NOT NULL,
        action text NOT NULL,
        actor_id uuid REFERENCES account(id),
        at timestamptz NOT NULL DEFAULT now(),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX plan_transition_plan_idx ON plan_transition (plan_id, id)`);
    await q.query(`
      CREATE TABLE plan_participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        role text NOT NULL,
        account_id uuid REFERENCES account(id),
        organisation_id uuid REFERENCES organisation(id),
        unit_id uuid REFERENCES unit(id),
        external_name text,
        external_contact text,
        added_by uuid REFERENCES account(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by uuid REFERENCES account(id),
        CONSTRAINT participant_is_someone CHECK (account_id IS NOT NULL OR external_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX plan_participant_plan_idx ON plan_participant (plan_id) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX plan_participant_account_idx ON plan_participant (account_id, plan_id) WHERE removed_at IS NULL`);
    await q.query(`
      CREATE UNIQUE INDEX plan_participant_unique_role ON plan_participant (plan_id, account_id, role)
      WHERE removed_at IS NULL AND account_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        given_by text NOT NULL CHECK (given_by IN ('person','guardians','representative')),
        guardian_account_ids uuid[] NOT NULL DEFAULT '{}',
        representative_name text,
        form text NOT NULL CHECK (form IN ('written','oral')),
        documented_by uuid NOT NULL REFERENCES account(id),
        scope_organisation_ids uuid[] NOT NULL,
        scope_unit_ids uuid[] NOT NULL DEFAULT '{}',
        information_kinds text[] NOT NULL DEFAULT '{}',
        exclusions text,
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES account(id),
        withdrawal_note text,
        CONSTRAINT consent_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX consent_plan_idx ON consent (plan_id)`);
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('formote','sip','uppfoljning')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
        location text,
        video_link text,
        purpose text,
        chair_participant_id uuid REFERENCES plan_participant(id),
        note_taker_participant_id uuid REFERENCES plan_participant(id),
        held_on date,
        person_took_part boolean,
        relatives_took_part boolean,
        created_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_plan_idx ON meeting (plan_id, starts_at)`);
    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES plan_participant(id),
        mode text NOT NULL CHECK (mode IN ('in_person','video','phone','absent')),
        PRIMARY KEY (meeting_id, participant_id)
      )`);
    await q.query(`
      CREATE TABLE plan_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('kallelse','inbjudan')),
        organisation_id uuid REFERENCES organisation(id),
        unit_id uuid REFERENCES unit(id),
        participant_id uuid REFERENCES plan_participant(id),
        purpose text NOT NULL,
        long_term_goal text,
        questions jsonb NOT NULL DEFAULT '[]',
        sent_by uuid NOT NULL REFERENCES account(id),
        sent_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES account(id),
        CONSTRAINT call_has_recipient CHECK (
          (kind = 'kallelse' AND organisation_id IS NOT NULL AND unit_id IS NOT NULL) OR
          (kind = 'inbjudan' AND participant_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX plan_call_plan_idx ON plan_call (plan_id)`);
    await q.query(`CREATE INDEX plan_call_unit_idx ON plan_call (unit_id, plan_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['plan_call', 'meeting_attendance', 'meeting', 'consent', 'plan_participant', 'plan_transition', 'plan', 'county_setting']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
