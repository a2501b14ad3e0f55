import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory, accounts, sessions, sign-in throttling and the hash-chained audit log. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('kommun', 'region', 'other')),
        name text NOT NULL,
        county_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_name_unique UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_name_unique UNIQUE (organisation_id, name)
      )`);
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('staff', 'citizen')),
        title text,
        system_roles text[] NOT NULL DEFAULT '{}',
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_username_unique UNIQUE (username),
        CONSTRAINT account_roles_only_staff CHECK (kind = 'staff' OR system_roles = '{}')
      )`);
    await q.query(`
      CREATE TABLE account_unit (
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        PRIMARY KEY (account_id, unit_id)
      )`);
    await q.query(`CREATE INDEX account_unit_unit_idx ON account_unit (unit_id)`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        personnummer_enc bytea NOT NULL,
        personnummer_hash bytea NOT NULL,
        is_samordningsnummer boolean NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'unspecified')),
        phone text,
        email text,
        address text,
        account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_personnummer_unique UNIQUE (personnummer_hash),
        CONSTRAINT person_account_unique UNIQUE (account_id)
      )`);
    await q.query(`
      CREATE TABLE person_relation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('guardian', 'relative', 'representative')),
        has_custody boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_relation_unique UNIQUE (person_id, account_id)
      )`);
    await q.query(`CREATE INDEX person_relation_account_idx ON person_relation (account_id)`);
    await q.query(`
      CREATE TABLE session (
        id_hash bytea PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX session_account_idx ON session (account_id)`);
    await q.query(`CREATE INDEX session_expires_idx ON session (expires_at)`);
    await q.query(`
      CREATE TABLE sign_in_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        target_type text,
        target_id text,
        plan_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_plan_idx ON audit_event (plan_id, seq) WHERE plan_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id)`);
    // Append-only: the application never updates or deletes audit rows; the database
    // refuses it too. Tampering that bypasses this (a superuser disabling the trigger)
    // is still caught by the hash chain.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE person_relation`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE account_unit`);
    await q.query(`DROP TABLE account`);
    await q.query(`DROP TABLE unit`);
    await q.query(`DROP TABLE organisation`);
  }
}
