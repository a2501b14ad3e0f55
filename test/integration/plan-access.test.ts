import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { WORK_PLAN_COLUMNS, staffReachablePlansSql, staffWorkPlansSql } from '../../server/src/access/plan-access.sql';
import { TodoService } from '../../server/src/follow-up/todo.service';
import { DEMO_PERSONS, DEMO_STAFF } from '../../server/src/seed/demo-data';
import type { RecordConsentInput } from '../support/api-routes';
import { type ApiSession, ok, problem } from '../support/api-session';
import { writeRichText } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import { PNR, changed, directoryIds, inDays, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const s: Record<string, ApiSession> = {};
let ids: Awaited<ReturnType<typeof directoryIds>>;
const users = ['eva.lind', 'omar.haddad', 'jonas.ek', 'lars.holm', 'sara.nord', 'peter.falk', 'karin.berg', 'admin', 'anders.nilsson', 'birgitta.nilsson', 'elin.johansson', 'maria.johansson', 'peter.johansson', 'sofia.karlsson'];

beforeAll(async () => {
  for (const u of users) s[u] = await app.as(u);
  ids = await directoryIds(s['eva.lind']!);
});

/** Anders's plan with consent for kommun + region, Jonas taking part and Birgitta allowed. */
async function andersPlanWithRelative() {
  const built = await plan(app)
    .for('anders')
    .by('eva.lind')
    .withConsent(['kommun', 'region'], { form: 'oral', informationKinds: ['social_services', 'psychiatry'] })
    .withParticipant('Jonas Ek')
    .withRelative('Birgitta Nilsson')
    .build();
  expect((await built.detail('anders.nilsson')).permissions.as).toBe('person');
  return built.id;
}

describe('consent withdrawal', () => {
  it('stops all sharing at once and closes the plan: relatives go, each principal keeps only what it wrote', async () => {
    const planId = await andersPlanWithRelative();
    const relativeView = ok(await s['birgitta.nilsson']!.get(`/api/plans/${planId}`));
    expect(relativeView.permissions.as).toBe('relative');
    expect(relativeView.consents).toBeUndefined(); // relatives see who and when, not the consent
    expect((await s['jonas.ek']!.get(`/api/plans/${planId}`)).status).toBe(200);

    const anders = s['anders.nilsson']!;
    const consentId = ok(await anders.get(`/api/plans/${planId}`)).consents![0]!.id;
    const after = await changed(anders, anders.post(`/api/plans/${planId}/consents/${consentId}/withdraw`, { note: 'Jag vill inte längre' }));
    expect(after).toMatchObject({ state: 'avslutad', consentState: 'withdrawn', closing: { reason: 'consent_withdrawn' } });
    expect(after.consents![0]!.withdrawnByName).toBe('Anders Nilsson');

    expect((await s['birgitta.nilsson']!.get(`/api/plans/${planId}`)).status).toBe(404);
    // Nothing crosses between kommun and region any more: each keeps, read-only, its own
    // principal's records — its actions section, its calls, meetings and consents.
    for (const [user, own] of [['eva.lind', ids.kommun], ['jonas.ek', ids.region]] as const) {
      const view = ok(await s[user]!.get(`/api/plans/${planId}`));
      expect(view.permissions.as, user).toBe('staff_own_records');
      expect(view.participants, user).toBeUndefined();
      expect(view.history, user).toBeUndefined();
      expect(view.sections, user).toEqual([{ name: `actions:${own}`, write: false, organisationName: expect.any(String) }]);
      expect(Object.values(view.permissions.can).some(Boolean), user).toBe(false);
    }
    expect(ok(await s['jonas.ek']!.get(`/api/plans/${planId}`)).consents).toEqual([]); // documented by the kommun
    // The person keeps the whole plan, read-only.
    const own = ok(await anders.get(`/api/plans/${planId}`));
    expect(own.sections.map((x: { name: string }) => x.name)).toEqual(['person', 'shared', `actions:${ids.kommun}`, `actions:${ids.region}`, 'others']);
    expect(own.sections.every((x: { write: boolean }) => !x.write)).toBe(true);
  });

  it('the person removes a relative, who then has no access', async () => {
    const planId = await andersPlanWithRelative();
    const anders = s['anders.nilsson']!;
    const rel = ok(await anders.get(`/api/plans/${planId}`)).relativeCandidates![0]!;
    expect(rel.allowedParticipantId).not.toBeNull();
    ok(await anders.delete(`/api/plans/${planId}/relatives/${rel.allowedParticipantId}`));
    expect((await s['birgitta.nilsson']!.get(`/api/plans/${planId}`)).status).toBe(404);
    // A relative can never act, even while allowed.
    expect((await s['birgitta.nilsson']!.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'other' })).status).toBe(404);
  });
});

describe('a called unit', () => {
  it('reaches the plan through an unanswered call; once a colleague confirms, only the confirmer does', async () => {
    const sip = await plan(app)
      .for('sofia')
      .by('eva.lind')
      .withConsent(['kommun', 'region'])
      .preparing()
      .called({ unit: 'vuxenpsykiatri', meeting: { startsAt: inDays(5), location: 'Rum 2' }, purpose: 'SIP-möte' })
      .build();
    const called = await sip.detail();
    for (const user of ['jonas.ek', 'lars.holm']) {
      expect(ok(await s[user]!.get(`/api/plans/${sip.id}`)).permissions.as).toBe('staff_called_unit');
      expect(ok(await s[user]!.get('/api/plans')).items.map((i: { id: string }) => i.id)).toContain(sip.id);
    }
    ok(await s['lars.holm']!.post(`/api/plans/${sip.id}/calls/${called.calls![0]!.id}/acknowledge`));
    expect(ok(await s['lars.holm']!.get(`/api/plans/${sip.id}`)).permissions.as).toBe('staff_participant');
    expect((await s['jonas.ek']!.get(`/api/plans/${sip.id}`)).status).toBe(404);
    expect(ok(await s['jonas.ek']!.get('/api/plans')).items.map((i: { id: string }) => i.id)).not.toContain(sip.id);
  });
});

describe('not even a plan’s existence leaks', () => {
  it('answers a real plan the caller cannot reach exactly like one that does not exist', async () => {
    const planId = await andersPlanWithRelative();
    const ghost = '3f1c2b9e-1111-4222-8333-944455556666';
    for (const user of ['peter.falk', 'omar.haddad', 'sara.nord', 'karin.berg', 'admin', 'sofia.karlsson', 'elin.johansson']) {
      const real = await s[user]!.get(`/api/plans/${planId}`);
      const none = await s[user]!.get(`/api/plans/${ghost}`);
      expect(real.status, user).toBe(404);
      expect({ ...real.body, instance: undefined }).toEqual({ ...none.body, instance: undefined });
      for (const path of ['access-log', 'calls/00000000-0000-4000-8000-000000000000/calendar.ics']) {
        expect((await s[user]!.get(`/api/plans/${planId}/${path}`)).status, `${user} ${path}`).toBe(404);
      }
      expect((await s[user]!.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'other' })).status).toBe(404);
    }
  });
});

describe('who has read my plan', () => {
  it('lists every read for the person, with names and organisations', async () => {
    const planId = await andersPlanWithRelative();
    await s['jonas.ek']!.get(`/api/plans/${planId}`);
    await s['eva.lind']!.get(`/api/plans/${planId}`);
    await s['birgitta.nilsson']!.get(`/api/plans/${planId}`);
    const log = ok(await s['anders.nilsson']!.get(`/api/plans/${planId}/access-log`));
    const who = log.map((e: { who: string }) => e.who);
    expect(who.slice(0, 3)).toEqual(['Birgitta Nilsson', 'Eva Lind', 'Jonas Ek']);
    expect(log.find((e) => e.who === 'Jonas Ek')?.organisation).toBe('Region Uppsala');
    expect(who).toContain('self');
    // Staff do not get the person's read log.
    expect((await s['eva.lind']!.get(`/api/plans/${planId}/access-log`)).status).toBe(403);
    // Every read is in the hash-chained audit log with the plan id.
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE plan_id = $1 AND action = 'plan.read'`, [planId]);
    await db.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(log.length);
  });
});

describe('guardians and a mature child', () => {
  it('requires every custodial guardian’s consent and hides the child’s own view from guardians when staff say so', async () => {
    const omar = s['omar.haddad']!;
    const sip = await (await plan(app).for('elin').by('omar.haddad').because('Skolfrånvaro och oro').build()).detail();
    expect(sip.participants!.filter((p) => p.role === 'vardnadshavare')).toHaveLength(2);
    const guardians = sip.participants!.filter((p) => p.role === 'vardnadshavare').map((p) => p.accountId!);
    const consent: RecordConsentInput = { givenBy: 'guardians', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['social_services', 'psychiatry', 'school'], validFrom: today() };
    const one = await omar.post(`/api/plans/${sip.id}/consents`, { ...consent, guardianAccountIds: [guardians[0]!] });
    expect(one.status).toBe(409);
    expect(problem(one).detail).toBe('Samtycket kan inte registreras: alla vårdnadshavare med vårdnad måste samtycka.');
    ok(await omar.post(`/api/plans/${sip.id}/consents`, { ...consent, guardianAccountIds: guardians }));
    ok(await omar.post(`/api/plans/${sip.id}/participants`, { role: 'kallad_personal', accountId: await staffId(omar, 'Sara Nord') }));

    // The child's view is written in one place, the child's part of the plan.
    await writeRichText(app.t.baseUrl, omar, sip.id, 'child', 'childView', 'Jag vill gå kvar i min klass.');
    ok(await omar.put(`/api/plans/${sip.id}/child-view`, { childSecrecy: false }));
    await vi.waitFor(async () => expect(ok(await s['maria.johansson']!.get(`/api/plans/${sip.id}`)).childView).toBe('Jag vill gå kvar i min klass.'), { timeout: 5000, interval: 25 });

    ok(await omar.put(`/api/plans/${sip.id}/child-view`, { childSecrecy: true, reason: 'Elin är mogen nog; uppgifterna rör hennes relation till föräldrarna' }));
    await writeRichText(app.t.baseUrl, s['elin.johansson']!, sip.id, 'child', 'childView', 'Jag vill prata med kuratorn utan mamma och pappa.');
    await vi.waitFor(async () => expect(ok(await s['sara.nord']!.get(`/api/plans/${sip.id}`)).childView).toContain('kuratorn'), { timeout: 5000, interval: 25 });
    for (const guardian of ['maria.johansson', 'peter.johansson']) {
      const view = ok(await s[guardian]!.get(`/api/plans/${sip.id}`));
      expect(view.permissions.as).toBe('guardian');
      expect(view.permissions.read.child_view).toBe(false);
      expect(view).not.toHaveProperty('childView');
      expect(JSON.stringify(view)).not.toContain('kuratorn');
    }
    expect(ok(await s['elin.johansson']!.get(`/api/plans/${sip.id}`)).childView).toContain('kuratorn');
    expect(ok(await s['sara.nord']!.get(`/api/plans/${sip.id}`)).childView).toContain('kuratorn');
    // Guardians act for the child: they see who has read the plan.
    expect((await s['maria.johansson']!.get(`/api/plans/${sip.id}/access-log`)).status).toBe(200);
  });
});

describe('discharge deadline (lag 2017:612)', () => {
  it('puts the call due three days after utskrivningsklar and shows near and missed deadlines', async () => {
    const jonas = s['jonas.ek']!;
    const discharge = (readyAt: string, reason = 'Utskrivning') =>
      plan(app).for('gunnel').by('jonas.ek', 'vuxenpsykiatri').discharge(readyAt).because(reason).build().then((p) => p.detail());
    const missed = await discharge(inDays(-4), 'Utskrivning från slutenvården');
    expect(missed.discharge?.status).toBe('missed');
    expect(new Date(missed.discharge!.dueAt).getTime() - new Date(missed.discharge!.readyAt).getTime()).toBe(3 * 86_400_000);
    const near = await discharge(inDays(-2.5));
    expect(near.discharge?.status).toBe('near');
    const fresh = await discharge(inDays(0));
    expect(fresh.discharge?.status).toBe('pending');
    const list = ok(await jonas.get('/api/plans'));
    const item = list.items.find((i: { id: string }) => i.id === missed.id);
    expect(item).toMatchObject({ dischargeStatus: 'missed', overdue: true });
    // The county setting changes the deadline (set as a DBA would; removed again afterwards,
    // so that no other test finds it).
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`INSERT INTO county_setting (county_code, discharge_call_days) VALUES ('03', 5)`);
    onTestFinished(async () => {
      await db.query(`DELETE FROM county_setting WHERE county_code = '03'`);
      await db.end();
    });
    // Three days ago: missed under the 3-day default, two days left under a 5-day county rule.
    const county = await discharge(inDays(-3.1));
    expect(county.discharge?.status).toBe('pending');
  });

  it('asks for the utskrivningsklar time on a discharge SIP', async () => {
    const jonas = s['jonas.ek']!;
    const res = await jonas.post('/api/plans', { personId: await personId(jonas, PNR.gunnel), trigger: 'discharge', reason: 'x', initiatingUnitId: ids.vuxenpsykiatri });
    expect(res.status).toBe(400);
    expect(problem(res).errors?.[0]?.path).toBe('body.dischargeReadyAt');
  });
});

describe('lists are scoped in SQL exactly as the policy says', () => {
  it('every demo account’s worklist holds exactly the plans it can open', async () => {
    // A plan in each situation that changes who reaches it (the template holds none).
    await andersPlanWithRelative();
    await plan(app).for('sofia').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).build();
    await plan(app).for('sofia').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).acknowledgedBy('lars.holm').build();
    await plan(app).for('sofia').requestedBy('relative').closed('other', 'Ingen samordning behövs').build();
    await plan(app).for('elin').by('omar.haddad').withConsent(['kommun', 'region']).withParticipant('Sara Nord').build();
    await plan(app).for('gunnel').by('jonas.ek').discharge(inDays(-1)).build();
    await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').preparing().called({ unit: 'vuxenpsykiatri' }).meetingHeld().build();
    await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').closed('no_longer_needed').build();
    await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').withRelative('birgitta').consentWithdrawn().build();
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query('SELECT id FROM plan');
    await db.end();
    expect(rows.length).toBeGreaterThan(8);
    const accounts = [...DEMO_STAFF.map((x) => x.username), ...DEMO_PERSONS.flatMap((p) => [p.username, ...p.relations.map((r) => r.username)]).filter(Boolean)] as string[];
    for (const user of accounts) {
      const session = s[user] ?? (s[user] = await app.as(user));
      const listed = new Set((ok(await session.get('/api/plans?includeClosed=true&limit=200')).items as { id: string }[]).map((i) => i.id));
      for (const { id } of rows) {
        const status = (await session.get(`/api/plans/${id}`)).status;
        expect(status === 200, `${user} plan ${id}: listed=${listed.has(id)} detail=${status}`).toBe(listed.has(id));
      }
    }
  });

  it('every practitioner’s "Att göra" asks them to answer exactly the calls to their units on open plans they can open, and the open worklist holds exactly the open plans', async () => {
    // Calls whose plan the called unit reaches, and calls it no longer does: consent run out,
    // the plan closed, the call answered by a colleague.
    await plan(app).for('sofia').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).build();
    await plan(app).for('elin').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).acknowledgedBy('lars.holm').build();
    const expired = await plan(app).for('gunnel').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).build();
    const closed = await plan(app).for('anders').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).closed('other', 'Flyttat').build();
    const narrowed = await plan(app).for('sofia').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).build();
    const db = await sqlClient(app.t.databaseUrl);
    try {
      await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [expired.id]);
      // The consent narrowed to the kommun after the call went out: the region's unit is no longer covered.
      await db.query(`UPDATE consent SET scope_organisation_ids = ARRAY[$2::uuid] WHERE plan_id = $1`, [narrowed.id, ids.kommun]);
      const { rows: plans } = await db.query(`SELECT id, state FROM plan`);
      const { rows: calls } = await db.query(
        `SELECT pc.plan_id, array_agg(a.username) AS usernames FROM plan_call pc JOIN account_unit au ON au.unit_id = pc.unit_id
           JOIN account a ON a.id = au.account_id
          WHERE pc.kind = 'kallelse' AND pc.acknowledged_at IS NULL GROUP BY pc.plan_id`,
      );
      const open = new Set(plans.filter((p) => p.state !== 'avslutad').map((p) => p.id as string));
      expect(open.has(closed.id)).toBe(false);
      for (const staff of DEMO_STAFF.filter((x) => x.systemRoles.includes('practitioner'))) {
        const session = s[staff.username] ?? (s[staff.username] = await app.as(staff.username));
        const todoCalls = new Set((ok(await session.get('/api/todo?kind=call_to_answer&limit=200')).items as { planId: string }[]).map((i) => i.planId));
        const openListed = new Set((ok(await session.get('/api/plans?limit=200')).items as { id: string }[]).map((i) => i.id));
        for (const { id, state } of plans) {
          const opens = (await session.get(`/api/plans/${id}`)).status === 200;
          const calledHere = calls.some((c) => c.plan_id === id && (c.usernames as string[]).includes(staff.username));
          const why = `${staff.username} plan ${id} (${state}): opens=${opens} called=${calledHere}`;
          expect(todoCalls.has(id), why).toBe(opens && calledHere && open.has(id));
          expect(openListed.has(id), why).toBe(opens && open.has(id));
        }
      }
      // Every row of every practitioner's whole list is a plan they may open.
      for (const staff of DEMO_STAFF.filter((x) => x.systemRoles.includes('practitioner'))) {
        const list = ok(await s[staff.username]!.get('/api/todo?limit=200'));
        expect(list.total).toBeLessThanOrEqual(200);
        for (const item of list.items as { planId: string }[]) expect((await s[staff.username]!.get(`/api/plans/${item.planId}`)).status, `${staff.username} ${item.planId}`).toBe(200);
      }
      // Someone who is not a practitioner has no work in plans, even in a called unit (asked of the service itself, past the route's guard).
      const manager = { accountId: randomUUID(), username: 'chef', displayName: 'Chef', kind: 'staff' as const, systemRoles: ['manager' as const], unitIds: [ids.vuxenpsykiatri], organisationIds: [ids.region] };
      expect(await app.t.app.get(TodoService).list(manager, { limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
      // The unit's practitioners were asked about the sofia plan, and not about the plans they no longer reach.
      const larsCalls = (ok(await s['lars.holm']!.get('/api/todo?kind=call_to_answer&limit=200')).items as { planId: string }[]).map((i) => i.planId);
      expect(larsCalls).not.toContain(expired.id);
      expect(larsCalls).not.toContain(narrowed.id);
    } finally {
      await db.end();
    }
  });

  it('"Att göra"’s plans, decided from the copies on the participations, are exactly the open plans the policy’s reach gives, with the same facts', async () => {
    // Situations the copies decide differently from the plan: consent run out or withdrawn for a
    // participant, a principal no longer covered, an initiated plan before consent with and
    // without the initiating unit's member taking part, an initiated plan with consent and a call.
    const ended = await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').build();
    const narrowed = await plan(app).for('elin').by('omar.haddad').withConsent(['kommun', 'region']).withParticipant('Sara Nord').build();
    await plan(app).for('gunnel').by('jonas.ek').discharge(inDays(1)).build();
    await plan(app).for('sofia').by('eva.lind').build();
    // Lars Holm shares Jonas Ek's unit without taking part: a call to the unit decides.
    const consentedEarly = await plan(app).for('sofia').by('jonas.ek').build();
    const consentedNoCall = await plan(app).for('elin').by('jonas.ek').build();
    await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').withRelative('birgitta').consentWithdrawn().build();
    // Jonas Ek (region) asked in before any consent to a kommun plan: not yet his to reach.
    const beforeConsent = await plan(app).for('elin').by('eva.lind').build();
    const twoConsents = await plan(app).for('anders').withConsent().withParticipant('Jonas Ek').build();
    const db = await sqlClient(app.t.databaseUrl);
    try {
      await db.query(
        `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by)
         SELECT $1, 'inbjuden', a.id, u.organisation_id, u.id, a.id FROM account a JOIN account_unit au ON au.account_id = a.id JOIN unit u ON u.id = au.unit_id
          WHERE a.username = 'jonas.ek'`,
        [beforeConsent.id],
      );
      // One consent withdrawn, a second one in force: the plan stays open.
      await db.query(
        `INSERT INTO consent (plan_id, given_by, form, documented_by, scope_organisation_ids, valid_from, valid_to)
         SELECT plan_id, given_by, form, documented_by, scope_organisation_ids, current_date, current_date + 60 FROM consent WHERE plan_id = $1`,
        [twoConsents.id],
      );
      await db.query(`UPDATE consent SET withdrawn_at = now() WHERE plan_id = $1 AND valid_from < current_date`, [twoConsents.id]);
      await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [ended.id]);
      await db.query(`UPDATE consent SET scope_organisation_ids = ARRAY[$2::uuid] WHERE plan_id = $1`, [narrowed.id, ids.kommun]);
      // Consent recorded while the plans are still initierad, and a call to the unit sent on one.
      await db.query(
        `INSERT INTO consent (plan_id, given_by, form, documented_by, scope_organisation_ids, valid_from, valid_to)
         SELECT p.id, c.given_by, c.form, c.documented_by, ARRAY[$2::uuid, $3::uuid], current_date, current_date + 30
           FROM unnest($1::uuid[]) p(id), LATERAL (SELECT * FROM consent LIMIT 1) c`,
        [[consentedEarly.id, consentedNoCall.id], ids.kommun, ids.region],
      );
      await db.query(
        `WITH m AS (INSERT INTO meeting (plan_id, kind, starts_at, duration_minutes) VALUES ($1, 'sip', now() + interval '7 days', 60) RETURNING id)
         INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, sent_by)
         SELECT $1, m.id, 'kallelse', u.organisation_id, u.id, 'Tidig kallelse', p.initiated_by FROM m, plan p, unit u WHERE p.id = $1 AND u.id = $2`,
        [consentedEarly.id, ids.vuxenpsykiatri],
      );
      const sorted = async (sql: string, params: unknown[]) =>
        (await db.query(`SELECT to_jsonb(r)::text AS row FROM (${sql}) r ORDER BY r.id`, params)).rows.map((r) => r.row as string);
      const columns = WORK_PLAN_COLUMNS.map((c) => `, p.${c}`).join('');
      let compared = 0;
      for (const staff of DEMO_STAFF.filter((x) => x.systemRoles.includes('practitioner'))) {
        const { rows: [actor] } = await db.query(
          `SELECT a.id, array_agg(au.unit_id) AS units, array_agg(DISTINCT u.organisation_id) AS orgs
             FROM account a JOIN account_unit au ON au.account_id = a.id JOIN unit u ON u.id = au.unit_id WHERE a.username = $1 GROUP BY a.id`,
          [staff.username],
        );
        const params = [actor.id, actor.units, actor.orgs];
        const expected = await sorted(staffReachablePlansSql(columns, { openOnly: true, takesPart: true, notThroughCallsOnly: true }), params);
        expect(await sorted(staffWorkPlansSql(), params), staff.username).toEqual(expected);
        compared += expected.length;
        // And the policy itself (the plan page) opens each one.
        const session = s[staff.username] ?? (s[staff.username] = await app.as(staff.username));
        for (const row of expected) {
          const { id } = JSON.parse(row) as { id: string };
          expect((await session.get(`/api/plans/${id}`)).status, `${staff.username} ${id}`).toBe(200);
        }
      }
      expect(compared).toBeGreaterThan(10);
      // The situations are there: Jonas does not reach the kommun plan before consent; the plan
      // with a consent withdrawn and one in force is open and his.
      const { rows: [twoState] } = await db.query(`SELECT state, consent_ended_from IS NOT NULL AS some_ended FROM plan WHERE id = $1`, [twoConsents.id]);
      expect(twoState).toMatchObject({ some_ended: true });
      expect(twoState.state).not.toBe('avslutad');
      expect((await s['jonas.ek']!.get(`/api/plans/${beforeConsent.id}`)).status).toBe(404);
      expect((await s['jonas.ek']!.get(`/api/plans/${twoConsents.id}`)).status).toBe(200);
    } finally {
      await db.end();
    }
  });

  it('"Att göra" asks a called unit to answer the call; the plan’s follow-up is for those taking part, the unit too once it has answered', async () => {
    const built = await plan(app).for('sofia').withConsent().preparing().called({ unit: 'vuxenpsykiatri' }).meetingHeld().build();
    const db = await sqlClient(app.t.databaseUrl);
    try {
      await db.query(`UPDATE plan SET follow_up_date = current_date + 3 WHERE id = $1`, [built.id]);
    } finally {
      await db.end();
    }
    const kinds = async (user: string) =>
      (ok(await s[user]!.get('/api/todo?limit=200')).items as { planId: string; kind: string }[]).filter((i) => i.planId === built.id).map((i) => i.kind).sort();
    expect(await kinds('eva.lind')).toEqual(['follow_up_due']);
    expect(await kinds('lars.holm')).toEqual(['call_to_answer']);
    const call = ok(await s['lars.holm']!.get(`/api/plans/${built.id}`)).calls!.find((c: { acknowledgedAt: string | null }) => c.acknowledgedAt === null)!;
    ok(await s['lars.holm']!.post(`/api/plans/${built.id}/calls/${call.id}/acknowledge`));
    expect(await kinds('lars.holm')).toEqual(['follow_up_due']);
  });
});
