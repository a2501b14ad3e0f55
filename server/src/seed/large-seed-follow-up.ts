/**
 * The follow-up part of the county-sized data set (see large-seed.ts, which calls this with
 * its temporary table `new_plan` in place): about ten actions per plan — a million at 100 000
 * plans — with statuses, due dates spread over the past and the coming half year and
 * performing units of both principals; a samordningsansvarig and a lead principal once a
 * meeting is held; follow-up dates (some passed, some missing on a finalised plan), booked
 * follow-up meetings and consents that end soon. So "Att göra" and the reminder scan are
 * measured against data shaped like a county's, not an empty table.
 */
export async function seedLargeFollowUp(q: (sql: string, params?: unknown[]) => Promise<any>, log: (m: string) => void): Promise<void> {
  const started = Date.now();
  // Who performs the other principal's actions: the unit of its practitioner in the plan.
  await q(`CREATE TEMP TABLE other_unit AS
    SELECT DISTINCT ON (np.id) np.id AS plan_id, x.unit_id
      FROM new_plan np JOIN plan_participant x ON x.plan_id = np.id AND x.organisation_id = np.other_org AND x.unit_id IS NOT NULL
     ORDER BY np.id, x.added_at`);
  await q(`CREATE INDEX ON other_unit (plan_id)`);
  // Plans with content have twelve actions, plans in preparation six drafts, the rest none:
  // ≈ 10 per plan over the whole set. Due dates from 200 days ago to 200 days ahead; the
  // further past, the more likely done.
  await q(`INSERT INTO plan_action (plan_id, organisation_id, action_id, what, performing_unit_id, performer, responsible_person,
                                    when_text, frequency, start_date, due_date, status, not_done_reason, created_at, done_at)
    SELECT a.plan_id, a.organisation_id, a.action_id, a.what, a.performing_unit_id, a.performer, 'Handläggare',
           'Enligt överenskommelse', 'Varje vecka', a.due - 60, a.due, a.status,
           CASE WHEN a.status = 'not_done' THEN 'Personen tackade nej' END, a.created_at,
           CASE WHEN a.status = 'done' THEN least(now(), a.due::timestamptz) END
      FROM (
        SELECT np.id AS plan_id,
               CASE WHEN k % 2 = 0 OR ou.unit_id IS NULL THEN np.initiating_organisation_id ELSE np.other_org END AS organisation_id,
               'a' || k AS action_id,
               (ARRAY['Boendestöd','Samtalsbehandling','Läkemedelsgenomgång','Sysselsättning','Budget- och skuldrådgivning',
                      'Hemtjänst','Kontaktperson','Arbetsträning','Stöd i föräldraskap','Behandling av beroende','Träning i vardagen','Stödsamtal'])[k + 1] AS what,
               CASE WHEN k % 10 = 9 THEN NULL
                    WHEN k % 2 = 0 OR ou.unit_id IS NULL THEN np.initiating_unit_id::text ELSE ou.unit_id::text END AS performing_unit_id,
               CASE WHEN k % 10 = 9 THEN 'person' ELSE 'unit' END AS performer,
               (now()::date + (floor(r.d * 400) - 200)::int) AS due,
               CASE WHEN r.d < 0.425 THEN (CASE WHEN r.s < 0.70 THEN 'done' WHEN r.s < 0.75 THEN 'not_done' WHEN r.s < 0.90 THEN 'ongoing' ELSE 'planned' END)
                    WHEN r.d < 0.5 THEN (CASE WHEN r.s < 0.40 THEN 'done' WHEN r.s < 0.45 THEN 'not_done' WHEN r.s < 0.80 THEN 'ongoing' ELSE 'planned' END)
                    ELSE (CASE WHEN r.s < 0.10 THEN 'done' WHEN r.s < 0.55 THEN 'ongoing' ELSE 'planned' END) END AS status,
               np.created_at + interval '14 days' AS created_at
          FROM new_plan np
          LEFT JOIN other_unit ou ON ou.plan_id = np.id
          CROSS JOIN LATERAL generate_series(0, CASE WHEN np.state IN ('initierad','samtycke') THEN -1 WHEN np.state = 'forberedelse' THEN 5 ELSE 11 END) k
          CROSS JOIN LATERAL (SELECT random() AS d, random() AS s, k AS dep) r) a`);
  log(`Actions: ${(await q('SELECT count(*)::int AS n FROM plan_action'))[0].n} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Once a meeting is held: the initiator coordinates, the initiating organisation leads, and
  // the plan has a follow-up date (missing on one finalised plan in ten).
  await q(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at)
           SELECT id, 'samordningsansvarig', initiated_by, initiating_organisation_id, initiating_unit_id, created_at + interval '14 days'
             FROM new_plan WHERE state IN ('mote_hallet','faststalld','uppfoljning','avslutad')`);
  await q(`UPDATE plan p SET lead_organisation_id = np.initiating_organisation_id,
                             follow_up_date = CASE WHEN np.state = 'faststalld' AND np.n % 10 = 0 THEN NULL
                                                   ELSE now()::date + (np.n % 210)::int - 60 END
             FROM new_plan np WHERE p.id = np.id AND np.state IN ('mote_hallet','faststalld','uppfoljning','avslutad')`);
  // Half the plans in follow-up have their follow-up meeting booked.
  await q(`INSERT INTO meeting (plan_id, kind, status, starts_at, duration_minutes, location, purpose, created_by)
           SELECT id, 'uppfoljning', 'planned', now() + make_interval(days => 1 + (n % 40)::int), 60, 'Mötesrum 2', 'Uppföljning', initiated_by
             FROM new_plan WHERE state = 'uppfoljning' AND n % 2 = 0`);
  // One consent in fifty ends within three weeks.
  await q(`UPDATE consent c SET valid_to = now()::date + (np.n % 21)::int
             FROM new_plan np WHERE c.plan_id = np.id AND np.n % 50 = 0 AND c.withdrawn_at IS NULL AND c.valid_from <= now()::date`);
  log(`Follow-up: dates, coordinators, meetings and consents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
