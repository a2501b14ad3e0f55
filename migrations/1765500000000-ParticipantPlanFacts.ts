import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On each staff participation, the facts of its plan that "Att göra" reads: what decides
 * access (state, initiating principal and unit, the consent summary) and what makes work (the
 * discharge call's due time and first call, the follow-up date, the open actions). A staff
 * member's participations are one index range; with the facts on them the list decides and
 * builds its items from that range alone. Before, it looked each plan up by its key: jonas.ek
 * at 100 000 plans takes part in 2 000 plans, about 7 ms of his list's 28 ms.
 *
 * Copies, kept as the calls' copies are (migration CallPlanFacts): filled from the plan on
 * every write of a participation (waiting for a change of the plan in flight), and rewritten
 * on the plan's participations when one of these columns of the plan changes — the consent
 * and action triggers write the plan's summaries, so those writes (TRUNCATE too) reach the
 * copies. Dates, never a flag: what is due or in force is still decided against today.
 * Only the rows read carry them — staff roles, not removed (STAFF_ROLES in
 * server/src/access/plan-access.sql.ts); the person's, relatives' and removed rows carry none.
 *
 * Two rules keep them exact, here and on the calls:
 * - Write a participation with the plan locked first (PlanCommands does): the fill waits for
 *   the plan, and a plan update waits for the participation; in the other order they deadlock.
 * - Change these plan columns under READ COMMITTED: the rewrite must see participations
 *   written since the transaction began. The rewrites refuse to run under another level.
 * test/integration/plan-fact-copies.test.ts compares them with the plans.
 */

/** The rows read: staff roles, not removed (STAFF_ROLES in server/src/access/plan-access.sql.ts). */
const STAFF_ROLES = `('initiativtagare','ordforande','antecknare','samordningsansvarig','kallad_personal','inbjuden')`;
const READ_ROWS = `removed_at IS NULL AND role IN ${STAFF_ROLES}`;
/** The plan's columns copied, each as plan_<column>, and their types. */
const TYPES: Record<string, string> = {
  state: 'text',
  initiating_organisation_id: 'uuid',
  initiating_unit_id: 'uuid',
  discharge_call_due_at: 'timestamptz',
  first_call_at: 'timestamptz',
  follow_up_date: 'date',
  consent_terms: 'consent_term[]',
  consent_periods: 'datemultirange',
  consent_ended_from: 'date',
  open_actions: 'open_action[]',
};
const FACTS = Object.keys(TYPES);
const copies = FACTS.map((c) => `plan_${c}`);
const list = (cols: string[], prefix = '') => cols.map((c) => `${prefix}${c}`).join(', ');
const readCommittedOnly = `
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'the copies of a plan''s facts are kept under READ COMMITTED only';
        END IF;`;

export class ParticipantPlanFacts1765500000000 implements MigrationInterface {
  name = 'ParticipantPlanFacts1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_participant ${FACTS.map((c) => `ADD COLUMN plan_${c} ${TYPES[c]}`).join(', ')}`);
    // Room on each page for a rewritten row (the copies change with the plan): in-place updates.
    await q.query(`ALTER TABLE plan_participant SET (fillfactor = 85)`);
    await q.query(`
      CREATE FUNCTION plan_participant_plan_facts_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.removed_at IS NULL AND NEW.role IN ${STAFF_ROLES} THEN
          -- FOR SHARE: a change to the plan not yet committed (a consent being withdrawn) is
          -- waited for and then read, instead of copying what it is replacing.
          SELECT ${list(FACTS, 'p.')} INTO ${list(copies, 'NEW.')}
            FROM plan p WHERE p.id = NEW.plan_id FOR SHARE;
        ELSE
          SELECT ${copies.map(() => 'NULL').join(', ')} INTO ${list(copies, 'NEW.')};
        END IF;
        RETURN NEW;
      END $$`);
    // On every write of a participation, so that the copy cannot be set to anything but its plan's.
    await q.query(`CREATE TRIGGER plan_participant_plan_facts BEFORE INSERT OR UPDATE ON plan_participant
                    FOR EACH ROW EXECUTE FUNCTION plan_participant_plan_facts_fill()`);
    // Setting plan_id to itself is enough: the fill above copies the plan's new facts.
    await q.query(`
      CREATE FUNCTION plan_participant_plan_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${readCommittedOnly}
        UPDATE plan_participant SET plan_id = NEW.id WHERE plan_id = NEW.id AND ${READ_ROWS};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER plan_participant_plan_facts_follow AFTER UPDATE OF ${list(FACTS)} ON plan
                    FOR EACH ROW WHEN ((${list(FACTS, 'OLD.')}) IS DISTINCT FROM (${list(FACTS, 'NEW.')}))
                    EXECUTE FUNCTION plan_participant_plan_facts_follow()`);
    // The calls' copies follow the same rule.
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_call_plan_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${readCommittedOnly}
        UPDATE plan_call SET plan_state = NEW.state, plan_consent_terms = NEW.consent_terms, plan_consent_periods = NEW.consent_periods
         WHERE plan_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`UPDATE plan_participant SET plan_id = plan_id WHERE ${READ_ROWS}`);
    // The reminder scan finds each due plan's recipients here without reading the wider rows.
    await q.query(`CREATE INDEX plan_participant_recipient_idx ON plan_participant (plan_id) INCLUDE (organisation_id, account_id, role) WHERE removed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plan_participant_recipient_idx`);
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_call_plan_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE plan_call SET plan_state = NEW.state, plan_consent_terms = NEW.consent_terms, plan_consent_periods = NEW.consent_periods
         WHERE plan_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER plan_participant_plan_facts_follow ON plan`);
    await q.query(`DROP FUNCTION plan_participant_plan_facts_follow()`);
    await q.query(`DROP TRIGGER plan_participant_plan_facts ON plan_participant`);
    await q.query(`DROP FUNCTION plan_participant_plan_facts_fill()`);
    await q.query(`ALTER TABLE plan_participant RESET (fillfactor)`);
    await q.query(`ALTER TABLE plan_participant ${copies.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
  }
}
