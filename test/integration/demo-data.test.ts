import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { type SectionName, addStockholmDays, parseDocumentName, stockholmDate, stockholmDateTime } from '@sip/shared';
import { contentToJSON, newSectionDoc } from '@sip/shared/yjs';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { DEMO_PERSONS } from '../../server/src/seed/demo-data';
import { seedDemoPlans } from '../../server/src/seed/demo-plans';
import { type ApiSession, signedIn } from '../support/api-session';
import { CollabClient } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { ok } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp({ admin: true });
const sessions: Record<string, ApiSession> = {};
const clients: CollabClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

async function as(username: string) {
  return (sessions[username] ??= await signedIn(app.t.baseUrl, username));
}

async function query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await sqlClient(app.t.databaseUrl);
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

/** The one seeded plan of a person, as an account sees it in its worklist (closed ones too). */
async function listed(username: string, person: string) {
  const items = ok(await (await as(username)).get('/api/plans?includeClosed=true&limit=200')).items as { id: string; personName: string }[];
  const mine = items.filter((i) => i.personName === person);
  expect(mine, `${username}'s worklist: ${person}`).toHaveLength(1);
  return mine[0] as any;
}

const today = () => stockholmDate(new Date());

describe('the demo plans, as the demo accounts see them', () => {
  it('Eva’s worklist holds Anders’s finalised plan: kommun and region, consent, Birgitta, a follow-up date ahead', async () => {
    const item = await listed('eva.lind', 'Anders Nilsson');
    expect(item).toMatchObject({ state: 'faststalld', overdue: false });
    const plan = ok(await (await as('eva.lind')).get(`/api/plans/${item.id}`));
    expect(plan).toMatchObject({ consentState: 'active', leadOrganisation: { name: 'Uppsala kommun' } });
    expect(plan.followUpDate > today()).toBe(true);
    const roles = plan.participants.map((p: { name: string; role: string }) => `${p.name}:${p.role}`);
    expect(roles).toEqual(expect.arrayContaining(['Eva Lind:samordningsansvarig', 'Jonas Ek:kallad_personal', 'Birgitta Nilsson:narstaende', 'Anders Nilsson:huvudperson']));
    expect(plan.consents[0].scopeOrganisations.map((o: { name: string }) => o.name)).toEqual(['Region Uppsala', 'Uppsala kommun']);
    expect(plan.calls[0]).toMatchObject({ acknowledgedByName: 'Jonas Ek' });
    expect(plan.meetings[0]).toMatchObject({ status: 'held', personTookPart: true, relativesTookPart: true });
    expect(plan.meetings[0].attendance).toHaveLength(4);
    expect(plan.history.map((h: { toState: string }) => h.toState)).toEqual(['initierad', 'samtycke', 'forberedelse', 'kallad', 'mote_hallet', 'faststalld']);
    const actions = await query(`SELECT o.name, a.due_date::text AS due FROM plan_action a JOIN organisation o ON o.id = a.organisation_id WHERE a.plan_id = $1`, [item.id]);
    expect(new Set(actions.map((a) => a.name))).toEqual(new Set(['Uppsala kommun', 'Region Uppsala']));
    expect(actions.every((a) => a.due > today())).toBe(true);
    expect((await query('SELECT actor FROM plan_other_measure WHERE plan_id = $1', [item.id])).map((r) => r.actor)).toContain('Försäkringskassan');
  });

  it('Jonas sees Gunnel’s discharge SIP, not yet called, due within the day', async () => {
    const item = await listed('jonas.ek', 'Gunnel Andersson');
    expect(item).toMatchObject({ trigger: 'discharge', state: 'forberedelse', dischargeStatus: 'near', overdue: false });
    const plan = ok(await (await as('jonas.ek')).get(`/api/plans/${item.id}`));
    expect(plan.discharge.status).toBe('near');
    expect(new Date(plan.discharge.dueAt).getTime() - Date.now()).toBeLessThan(24 * 3600_000);
    expect(plan.calls).toEqual([]);
    expect(plan.initiatingUnit.name).toBe('Vuxenpsykiatrimottagningen Uppsala');
  });

  it('Sofia’s plan is in follow-up with an action past its due date and still ongoing', async () => {
    const item = await listed('sofia.karlsson', 'Sofia Karlsson');
    expect(item.state).toBe('uppfoljning');
    expect((await listed('lars.holm', 'Sofia Karlsson')).state).toBe('uppfoljning');
    const overdue = await query(`SELECT what FROM plan_action WHERE plan_id = $1 AND due_date < $2::date AND status IN ('planned', 'ongoing')`, [item.id, today()]);
    expect(overdue.map((a) => a.what)).toEqual(['Budget- och skuldrådgivning och ansökan om skuldsanering']);
    const versions = ok(await (await as('sofia.karlsson')).get(`/api/plans/${item.id}/versions`));
    expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['meeting', 'finalised']);
  });

  it('Elin’s plan: both guardians consented, her own view is written, BUP answered the call', async () => {
    const item = await listed('omar.haddad', 'Elin Johansson');
    expect(item.state).toBe('kallad');
    expect(new Date(item.nextMeetingAt).getTime()).toBeGreaterThan(Date.now());
    const plan = ok(await (await as('maria.johansson')).get(`/api/plans/${item.id}`));
    expect(plan.permissions.as).toBe('guardian');
    expect(plan.consents[0]).toMatchObject({ givenBy: 'guardians', state: 'active' });
    expect(plan.consents[0].guardianAccountIds).toHaveLength(2);
    // The child's view, written once in the child's own part, as the plan shows it.
    expect(plan.childView).toMatch(/^Jag vill gå i skolan igen/);
    const sara = ok(await (await as('sara.nord')).get(`/api/plans/${item.id}`));
    expect(sara.permissions.as).toBe('staff_participant');
    const child = await open('elin.johansson', item.id, 'child');
    expect(contentToJSON(child.doc, 'child').childView).toMatch(/^Jag vill gå i skolan igen/);
    for (const user of ['peter.johansson', 'elin.johansson']) expect((await listed(user, 'Elin Johansson')).id).toBe(item.id);
  });

  it('the closed plan keeps its reason and is never listed as overdue, though its call was late', async () => {
    const item = await listed('eva.lind', 'Mohammed Ali');
    expect(item).toMatchObject({ state: 'avslutad', dischargeStatus: 'missed', overdue: false });
    const plan = ok(await (await as('lars.holm')).get(`/api/plans/${item.id}`));
    expect(plan.closing.reason).toBe('no_longer_needed');
    expect(plan.meetings[0].status).toBe('held');
    const open = ok(await (await as('eva.lind')).get('/api/plans')).items.map((i: { id: string }) => i.id);
    expect(open).not.toContain(item.id);
  });

  it('Anders reads his plan’s content through co-editing, and its versions as agreed', async () => {
    const item = await listed('anders.nilsson', 'Anders Nilsson');
    const anders = await as('anders.nilsson');
    const plan = ok(await anders.get(`/api/plans/${item.id}`));
    expect(plan.sections.map((s: { name: string }) => s.name.replace(/:.*/, ''))).toEqual(['person', 'shared', 'actions', 'actions', 'others']);
    const content: Record<string, Record<string, any>> = {};
    for (const { name } of plan.sections as { name: SectionName }[]) content[name] = contentToJSON((await open('anders.nilsson', item.id, name)).doc, name);
    expect(content.person!.importantToMe).toMatch(/^• Att få bo kvar i min lägenhet/);
    expect(content.shared!.needs).toHaveLength(3);
    expect(content.others!.measures.map((m: { actor: string }) => m.actor)).toContain('Försäkringskassan');
    const versions = ok(await anders.get(`/api/plans/${item.id}/versions`));
    expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['meeting', 'finalised']);
    const agreed = ok(await anders.get(`/api/plans/${item.id}/versions/${versions[1].id}`));
    // Nothing changed since finalising: the version is the plan as it stands.
    for (const [name, json] of Object.entries(content)) expect(agreed.sections[name], name).toEqual(json);
    const diff = ok(await anders.get(`/api/plans/${item.id}/versions/compare?from=${versions[0].id}&to=${versions[1].id}`));
    expect(diff.changes).toEqual([]); // the actions were agreed at the meeting
    expect((await listed('birgitta.nilsson', 'Anders Nilsson')).id).toBe(item.id);
  });
});

describe('the demo plans are consistent in every table', () => {
  it('stores content under canonical names, and the projected rows are exactly that content', async () => {
    const docs = await query<{ doc_name: string; data: Buffer }>('SELECT doc_name, data FROM doc_update ORDER BY id');
    expect(docs.length).toBeGreaterThan(15);
    const byName = new Map<string, Y.Doc>();
    for (const { doc_name, data } of docs) {
      expect(parseDocumentName(doc_name), doc_name).not.toBeNull();
      const doc = byName.get(doc_name) ?? byName.set(doc_name, newSectionDoc()).get(doc_name)!;
      Y.applyUpdate(doc, data);
    }
    const expected = { needs: new Set<string>(), goals: new Set<string>(), actions: new Set<string>(), measures: new Set<string>() };
    for (const [name, doc] of byName) {
      const { planId, section } = parseDocumentName(name)!;
      const json = contentToJSON(doc, section) as Record<string, Record<string, string>[]>;
      for (const n of json.needs ?? []) expected.needs.add(JSON.stringify([planId, n.id, n.text]));
      for (const g of json.goals ?? []) expected.goals.add(JSON.stringify([planId, g.id, g.text, g.term]));
      for (const m of json.measures ?? []) expected.measures.add(JSON.stringify([planId, m.id, m.actor, m.what, m.when ?? null, m.responsible ?? null]));
      for (const a of json.actions ?? []) {
        expected.actions.add(JSON.stringify([planId, section.slice('actions:'.length), a.id, a.what, a.needId ?? null, a.goalId ?? null, a.performingUnitId ?? null, a.responsiblePerson ?? null, a.when ?? null, a.frequency ?? null, a.startDate ?? null, a.dueDate ?? null, a.status, a.followUpNotes ?? null]));
      }
    }
    const rows = async (sql: string) => new Set((await query(sql)).map((r) => JSON.stringify(Object.values(r))));
    expect(await rows('SELECT plan_id, need_id, text FROM plan_need')).toEqual(expected.needs);
    expect(await rows('SELECT plan_id, goal_id, text, term FROM plan_goal')).toEqual(expected.goals);
    expect(await rows('SELECT plan_id, measure_id, actor, what, when_text, responsible FROM plan_other_measure')).toEqual(expected.measures);
    expect(
      await rows(`SELECT plan_id, organisation_id, action_id, what, need_id, goal_id, performing_unit_id, responsible_person, when_text, frequency,
                         start_date::text, due_date::text, status, follow_up_notes FROM plan_action`),
    ).toEqual(expected.actions);
    expect(expected.actions.size).toBeGreaterThan(8);
  });

  it('has a history that leads to each state, versions where a meeting was held or the plan finalised, and a valid audit chain', async () => {
    const plans = await query('SELECT id, state, created_at, updated_at FROM plan');
    expect(plans.map((p) => p.state).sort()).toEqual(['avslutad', 'faststalld', 'forberedelse', 'kallad', 'uppfoljning']);
    for (const plan of plans) {
      const steps = await query('SELECT from_state, to_state, action, actor_id, at FROM plan_transition WHERE plan_id = $1 ORDER BY id', [plan.id]);
      expect(steps[0]).toMatchObject({ from_state: null, to_state: 'initierad' });
      steps.forEach((s, i) => i && expect(s.from_state).toBe(steps[i - 1].to_state));
      expect(steps.at(-1).to_state).toBe(plan.state);
      expect(steps.every((s, i) => s.actor_id && (!i || s.at > steps[i - 1].at))).toBe(true);
      expect(steps[0].at.getTime()).toBe(plan.created_at.getTime());
      expect(plan.updated_at.getTime()).toBeLessThan(Date.now());
      const versions = await query('SELECT reason, created_at FROM plan_version WHERE plan_id = $1 ORDER BY version_no', [plan.id]);
      const freezing = steps.filter((s) => s.action === 'record_meeting' || s.action === 'finalise');
      expect(versions.map((v) => [v.reason, v.created_at.getTime()])).toEqual(freezing.map((s) => [s.action === 'finalise' ? 'finalised' : 'meeting', s.at.getTime()]));
    }
    // The audit rows of the plans read in time order, as they were written.
    const audit = await query(`SELECT at FROM audit_event WHERE plan_id IS NOT NULL ORDER BY seq`);
    expect(audit.length).toBeGreaterThan(50);
    expect(audit.every((e, i) => !i || e.at >= audit[i - 1].at)).toBe(true);
    expect(ok(await app.admin.get('/api/audit/verify'))).toMatchObject({ ok: true, brokenAtSeq: null });
  });

  it('holds no personnummer of a demo person in plain text, anywhere', async () => {
    const tables = await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    let dump = '';
    for (const { tablename } of tables) dump += (await query(`SELECT row_to_json(x)::text AS j FROM "${tablename}" x`)).map((r) => r.j).join('\n');
    for (const { personnummer } of DEMO_PERSONS) {
      for (const form of [personnummer, personnummer.slice(2), `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`, `${personnummer.slice(2, 8)}-${personnummer.slice(8)}`]) {
        expect(dump).not.toContain(form);
        expect(dump).not.toContain(Buffer.from(form).toString('hex'));
      }
    }
  });
});

describe('the demo seed', () => {
  it('writes a consistent history whatever the day and hour it runs', async () => {
    const dataSource = new DataSource(dataSourceOptions(app.t.databaseUrl));
    await dataSource.initialize();
    const rollback = new Error('rollback');
    try {
      // A week of days (so every weekday), just after midnight or late in the evening.
      for (let day = 1; day <= 7; day++) {
        const now = stockholmDateTime(stockholmDate(addStockholmDays(new Date(), -day)), day % 2 ? '00:05' : '23:55');
        const run = dataSource.transaction(async (m) => {
          await seedDemoPlans(dataSource, m, now);
          // This run's discharge SIP is due about sixteen hours after its `now`.
          const [{ near }] = await m.query(
            `SELECT count(*)::int AS near FROM plan WHERE first_call_at IS NULL AND discharge_call_due_at BETWEEN $1::timestamptz + interval '15 hours' AND $1::timestamptz + interval '16 hours'`,
            [now],
          );
          expect(near, now.toISOString()).toBe(1);
          throw rollback;
        });
        await expect(run, now.toISOString()).rejects.toBe(rollback);
      }
    } finally {
      await dataSource.destroy();
    }
  });
});

async function open(username: string, planId: string, section: SectionName) {
  const client = await CollabClient.connect(app.t.baseUrl, await as(username));
  clients.push(client);
  return client.open(planId, section);
}
