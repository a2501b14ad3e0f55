import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On each participation, the facts of its plan that "Att göra" reads: what decides access
 * (state, initiating principal and unit, the consent summary) and what makes work (the
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
 * test/integration/plan-fact-copies.test.ts compares them with the plans.
 */
const FACTS = [
  'state',
  'initiating_organisation_id',
  'initiating_unit_id',
  'discharge_call_due_at',
  'first_call_at',
  'follow_up_date',
  'consent_terms',
  'consent_periods',
  'consent_ended_from',
  'open_actions',
];
const copies = FACTS.map((c) => `plan_${c}`);
const list = (cols: string[], prefix = '') => cols.map((c) => `${prefix}${c}`).join(', ');

export class ParticipantPlanFacts1765500000000 implements MigrationInterface {
  name = 'ParticipantPlanFacts1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan_participant
        ADD COLUMN plan_state text,
        ADD COLUMN plan_initiating_organisation_id uuid,
        ADD COLUMN plan_initiating_unit_id uuid,
        ADD COLUMN plan_discharge_call_due_at timestamptz,
        ADD COLUMN plan_first_call_at timestamptz,
        ADD COLUMN plan_follow_up_date date,
        ADD COLUMN plan_consent_terms consent_term[] NOT NULL DEFAULT '{}',
        ADD COLUMN plan_consent_periods datemultirange NOT NULL DEFAULT '{}',
        ADD COLUMN plan_consent_ended_from date,
        ADD COLUMN plan_open_actions open_action[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE FUNCTION plan_participant_plan_facts_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- FOR SHARE: a change to the plan not yet committed (a consent being withdrawn) is
        -- waited for and then read, instead of copying what it is replacing.
        SELECT ${list(FACTS, 'p.')} INTO ${list(copies, 'NEW.')}
          FROM plan p WHERE p.id = NEW.plan_id FOR SHARE;
        RETURN NEW;
      END $$`);
    // On every write of a participation, so that the copy cannot be set to anything but its plan's.
    await q.query(`CREATE TRIGGER plan_participant_plan_facts BEFORE INSERT OR UPDATE ON plan_participant
                    FOR EACH ROW EXECUTE FUNCTION plan_participant_plan_facts_fill()`);
    // Setting plan_id to itself is enough: the fill above copies the plan's new facts.
    await q.query(`
      CREATE FUNCTION plan_participant_plan_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE plan_participant SET plan_id = NEW.id WHERE plan_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER plan_participant_plan_facts_follow AFTER UPDATE OF ${list(FACTS)} ON plan
                    FOR EACH ROW WHEN ((${list(FACTS, 'OLD.')}) IS DISTINCT FROM (${list(FACTS, 'NEW.')}))
                    EXECUTE FUNCTION plan_participant_plan_facts_follow()`);
    await q.query(`UPDATE plan_participant SET plan_id = plan_id`);
    await q.query(`ALTER TABLE plan_participant ALTER COLUMN plan_state SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER plan_participant_plan_facts_follow ON plan`);
    await q.query(`DROP FUNCTION plan_participant_plan_facts_follow()`);
    await q.query(`DROP TRIGGER plan_participant_plan_facts ON plan_participant`);
    await q.query(`DROP FUNCTION plan_participant_plan_facts_fill()`);
    await q.query(`ALTER TABLE plan_participant ${copies.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
  }
}
