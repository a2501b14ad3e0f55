import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-plan summary of the plan's consents, on the plan row, so that lists scoped by the
 * access policy (worklist, "Att göra") decide consent from the plan row they read anyway
 * instead of looking up and aggregating the plan's consent rows once per candidate plan —
 * at 100 000 plans that lookup was a third of the worklist's buffer reads.
 *
 * The summary holds dates, never a flag: whether a consent is in force depends on today's
 * date, so the queries still compare with today (domain.sql.ts, planConsent*Sql):
 * - consent_terms: one (period, scope organisations) per consent not withdrawn, the period
 *   [valid_from, valid_to] (open-ended without valid_to);
 * - consent_periods: the union of those periods — in force today ⇔ it contains today;
 * - consent_ended_from: the first day on which some consent counts as ended (withdrawn:
 *   -infinity; else the day after the earliest valid_to) — ended today ⇔ it is ≤ today.
 *
 * Kept by statement-level triggers on consent, so that every write (the consent service,
 * the seeds, a DBA's UPDATE) keeps it, and a bulk insert refreshes each plan once.
 * test/integration/consent-summary.test.ts compares it with the consent rows.
 */
export class ConsentSummary1765100000000 implements MigrationInterface {
  name = 'ConsentSummary1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE consent_term AS (valid daterange, scope uuid[])`);
    await q.query(`
      ALTER TABLE plan
        ADD COLUMN consent_terms consent_term[] NOT NULL DEFAULT '{}',
        ADD COLUMN consent_periods datemultirange NOT NULL DEFAULT '{}',
        ADD COLUMN consent_ended_from date`);
    await q.query(`
      CREATE FUNCTION plan_consent_summary_refresh(plan_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE plan p SET consent_terms = s.terms, consent_periods = s.periods, consent_ended_from = s.ended_from
          FROM (SELECT ids.id,
                       coalesce(array_agg(ROW(daterange(c.valid_from, c.valid_to, '[]'), c.scope_organisation_ids)::consent_term
                                          ORDER BY c.valid_from, c.id) FILTER (WHERE c.id IS NOT NULL AND c.withdrawn_at IS NULL), '{}') AS terms,
                       coalesce(range_agg(daterange(c.valid_from, c.valid_to, '[]')) FILTER (WHERE c.id IS NOT NULL AND c.withdrawn_at IS NULL), '{}') AS periods,
                       CASE WHEN bool_or(c.withdrawn_at IS NOT NULL) THEN '-infinity'::date ELSE min(c.valid_to) + 1 END AS ended_from
                  FROM (SELECT DISTINCT unnest(plan_ids) AS id) ids LEFT JOIN consent c ON c.plan_id = ids.id
                 GROUP BY ids.id) s  -- a plan whose last consent was deleted gets an empty summary
         WHERE p.id = s.id
           AND (p.consent_terms, p.consent_periods, p.consent_ended_from) IS DISTINCT FROM (s.terms, s.periods, s.ended_from)
      $$`);
    // A trigger with transition tables serves one event: three triggers, one function.
    await q.query(`
      CREATE FUNCTION plan_consent_summary_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM plan_consent_summary_refresh(ARRAY(SELECT plan_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM plan_consent_summary_refresh(ARRAY(SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows));
        ELSE
          PERFORM plan_consent_summary_refresh(ARRAY(SELECT plan_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER consent_summary_insert AFTER INSERT ON consent REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_consent_summary_trigger()`);
    await q.query(`CREATE TRIGGER consent_summary_update AFTER UPDATE ON consent REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_consent_summary_trigger()`);
    await q.query(`CREATE TRIGGER consent_summary_delete AFTER DELETE ON consent REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_consent_summary_trigger()`);
    await q.query(`SELECT plan_consent_summary_refresh(ARRAY(SELECT DISTINCT plan_id FROM consent))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER consent_summary_delete ON consent`);
    await q.query(`DROP TRIGGER consent_summary_update ON consent`);
    await q.query(`DROP TRIGGER consent_summary_insert ON consent`);
    await q.query(`DROP FUNCTION plan_consent_summary_trigger()`);
    await q.query(`DROP FUNCTION plan_consent_summary_refresh(uuid[])`);
    await q.query(`ALTER TABLE plan DROP COLUMN consent_terms, DROP COLUMN consent_periods, DROP COLUMN consent_ended_from`);
    await q.query(`DROP TYPE consent_term`);
  }
}
