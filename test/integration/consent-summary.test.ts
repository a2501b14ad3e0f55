import { expect, it } from 'vitest';
import {
  consentEndedSql,
  consentInForceSql,
  planConsentCoversSql,
  planConsentEndedSql,
  planConsentInForceSql,
} from '../../server/src/access/domain.sql';
import { useSqlDatabase } from '../support/database';

/**
 * The consent summary on the plan row (migration ConsentSummary) answers, for every plan,
 * day and organisation, exactly as the plan's consent rows do — after every kind of write to
 * consent. A summary gone stale (a write path that skips it) fails here.
 */
const db = useSqlDatabase();

/** Every (plan, day, organisation) where the summary and the consent rows disagree. */
async function disagreements() {
  const { rows } = await db.query(`
    WITH day AS (
      SELECT DISTINCT d FROM consent c
       CROSS JOIN LATERAL (VALUES (c.valid_from - 1), (c.valid_from), (c.valid_to), (c.valid_to + 1), (current_date)) v(d)
       WHERE d IS NOT NULL),
    answer AS (
      SELECT p.id AS plan_id, day.d, o.id AS organisation_id,
             ${planConsentInForceSql('p', 'day.d')} AS summary_in_force,
             EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = p.id AND ${consentInForceSql('c', 'day.d')}) AS rows_in_force,
             ${planConsentEndedSql('p', 'day.d')} IS TRUE AS summary_ended,
             EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = p.id AND ${consentEndedSql('c', 'day.d')}) AS rows_ended,
             ${planConsentCoversSql('p', 'ARRAY[o.id]', 'day.d')} AS summary_covers,
             EXISTS (SELECT 1 FROM consent c WHERE c.plan_id = p.id AND ${consentInForceSql('c', 'day.d')}
                        AND c.scope_organisation_ids && ARRAY[o.id]) AS rows_cover
        FROM plan p CROSS JOIN day CROSS JOIN organisation o)
    SELECT * FROM answer
     WHERE (summary_in_force, summary_ended, summary_covers) IS DISTINCT FROM (rows_in_force, rows_ended, rows_cover)
     LIMIT 5`);
  return rows;
}

async function consentedPlans(n: number): Promise<{ plan_id: string; id: string }[]> {
  const { rows } = await db.query(`SELECT DISTINCT ON (plan_id) plan_id, id FROM consent ORDER BY plan_id, created_at LIMIT $1`, [n]);
  expect(rows).toHaveLength(n);
  return rows;
}

it('agrees with the consent rows as seeded', async () => {
  expect(await disagreements()).toEqual([]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM plan WHERE cardinality(consent_terms) > 0`);
  expect(rows[0].n).toBeGreaterThan(0);
});

it('stays in step with every write to consent: insert, withdrawal, new dates, scope, delete, many rows at once', async () => {
  const [a, b, c] = await consentedPlans(3);
  const orgs = (await db.query(`SELECT id FROM organisation ORDER BY name`)).rows.map((r) => r.id as string);
  // A second, later consent with another scope beside the first, on two plans in one statement.
  await db.query(
    `INSERT INTO consent (plan_id, given_by, form, documented_by, scope_organisation_ids, valid_from, valid_to)
     SELECT x.plan_id, c.given_by, c.form, c.documented_by, $2::uuid[], current_date + 10, current_date + 40
       FROM consent c JOIN unnest($1::uuid[]) x(plan_id) ON x.plan_id = c.plan_id`,
    [[a!.plan_id, b!.plan_id], [orgs[0]]],
  );
  expect(await disagreements()).toEqual([]);
  // The first consent ends in the gap before the second begins.
  await db.query(`UPDATE consent SET valid_to = current_date + 3 WHERE id = $1`, [a!.id]);
  expect(await disagreements()).toEqual([]);
  // Ran out yesterday (as tests set an expired consent).
  await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE id = $1`, [b!.id]);
  expect(await disagreements()).toEqual([]);
  await db.query(`UPDATE consent SET scope_organisation_ids = $2 WHERE id = $1`, [c!.id, orgs.slice(0, 2)]);
  expect(await disagreements()).toEqual([]);
  await db.query(`UPDATE consent SET withdrawn_at = now() WHERE id = $1`, [c!.id]);
  expect(await disagreements()).toEqual([]);
  // The consent-expiry job's write changes nothing the summary holds.
  await db.query(`UPDATE consent SET ended_at = now() WHERE id = $1`, [b!.id]);
  await db.query(`DELETE FROM consent WHERE plan_id = $1`, [a!.plan_id]);
  expect(await disagreements()).toEqual([]);
  const { rows } = await db.query(`SELECT consent_terms, consent_periods::text, consent_ended_from FROM plan WHERE id = $1`, [a!.plan_id]);
  expect(rows[0]).toMatchObject({ consent_terms: '{}', consent_periods: '{}', consent_ended_from: null });
});

it('would notice a stale summary', async () => {
  const [a] = await consentedPlans(1);
  // A write the triggers do not see: the summary left as it was while the row moves on.
  await db.query(`ALTER TABLE consent DISABLE TRIGGER USER`);
  try {
    await db.query(`UPDATE consent SET withdrawn_at = now() WHERE id = $1`, [a!.id]);
    expect((await disagreements()).length).toBeGreaterThan(0);
  } finally {
    await db.query(`ALTER TABLE consent ENABLE TRIGGER USER`);
  }
});
