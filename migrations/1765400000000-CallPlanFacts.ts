import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On each call, the facts of its plan that decide whether the called unit reaches the plan:
 * the plan's state and its consent summary (migration ConsentSummary). A called unit reaches
 * an open plan through an unanswered call exactly while consent is in force and covers its
 * organisation; with these on the call row, "Att göra" decides that for all of a unit's
 * unanswered calls from the calls alone. Before, it looked each call's plan up (jonas.ek at
 * 100 000 plans: 3 800 calls, about half of the list's time).
 *
 * Copies, kept by triggers: filled from the plan whenever a call is written (waiting for a
 * change of the plan in flight), and rewritten on the plan's calls when the plan's state or
 * consent summary changes (the consent triggers write the summary, so a consent's writes —
 * a TRUNCATE too — reach the calls). Dates, never a flag: "in force" is still decided
 * against today. test/integration/plan-fact-copies.test.ts compares them with the plans.
 */
export class CallPlanFacts1765400000000 implements MigrationInterface {
  name = 'CallPlanFacts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan_call
        ADD COLUMN plan_state text,
        ADD COLUMN plan_consent_terms consent_term[] NOT NULL DEFAULT '{}',
        ADD COLUMN plan_consent_periods datemultirange NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE FUNCTION plan_call_plan_facts_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- FOR SHARE: a change to the plan not yet committed (a consent being withdrawn) is
        -- waited for and then read, instead of copying what it is replacing.
        SELECT p.state, p.consent_terms, p.consent_periods INTO NEW.plan_state, NEW.plan_consent_terms, NEW.plan_consent_periods
          FROM plan p WHERE p.id = NEW.plan_id FOR SHARE;
        RETURN NEW;
      END $$`);
    // On every write of a call, so that the copy cannot be set to anything but its plan's.
    await q.query(`CREATE TRIGGER plan_call_plan_facts BEFORE INSERT OR UPDATE ON plan_call
                    FOR EACH ROW EXECUTE FUNCTION plan_call_plan_facts_fill()`);
    await q.query(`
      CREATE FUNCTION plan_call_plan_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE plan_call SET plan_state = NEW.state, plan_consent_terms = NEW.consent_terms, plan_consent_periods = NEW.consent_periods
         WHERE plan_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER plan_call_plan_facts_follow AFTER UPDATE OF state, consent_terms, consent_periods ON plan
                    FOR EACH ROW WHEN ((OLD.state, OLD.consent_terms, OLD.consent_periods) IS DISTINCT FROM (NEW.state, NEW.consent_terms, NEW.consent_periods))
                    EXECUTE FUNCTION plan_call_plan_facts_follow()`);
    // Statement triggers do not see a TRUNCATE of consent: empty the summaries it leaves behind
    // (which rewrites the calls' copies through the trigger above).
    await q.query(`
      CREATE FUNCTION plan_consent_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM plan_consent_summary_refresh(ARRAY(SELECT id FROM plan
                                                    WHERE consent_terms <> '{}' OR NOT isempty(consent_periods) OR consent_ended_from IS NOT NULL));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER consent_summary_truncate AFTER TRUNCATE ON consent FOR EACH STATEMENT EXECUTE FUNCTION plan_consent_summary_truncated()`);
    await q.query(`UPDATE plan_call pc SET plan_state = p.state, plan_consent_terms = p.consent_terms, plan_consent_periods = p.consent_periods
                     FROM plan p WHERE p.id = pc.plan_id`);
    await q.query(`ALTER TABLE plan_call ALTER COLUMN plan_state SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER consent_summary_truncate ON consent`);
    await q.query(`DROP FUNCTION plan_consent_summary_truncated()`);
    await q.query(`DROP TRIGGER plan_call_plan_facts_follow ON plan`);
    await q.query(`DROP FUNCTION plan_call_plan_facts_follow()`);
    await q.query(`DROP TRIGGER plan_call_plan_facts ON plan_call`);
    await q.query(`DROP FUNCTION plan_call_plan_facts_fill()`);
    await q.query(`ALTER TABLE plan_call DROP COLUMN plan_state, DROP COLUMN plan_consent_terms, DROP COLUMN plan_consent_periods`);
  }
}
