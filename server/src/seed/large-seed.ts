import type { DataSource } from 'typeorm';
import { luhnCheckDigit } from '@sip/shared';
import { hashPassword } from '../auth/password-hasher';
import type { AppConfig } from '../config/config';
import { PersonnummerVault } from '../directory/personnummer-vault';
import { DEMO_PASSWORD } from './demo-data';
import { seedLargeFollowUp } from './large-seed-follow-up';

/**
 * A county-sized data set on top of the demo directory: eight kommuner and the region with
 * their units, ~400 practitioners, and N persons each with a SIP spread over every state,
 * trigger, consent situation, call and meeting. The demo practitioners take part in a
 * realistic share (eva.lind and jonas.ek in ~1 500 plans each), so their worklists and
 * plan pages are measured at scale; about ten actions per plan with follow-up dates
 * (large-seed-follow-up.ts), so "Att göra" and the reminder scan are too. Deterministic: the same N gives the same data.
 */

const KOMMUNER = ['Enköpings kommun', 'Östhammars kommun', 'Tierps kommun', 'Älvkarleby kommun', 'Knivsta kommun', 'Heby kommun', 'Håbo kommun'];
const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Per', 'Emma', 'Ali', 'Fatima', 'Nils', 'Elsa', 'Omar', 'Ingrid', 'Leo', 'Maja', 'Hassan', 'Sofia', 'Björn'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Ahmed', 'Lindberg', 'Holm', 'Berg', 'Ek'];

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedLargeData(
  dataSource: DataSource,
  config: AppConfig,
  plans: number,
  log: (m: string) => void = () => {},
): Promise<void> {
  const rnd = random(2026);
  const vault = new PersonnummerVault(config);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const q = async (sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const result = await dataSource.query(sql, params);
    if (process.env.SIP_SEED_TRACE === '1' && Date.now() - t0 > 500) log(`${Date.now() - t0} ms: ${sql.trim().slice(0, 90).replace(/\s+/g, ' ')}`);
    return result;
  };

  // --- Directory: more principals, units and practitioners -------------------------
  const [region] = await q(`SELECT id FROM organisation WHERE name = 'Region Uppsala'`);
  const [uppsala] = await q(`SELECT id FROM organisation WHERE name = 'Uppsala kommun'`);
  if (!region || !uppsala) throw new Error('Seed the demo data first (an empty database gets it on npm start).');
  for (const name of KOMMUNER) {
    const [org] = await q(`INSERT INTO organisation (kind, name, county_code) VALUES ('kommun', $1, '03') ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`, [name]);
    for (const unit of ['Socialtjänsten – Vuxen', 'Socialtjänsten – Barn och unga']) {
      await q(`INSERT INTO unit (organisation_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [org.id, unit]);
    }
  }
  for (const unit of ['Akademiska sjukhuset – Psykiatri slutenvård', 'Vårdcentralen Gränby', 'Vårdcentralen Enköping', 'Beroendecentrum Uppsala', 'Äldrepsykiatrin Uppsala']) {
    await q(`INSERT INTO unit (organisation_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [region.id, unit]);
  }
  const units: { id: string; organisation_id: string; kind: string }[] = await q(
    `SELECT u.id, u.organisation_id, o.kind FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE o.kind IN ('kommun', 'region') ORDER BY u.id`,
  );
  for (let i = 0; i < 400; i++) {
    const unit = units[i % units.length]!;
    const [a] = await q(
      `INSERT INTO account (username, password_hash, display_name, kind, title, system_roles)
       VALUES ($1, $2, $3, 'staff', 'Handläggare', '{practitioner}') ON CONFLICT (username) DO NOTHING RETURNING id`,
      [`staff${i}`, passwordHash, `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} (${i})`],
    );
    if (a) await q(`INSERT INTO account_unit (account_id, unit_id) VALUES ($1, $2)`, [a.id, unit.id]);
  }
  log(`Directory: ${units.length} units, 400 more practitioners`);

  // --- Persons, in batches (personnummer are encrypted here, not in SQL) -------------
  const started = Date.now();
  const batch = 2000;
  const used = new Set<string>();
  for (let offset = 0; offset < plans; offset += batch) {
    const rows: unknown[] = [];
    const values: string[] = [];
    for (let i = offset; i < Math.min(plans, offset + batch); i++) {
      // Ages: children, working-age adults and older people, as SIPs are spread.
      const band = rnd();
      const age = band < 0.2 ? 4 + Math.floor(rnd() * 14) : band < 0.8 ? 18 + Math.floor(rnd() * 47) : 65 + Math.floor(rnd() * 30);
      const year = 2026 - age;
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const yymmdd = `${String(year).slice(2)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      // The serial moves on until the number is unused: every personnummer is unique.
      let s = 100 + (i % 900);
      let canonical = '';
      let serial = '';
      do {
        serial = String(s).padStart(3, '0');
        canonical = `${year}${yymmdd.slice(2)}${serial}${luhnCheckDigit(yymmdd + serial)}`;
        s = s >= 999 ? 100 : s + 1;
      } while (used.has(canonical));
      used.add(canonical);
      const p = rows.length;
      values.push(`($${p + 1}, $${p + 2}, $${p + 3}, false, $${p + 4}, $${p + 5})`);
      rows.push(
        `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`,
        vault.encrypt(canonical),
        vault.lookupHash(canonical),
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        Number(serial[2]) % 2 ? 'male' : 'female',
      );
    }
    await q(`INSERT INTO person (name, personnummer_enc, personnummer_hash, is_samordningsnummer, birth_date, sex) VALUES ${values.join(',')}`, rows);
  }
  log(`Persons: ${plans} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // --- Plans and everything around them, generated in SQL -----------------------------
  await q(`SELECT setseed(0.2026)`);
  await q(`CREATE TEMP TABLE gen AS
    SELECT pe.id AS person_id, row_number() OVER (ORDER BY pe.id) AS n, random() AS r_state, random() AS r_trigger, random() AS r_unit, random() AS r_days
      FROM person pe WHERE NOT EXISTS (SELECT 1 FROM plan p WHERE p.person_id = pe.id)`);
  await q(`CREATE TEMP TABLE unit_pick AS SELECT row_number() OVER (ORDER BY u.id) - 1 AS k, u.id, u.organisation_id, o.kind FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE o.kind IN ('kommun','region')`);
  await q(`CREATE TEMP TABLE staff_pick AS SELECT a.id, au.unit_id, row_number() OVER (PARTITION BY au.unit_id ORDER BY a.id) - 1 AS k, count(*) OVER (PARTITION BY au.unit_id) AS c
             FROM account a JOIN account_unit au ON au.account_id = a.id WHERE 'practitioner' = ANY(a.system_roles)`);
  // Temporary tables get no statistics or indexes of their own; without these the
  // generator spends minutes in nested loops.
  await q(`CREATE INDEX ON gen (person_id)`);
  await q(`CREATE INDEX ON unit_pick (organisation_id, k)`);
  await q(`CREATE INDEX ON staff_pick (unit_id, k)`);
  await q(`ANALYZE gen`);
  await q(`ANALYZE unit_pick`);
  await q(`ANALYZE staff_pick`);
  const [{ units: unitCount }] = await q(`SELECT count(*)::int AS units FROM unit_pick`);
  await q(`CREATE TEMP TABLE gen_plan AS
    SELECT g.*, up.id AS unit_id, up.organisation_id AS org_id, up.kind AS org_kind,
           CASE WHEN g.r_state < 0.05 THEN 'initierad' WHEN g.r_state < 0.10 THEN 'samtycke' WHEN g.r_state < 0.18 THEN 'forberedelse'
                WHEN g.r_state < 0.28 THEN 'kallad' WHEN g.r_state < 0.40 THEN 'mote_hallet' WHEN g.r_state < 0.60 THEN 'faststalld'
                WHEN g.r_state < 0.85 THEN 'uppfoljning' ELSE 'avslutad' END AS state,
           CASE WHEN g.r_trigger < 0.75 THEN 'ordinary' WHEN g.r_trigger < 0.90 THEN 'discharge' ELSE 'request' END AS trigger,
           now() - make_interval(days => (g.r_days * 700)::int) AS created
      FROM gen g JOIN unit_pick up ON up.k = floor(g.r_unit * ${unitCount})`);
  await q(`INSERT INTO plan (id, person_id, state, trigger, requested_by, reason, initiating_unit_id, initiating_organisation_id, initiated_by,
                             discharge_ready_at, discharge_call_due_at, first_call_at, next_meeting_at, closing_reason, closed_at, created_at, updated_at)
    SELECT gen_random_uuid(), gp.person_id, gp.state, gp.trigger, CASE WHEN gp.trigger = 'request' THEN 'person' END,
           'Behov av samordnade insatser', gp.unit_id, gp.org_id,
           (SELECT sp.id FROM staff_pick sp WHERE sp.unit_id = gp.unit_id AND sp.k = gp.n % sp.c),
           CASE WHEN gp.trigger = 'discharge' THEN gp.created END,
           CASE WHEN gp.trigger = 'discharge' THEN gp.created + interval '3 days' END,
           CASE WHEN gp.state NOT IN ('initierad','samtycke','forberedelse') THEN gp.created + make_interval(days => 2 + (gp.n % 5)::int) END,
           CASE WHEN gp.state = 'kallad' THEN now() + make_interval(days => (gp.n % 30)::int) END,
           CASE WHEN gp.state = 'avslutad' THEN (ARRAY['goals_reached','consent_withdrawn','moved','no_longer_needed'])[1 + gp.n % 4] END,
           CASE WHEN gp.state = 'avslutad' THEN gp.created + interval '300 days' END,
           gp.created, gp.created + interval '1 day'
      FROM gen_plan gp
     WHERE EXISTS (SELECT 1 FROM staff_pick sp WHERE sp.unit_id = gp.unit_id)`);
  await q(`CREATE TEMP TABLE new_plan AS
    SELECT p.id, p.person_id, p.state, p.initiating_unit_id, p.initiating_organisation_id, p.initiated_by, p.created_at,
           row_number() OVER (ORDER BY p.id) AS n,
           -- A region plan calls the kommun where the person lives: spread over the county.
           CASE WHEN o.kind = 'kommun' THEN ${sqlLiteral(region.id)}::uuid
                ELSE (kommuner.ids)[1 + (row_number() OVER (ORDER BY p.id) % array_length(kommuner.ids, 1))] END AS other_org
      FROM plan p JOIN organisation o ON o.id = p.initiating_organisation_id JOIN gen g ON g.person_id = p.person_id
      CROSS JOIN (SELECT array_agg(id ORDER BY name) AS ids FROM organisation WHERE kind = 'kommun') kommuner`);
  await q(`CREATE INDEX ON new_plan (id)`);
  await q(`CREATE INDEX ON new_plan (n)`);
  await q(`ANALYZE new_plan`);
  log(`Plans: ${(await q('SELECT count(*)::int AS n FROM new_plan'))[0].n}`);

  await q(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at)
           SELECT id, 'initiativtagare', initiated_by, initiating_organisation_id, initiating_unit_id, created_at FROM new_plan`);
  await q(`INSERT INTO plan_participant (plan_id, role, external_name, added_at)
           SELECT np.id, 'huvudperson', pe.name, np.created_at FROM new_plan np JOIN person pe ON pe.id = np.person_id`);
  // The other principal's practitioner, once consent lets them in.
  await q(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at)
           SELECT np.id, 'kallad_personal', sp.id, up.organisation_id, sp.unit_id, np.created_at + interval '2 days'
             FROM new_plan np
             JOIN LATERAL (SELECT count(*) AS c, min(k) AS k0 FROM unit_pick WHERE organisation_id = np.other_org) oc ON true
             JOIN unit_pick up ON up.organisation_id = np.other_org AND up.k = oc.k0 + np.n % oc.c
             JOIN staff_pick sp ON sp.unit_id = up.id AND sp.k = np.n % sp.c
            WHERE np.state NOT IN ('initierad', 'samtycke')`);
  // The demo practitioners take part in a share of plans, as a busy case worker would.
  for (const [username, every] of [['eva.lind', 60], ['jonas.ek', 60], ['lars.holm', 200], ['omar.haddad', 200], ['sara.nord', 200]] as const) {
    await q(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at)
             SELECT np.id, 'kallad_personal', a.id, u.organisation_id, u.id, np.created_at + interval '2 days'
               FROM new_plan np, account a JOIN account_unit au ON au.account_id = a.id JOIN unit u ON u.id = au.unit_id
              WHERE a.username = $1 AND np.n % $2 = 0 AND np.state <> 'initierad'
                AND NOT EXISTS (SELECT 1 FROM plan_participant x WHERE x.plan_id = np.id AND x.removed_at IS NULL AND x.account_id = a.id)`, [username, every]);
  }
  await q(`INSERT INTO consent (plan_id, given_by, form, documented_by, scope_organisation_ids, information_kinds, valid_from, created_at, withdrawn_at, withdrawn_by)
           SELECT np.id, 'person', CASE WHEN np.n % 3 = 0 THEN 'oral' ELSE 'written' END, np.initiated_by,
                  ARRAY[np.initiating_organisation_id, np.other_org], '{social_services,health_care}', (np.created_at + interval '1 day')::date,
                  np.created_at + interval '1 day',
                  CASE WHEN p.closing_reason = 'consent_withdrawn' THEN p.closed_at END,
                  CASE WHEN p.closing_reason = 'consent_withdrawn' THEN np.initiated_by END
             FROM new_plan np JOIN plan p ON p.id = np.id WHERE np.state <> 'initierad'`);
  await q(`INSERT INTO meeting (plan_id, kind, status, starts_at, duration_minutes, location, purpose, created_by, held_on, person_took_part, relatives_took_part)
           SELECT np.id, 'sip', CASE WHEN np.state = 'kallad' THEN 'planned' ELSE 'held' END,
                  coalesce(p.next_meeting_at, np.created_at + interval '14 days'), 90, 'Mötesrum 1', 'SIP-möte', np.initiated_by,
                  CASE WHEN np.state <> 'kallad' THEN (np.created_at + interval '14 days')::date END,
                  CASE WHEN np.state <> 'kallad' THEN np.n % 5 <> 0 END, CASE WHEN np.state <> 'kallad' THEN np.n % 4 = 0 END
             FROM new_plan np JOIN plan p ON p.id = np.id WHERE np.state NOT IN ('initierad', 'samtycke', 'forberedelse')`);
  await q(`INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by, sent_at, acknowledged_at)
           SELECT m.plan_id, m.id, 'kallelse', pp.organisation_id, pp.unit_id, 'SIP-möte', np.initiated_by, p.first_call_at,
                  CASE WHEN np.n % 3 <> 0 THEN p.first_call_at + interval '1 day' END
             FROM meeting m JOIN new_plan np ON np.id = m.plan_id JOIN plan p ON p.id = np.id
             JOIN LATERAL (SELECT organisation_id, unit_id FROM plan_participant x WHERE x.plan_id = np.id AND x.removed_at IS NULL AND x.role = 'kallad_personal' LIMIT 1) pp ON true`);
  await q(`INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, at)
           SELECT np.id, NULL, 'initierad', 'initiate', np.initiated_by, np.created_at FROM new_plan np`);
  await q(`INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, at)
           SELECT np.id, 'initierad', np.state, 'import', np.initiated_by, np.created_at + interval '1 day' FROM new_plan np WHERE np.state <> 'initierad'`);
  await seedLargeFollowUp(q, log);
  await seedFollowUpFacts(q);
  log(`Attendance with mandate, needs, action history, follow-up meetings held, recorded goals, finalisations, evaluations: done`);
  // As autovacuum would leave a settled database: statistics, and the visibility map that
  // lets index-only scans skip the table (a freshly loaded table has none).
  await q(`VACUUM (ANALYZE)`);
  log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * What statistics read beyond seedLargeFollowUp (actions, coordinator, lead principal,
 * follow-up dates), for every generated plan past its meeting: attendance, needs and others'
 * measures as rows, the history of its actions, follow-up meetings held (their review sets the
 * next date), and that the person's goals and a child's view were recorded. Spread so that
 * every indicator has both outcomes.
 */
async function seedFollowUpFacts(q: (sql: string, params?: unknown[]) => Promise<any>) {
  await q(`INSERT INTO meeting_attendance (meeting_id, participant_id, mode)
           SELECT m.id, pp.id, CASE WHEN np.n % 6 = 0 THEN 'absent' WHEN np.n % 2 = 0 THEN 'video' ELSE 'in_person' END
             FROM meeting m JOIN new_plan np ON np.id = m.plan_id JOIN plan_participant pp ON pp.plan_id = m.plan_id AND pp.account_id IS NOT NULL
            WHERE m.status = 'held'`);
  await q(`CREATE TEMP TABLE held_plan AS
           SELECT np.id, np.n, np.created_at, np.initiating_organisation_id, np.initiating_unit_id, np.initiated_by, np.other_org, p.state
             FROM new_plan np JOIN plan p ON p.id = np.id JOIN meeting m ON m.plan_id = np.id AND m.status = 'held'`);
  await q(`CREATE INDEX ON held_plan (id)`);
  await q(`ANALYZE held_plan`);
  await q(`INSERT INTO plan_need (plan_id, need_id, text) SELECT id, 'n1', 'Behov' FROM held_plan WHERE n % 7 <> 0`);
  await q(`INSERT INTO plan_other_measure (plan_id, measure_id, actor, what) SELECT id, 'o1', 'Annan aktör', 'Åtgärd' FROM held_plan WHERE n % 5 <> 0`);
  // The actions themselves come from seedLargeFollowUp; here their history.
  await q(`INSERT INTO plan_action_history (plan_id, organisation_id, action_id, change, from_value, to_value, actor_id, at)
           SELECT plan_id, organisation_id, action_id, 'created', NULL, 'planned', NULL::uuid, created_at FROM plan_action a WHERE EXISTS (SELECT 1 FROM held_plan h WHERE h.id = a.plan_id)
           UNION ALL
           SELECT plan_id, organisation_id, action_id, 'status', 'planned', 'done', NULL, done_at FROM plan_action a WHERE status = 'done' AND done_at IS NOT NULL AND EXISTS (SELECT 1 FROM held_plan h WHERE h.id = a.plan_id)`);
  // Follow-up meetings, most on time; their review sets the next date.
  await q(`INSERT INTO meeting (plan_id, kind, status, starts_at, duration_minutes, location, purpose, created_by, held_on, person_took_part, relatives_took_part, next_follow_up_date)
           SELECT h.id, 'uppfoljning', 'held', h.created_at + make_interval(days => CASE WHEN h.n % 3 = 0 THEN 130 ELSE 115 END), 60, 'Mötesrum 2', 'Uppföljning', h.initiated_by,
                  (h.created_at + make_interval(days => CASE WHEN h.n % 3 = 0 THEN 130 ELSE 115 END))::date, h.n % 4 <> 0, h.n % 3 = 0, (h.created_at + interval '300 days')::date
             FROM held_plan h WHERE h.state = 'uppfoljning' AND h.n % 8 <> 0 AND h.created_at + interval '130 days' < now()`);
  await q(`UPDATE plan p SET follow_up_date = m.next_follow_up_date, updated_at = (m.held_on + 1)::timestamptz
             FROM meeting m WHERE m.plan_id = p.id AND m.kind = 'uppfoljning' AND m.next_follow_up_date IS NOT NULL AND EXISTS (SELECT 1 FROM held_plan h WHERE h.id = p.id)`);
  await q(`INSERT INTO plan_content_fact (plan_id, fact, recorded_at)
           SELECT id, 'person_goals', created_at + interval '10 days' FROM held_plan WHERE n % 3 <> 0
           UNION ALL
           SELECT h.id, 'child_view', h.created_at + interval '12 days' FROM held_plan h JOIN plan p ON p.id = h.id JOIN person pe ON pe.id = p.person_id
            WHERE age(h.created_at::date, pe.birth_date) < interval '18 years' AND h.n % 4 <> 0
           ON CONFLICT DO NOTHING`);
  // Statistics for the tables written since the last ANALYZE: planned without them (before
  // autovacuum gets to it), the join below was once a nested loop that ran for many minutes.
  await q(`ANALYZE meeting, meeting_attendance, plan_participant, plan_call`);
  // Mötescirkeln's facts: a called principal's attendance with or without the mandate, the
  // first finalisation and how the person gets the plan, and evaluations after meetings
  // (the person's side — one citizen account stands in for every person — and staff).
  await q(`UPDATE meeting_attendance ma SET with_mandate = (m.plan_id::text < 'c')
             FROM meeting m, plan_participant pp
            WHERE ma.meeting_id = m.id AND pp.id = ma.participant_id AND ma.mode <> 'absent'
              AND EXISTS (SELECT 1 FROM plan_call c WHERE c.meeting_id = m.id AND c.kind = 'kallelse' AND c.organisation_id = pp.organisation_id)`);
  await q(`INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, at)
           SELECT id, 'mote_hallet', 'faststalld', 'finalise', initiated_by, created_at + interval '15 days'
             FROM held_plan WHERE state IN ('faststalld', 'uppfoljning', 'avslutad') AND created_at + interval '15 days' < now()`);
  await q(`UPDATE plan p SET plan_delivery = CASE WHEN h.n % 2 = 0 THEN 'digital' ELSE 'copy' END
             FROM held_plan h WHERE h.id = p.id AND h.n % 6 <> 0`);
  await q(`INSERT INTO meeting_evaluation (meeting_id, account_id, plan_id, respondent, satisfied, understood, knows_contact, created_at)
           SELECT m.id, c.id, h.id, 'person_side',
                  CASE WHEN h.n % 7 = 0 THEN 'no' ELSE 'yes' END, CASE WHEN h.n % 5 = 0 THEN 'partly' ELSE 'yes' END, 'yes', m.held_on + 1
             FROM held_plan h JOIN meeting m ON m.plan_id = h.id AND m.status = 'held'
             CROSS JOIN (SELECT id FROM account WHERE kind = 'citizen' ORDER BY username LIMIT 1) c WHERE h.n % 3 <> 0
           UNION ALL
           SELECT m.id, pp.account_id, h.id, 'staff', 'yes', CASE WHEN h.n % 4 = 0 THEN 'partly' ELSE 'yes' END, 'yes', m.held_on + 1
             FROM held_plan h JOIN meeting m ON m.plan_id = h.id AND m.status = 'held' AND m.kind = 'sip'
             JOIN LATERAL (SELECT DISTINCT account_id FROM plan_participant x WHERE x.plan_id = h.id AND x.account_id IS NOT NULL) pp ON true
            WHERE h.n % 2 = 0
           ON CONFLICT DO NOTHING`);
}

function sqlLiteral(uuid: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(uuid)) throw new Error('not a uuid');
  return `'${uuid}'`;
}
