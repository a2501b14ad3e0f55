import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { stockholmDateTime } from '@sip/shared';
import { hashPassword } from '../../server/src/auth/password-hasher';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';

/**
 * A small county of its own (Södermanlands län, 04) written as facts, the way the product
 * stores them: Testby kommun (units Vuxen and Barn), Region Test (Psykiatri) and Annanby
 * kommun, their managers, and six plans with their calls, meetings, follow-up dates,
 * actions and closings in 2025. test/integration/statistics-indicators.test.ts works out every
 * indicator for it by hand. Nothing here touches the demo directory.
 */
export interface StatisticsFixture {
  testby: string;
  annanby: string;
  region: string;
  units: { vuxen: string; barn: string; psykiatri: string; annanbyVuxen: string };
  managers: Record<'unitManager' | 'testbyManager' | 'regionManager' | 'countyManager' | 'annanbyManager', string>;
}

const at = (date: string, time = '10:00') => stockholmDateTime(date, time);

export async function writeStatisticsFixture(sql: pg.Client): Promise<StatisticsFixture> {
  const one = async (text: string, params: unknown[] = []) => (await sql.query(text, params)).rows[0];
  const org = async (kind: string, name: string) => (await one(`INSERT INTO organisation (kind, name, county_code) VALUES ($1, $2, '04') RETURNING id`, [kind, name])).id as string;
  const unit = async (organisationId: string, name: string) => (await one(`INSERT INTO unit (organisation_id, name) VALUES ($1, $2) RETURNING id`, [organisationId, name])).id as string;
  const testby = await org('kommun', 'Testby kommun');
  const region = await org('region', 'Region Test');
  const annanby = await org('kommun', 'Annanby kommun');
  const units = { vuxen: await unit(testby, 'Testby – Vuxen'), barn: await unit(testby, 'Testby – Barn'), psykiatri: await unit(region, 'Region Test – Psykiatri'), annanbyVuxen: await unit(annanby, 'Annanby – Vuxen') };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const account = async (username: string, roles: string[], unitId: string, scope: string | null) => {
    const { id } = await one(
      `INSERT INTO account (username, password_hash, display_name, kind, title, system_roles, statistics_scope) VALUES ($1, $2, $3, 'staff', 'Chef', $4, $5) RETURNING id`,
      [username, passwordHash, username, roles, scope],
    );
    await sql.query('INSERT INTO account_unit (account_id, unit_id) VALUES ($1, $2)', [id, unitId]);
    return id as string;
  };
  const managers = {
    unitManager: 'stat.enhet',
    testbyManager: 'stat.testby',
    regionManager: 'stat.region',
    countyManager: 'stat.lan',
    annanbyManager: 'stat.annanby',
  };
  await account(managers.unitManager, ['manager'], units.vuxen, null);
  await account(managers.testbyManager, ['manager'], units.barn, 'organisation');
  await account(managers.regionManager, ['manager'], units.psykiatri, 'organisation');
  await account(managers.countyManager, ['manager'], units.vuxen, 'county');
  await account(managers.annanbyManager, ['manager'], units.annanbyVuxen, 'organisation');
  const staff = {
    testby: await account('stat.handlaggare', ['practitioner'], units.vuxen, null),
    region: await account('stat.sjukskoterska', ['practitioner'], units.psykiatri, null),
    annanby: await account('stat.annanby.handlaggare', ['practitioner'], units.annanbyVuxen, null),
  };

  const person = async (birthDate: string, sex: string) =>
    (await one(
      `INSERT INTO person (name, personnummer_enc, personnummer_hash, is_samordningsnummer, birth_date, sex) VALUES ('Fixtur Person', $1, $2, false, $3, $4) RETURNING id`,
      [randomBytes(16), randomBytes(32), birthDate, sex],
    )).id as string;

  interface PlanSpec {
    person: string;
    trigger: 'ordinary' | 'discharge';
    unit: string;
    organisation: string;
    initiatedBy: string;
    created: Date;
    dischargeDue?: Date;
    lead?: string;
    closed?: { at: Date; reason: string };
  }
  const plan = async (p: PlanSpec) => {
    const state = p.closed ? 'avslutad' : 'uppfoljning';
    const { id } = await one(
      `INSERT INTO plan (person_id, state, trigger, reason, initiating_unit_id, initiating_organisation_id, initiated_by, lead_organisation_id,
                         discharge_ready_at, discharge_call_due_at, closing_reason, closed_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'Fixtur', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [p.person, state, p.trigger, p.unit, p.organisation, p.initiatedBy, p.lead ?? null, p.trigger === 'discharge' ? p.created : null, p.dischargeDue ?? null, p.closed?.reason ?? null, p.closed?.at ?? null, p.created],
    );
    await sql.query(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at) VALUES ($1, 'initiativtagare', $2, $3, $4, $5)`, [id, p.initiatedBy, p.organisation, p.unit, p.created]);
    return id as string;
  };
  const meeting = async (planId: string, kind: 'sip' | 'uppfoljning', heldOn: string, personTookPart: boolean, relativesTookPart: boolean) =>
    (await one(
      `INSERT INTO meeting (plan_id, kind, status, starts_at, duration_minutes, location, held_on, person_took_part, relatives_took_part, created_at)
       VALUES ($1, $2, 'held', $3, 60, 'Rum', $4, $5, $6, $3) RETURNING id`,
      [planId, kind, at(heldOn), heldOn, personTookPart, relativesTookPart],
    )).id as string;
  const call = async (planId: string, meetingId: string, sent: Date) =>
    sql.query(
      `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by, sent_at) VALUES ($1, $2, 'kallelse', $3, $4, 'Möte', $5, $6)`,
      [planId, meetingId, region, units.psykiatri, staff.testby, sent],
    );
  const regionTakesPart = (planId: string, added: Date) =>
    sql.query(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at) VALUES ($1, 'kallad_personal', $2, $3, $4, $5)`, [planId, staff.region, region, units.psykiatri, added]);
  const followUpDate = (planId: string, date: string, setOn: string) => sql.query(`UPDATE plan SET follow_up_date = $2, updated_at = $3 WHERE id = $1`, [planId, date, at(setOn, '15:00')]);
  const fact = (planId: string, name: string, on: string) => sql.query(`INSERT INTO plan_content_fact (plan_id, fact, recorded_at) VALUES ($1, $2, $3)`, [planId, name, at(on)]);
  const action = (planId: string, organisationId: string, actionId: string, due: string, status: string, doneOn?: string) =>
    sql.query(
      `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, due_date, status, done_at) VALUES ($1, $2, $3, 'Insats', $4, $5, $6)`,
      [planId, organisationId, actionId, due, status, doneOn ? at(doneOn) : null],
    );

  // A: Testby Vuxen, a woman of 44, ordinary; complete plan; followed up on time once, then not.
  const a = await plan({ person: await person('1981-01-10', 'female'), trigger: 'ordinary', unit: units.vuxen, organisation: testby, initiatedBy: staff.testby, created: at('2025-01-10'), lead: testby });
  await regionTakesPart(a, at('2025-01-15'));
  await sql.query(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id) VALUES ($1, 'samordningsansvarig', $2, $3, $4)`, [a, staff.testby, testby, units.vuxen]);
  const aSip = await meeting(a, 'sip', '2025-01-29', true, false);
  await call(a, aSip, at('2025-01-15'));
  await fact(a, 'person_goals', '2025-01-20');
  await sql.query(`INSERT INTO plan_need (plan_id, need_id, text) VALUES ($1, 'n1', 'Behov')`, [a]);
  await sql.query(`INSERT INTO plan_other_measure (plan_id, measure_id, actor, what) VALUES ($1, 'o1', 'Annan', 'Åtgärd')`, [a]);
  await action(a, testby, 'k1', '2025-03-31', 'done', '2025-03-20');
  await action(a, region, 'r1', '2025-03-31', 'ongoing');
  await followUpDate(a, '2025-04-30', '2025-01-30');
  await meeting(a, 'uppfoljning', '2025-04-28', false, true);
  await followUpDate(a, '2025-10-31', '2025-04-28');

  // B: Testby Vuxen, a man of 35, discharge SIP called in time; meeting held; closed a few days later.
  const b = await plan({ person: await person('1990-01-01', 'male'), trigger: 'discharge', unit: units.vuxen, organisation: testby, initiatedBy: staff.testby, created: at('2025-02-03', '09:00'), dischargeDue: at('2025-02-06', '09:00'), closed: { at: at('2025-02-15'), reason: 'no_longer_needed' } });
  const bSip = await meeting(b, 'sip', '2025-02-12', true, true);
  await call(b, bSip, at('2025-02-05'));

  // C: Testby Barn, a girl of 13, ordinary; her view recorded; closed in June (consent withdrawn).
  const c = await plan({ person: await person('2012-03-01', 'female'), trigger: 'ordinary', unit: units.barn, organisation: testby, initiatedBy: staff.testby, created: at('2025-03-03'), lead: testby, closed: { at: at('2025-06-10'), reason: 'consent_withdrawn' } });
  await sql.query(`INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id) VALUES ($1, 'samordningsansvarig', $2, $3, $4)`, [c, staff.testby, testby, units.barn]);
  const cSip = await meeting(c, 'sip', '2025-03-24', false, true);
  await call(c, cSip, at('2025-03-10'));
  await fact(c, 'child_view', '2025-03-20');
  await followUpDate(c, '2025-09-01', '2025-03-24');

  // D: Testby Vuxen, a man of 84, discharge SIP called a day late; no meeting yet.
  const d = await plan({ person: await person('1940-06-01', 'male'), trigger: 'discharge', unit: units.vuxen, organisation: testby, initiatedBy: staff.testby, created: at('2025-03-17', '09:00'), dischargeDue: at('2025-03-20', '09:00') });
  const dMeeting = (await one(`INSERT INTO meeting (plan_id, kind, starts_at, duration_minutes, location) VALUES ($1, 'sip', $2, 60, 'Rum') RETURNING id`, [d, at('2025-04-07')])).id;
  await call(d, dMeeting, at('2025-03-24'));

  // Mötescirkeln's facts. How the person gets the plan: A (finalised 30 January, again
  // 29 April) digitally; C finalised 25 March with no way set; B and D never finalised.
  const finalised = (planId: string, on: string) =>
    sql.query(`INSERT INTO plan_transition (plan_id, from_state, to_state, action, actor_id, at) VALUES ($1, 'mote_hallet', 'faststalld', 'finalise', $2, $3)`, [planId, staff.testby, at(on, '14:00')]);
  await finalised(a, '2025-01-30');
  await finalised(a, '2025-04-29');
  await finalised(c, '2025-03-25');
  await sql.query(`UPDATE plan SET plan_delivery = 'digital' WHERE id = $1`, [a]);
  // Attendance for the called region: at A's SIP with the mandate (called twice — counted once),
  // at B's SIP by video without it; at C's nobody came for the region.
  await call(a, aSip, at('2025-01-16'));
  const attend = async (planId: string, meetingId: string, mode: string, withMandate: boolean) => {
    const { id } = await one(
      `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_at) VALUES ($1, 'kallad_personal', $2, $3, $4, $5)
       ON CONFLICT (plan_id, account_id, role) WHERE removed_at IS NULL AND account_id IS NOT NULL DO UPDATE SET role = excluded.role RETURNING id`,
      [planId, staff.region, region, units.psykiatri, at('2025-01-15')],
    );
    await sql.query(`INSERT INTO meeting_attendance (meeting_id, participant_id, mode, with_mandate) VALUES ($1, $2, $3, $4)`, [meetingId, id, mode, withMandate]);
  };
  await attend(a, aSip, 'in_person', true);
  await attend(b, bSip, 'video', false);
  // Evaluations after A's meetings: five from the person's side — at the SIP yes·yes·yes,
  // yes·partly·yes, yes·yes·yes; at the follow-up yes·yes·yes, no·no·no — and one from staff.
  const evaluator = async (i: number) =>
    (await one(`INSERT INTO account (username, password_hash, display_name, kind) VALUES ($1, $2, $1, 'citizen') RETURNING id`, [`stat.svar${i}`, passwordHash])).id as string;
  const aFollowUp = (await one(`SELECT id FROM meeting WHERE plan_id = $1 AND kind = 'uppfoljning'`, [a])).id as string;
  const evaluations: [string, string, string, string, string][] = [
    [aSip, 'person_side', 'yes', 'yes', 'yes'],
    [aSip, 'person_side', 'yes', 'partly', 'yes'],
    [aSip, 'person_side', 'yes', 'yes', 'yes'],
    [aSip, 'staff', 'yes', 'yes', 'yes'],
    [aFollowUp, 'person_side', 'yes', 'yes', 'yes'],
    [aFollowUp, 'person_side', 'no', 'no', 'no'],
  ];
  for (const [i, [meetingId, respondent, satisfied, understood, knowsContact]] of evaluations.entries()) {
    await sql.query(
      `INSERT INTO meeting_evaluation (meeting_id, account_id, plan_id, respondent, satisfied, understood, knows_contact) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [meetingId, await evaluator(i), a, respondent, satisfied, understood, knowsContact],
    );
  }

  // E: started by Region Test (Psykiatri) alone — Testby takes no part.
  await plan({ person: await person('1985-07-07', 'female'), trigger: 'ordinary', unit: units.psykiatri, organisation: region, initiatedBy: staff.region, created: at('2025-02-20') });
  // F: Annanby kommun alone.
  await plan({ person: await person('1970-09-09', 'male'), trigger: 'ordinary', unit: units.annanbyVuxen, organisation: annanby, initiatedBy: staff.annanby, created: at('2025-01-20') });

  return { testby, annanby, region, units, managers };
}
