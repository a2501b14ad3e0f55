import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../server/src/jobs/clock';
import { DEMO_PERSONS, DEMO_STAFF } from '../../server/src/seed/demo-data';
import { listRoutes } from '../../server/src/route-inventory';
import { type ApiSession, signedIn } from '../support/api-session';
import { CollabClient } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { MeetingClient, calledPlan } from '../support/meeting-fixtures';
import { ok } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

/**
 * A private answer reaches nobody but its author — not through any route, any socket, a
 * version, the audit log or the server's log — and a shared answer reaches exactly the
 * meeting's audience. Checked for every account in the demo.
 */
const app = useTestApp({ env: { LOG_LEVEL: 'trace' } });
const USERS = [...DEMO_STAFF.map((s) => s.username), ...DEMO_PERSONS.flatMap((p) => [p.username, ...p.relations.map((r) => r.username)])].filter(
  (u, i, all): u is string => Boolean(u) && all.indexOf(u) === i,
);
const PERSON_SECRET = 'PRIVAT-anders-7f3a';
const STAFF_SECRET = 'PRIVAT-eva-2c9d';
const SHARED = 'DELAT-anders-91be';
// Those who take part in Anders's meeting: him, the relative he allowed, the staff taking part.
const AUDIENCE = ['anders.nilsson', 'birgitta.nilsson', 'eva.lind', 'jonas.ek'];

const s: Record<string, ApiSession> = {};
let plan: Awaited<ReturnType<typeof calledPlan>>;
const seen: Record<string, string> = {};

beforeAll(async () => {
  for (const u of USERS) s[u] = await signedIn(app.t.baseUrl, u);
  plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
  ok(await s['anders.nilsson']!.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'help', text: PERSON_SECRET }));
  ok(await s['anders.nilsson']!.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'future', text: SHARED, shared: true }));
  ok(await s['eva.lind']!.put(`${base}/preparation/answers`, { version: 'personal', part: 'behov', questionKey: 'what_we_do', text: STAFF_SECRET }));
  // The meeting runs and ends, so that every route has something to show: state, agenda,
  // a frozen version, the evaluation.
  const clock = app.t.app.get(Clock);
  clock.travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
  ok(await s['eva.lind']!.post(`${base}/live/start`, {}));
  ok(await s['eva.lind']!.put(`${base}/live/decisions`, { leadOrganisationId: plan.ids.kommun, followUpDate: '2031-01-15', planDelivery: { kind: 'digital' } }));
  ok(await s['eva.lind']!.post(`${base}/live/end`, {}));
  clock.travel(new Date());

  // Every GET route, as every demo account, with the plan's ids filled in.
  const detail = ok(await s['eva.lind']!.get(`/api/plans/${plan.planId}`));
  const versions = ok(await s['eva.lind']!.get(`/api/plans/${plan.planId}/versions`));
  const params: Record<string, string> = {
    id: plan.planId,
    meetingId: plan.meetingId,
    callId: detail.calls[0].id,
    versionId: versions[0].id,
    code: '03',
  };
  const gets = listRoutes(app.t.app).filter((r) => r.method === 'GET');
  for (const u of USERS) {
    let text = '';
    for (const route of gets) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');
      const query = path.endsWith('/compare') ? '?from=1&to=1' : '';
      const res = await s[u]!.get(`${path}${query}`);
      text += `\n${route.path} ${res.status} ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`;
    }
    seen[u] = text;
  }
});
afterAll(() => app.t.app.get(Clock).travel(new Date()));

describe('a private answer', () => {
  it('reaches no other account in the demo through any route', () => {
    expect(USERS.length).toBeGreaterThanOrEqual(15);
    for (const u of USERS) {
      expect(seen[u]!.includes(PERSON_SECRET), `${u} saw Anders's private answer`).toBe(u === 'anders.nilsson');
      expect(seen[u]!.includes(STAFF_SECRET), `${u} saw Eva's private answer`).toBe(u === 'eva.lind');
    }
  });

  it('reaches no socket: neither the meeting’s state nor any co-edited section', async () => {
    for (const u of USERS) {
      const meeting = await MeetingClient.connect(app.t.baseUrl, s[u]!);
      const joined = await meeting.join(plan.planId, plan.meetingId);
      await meeting.drained();
      const collab = await CollabClient.connect(app.t.baseUrl, s[u]!);
      const texts: string[] = [JSON.stringify(joined), JSON.stringify(meeting.states)];
      for (const section of ['person', 'shared', `actions:${plan.ids.kommun}`] as const) {
        const provider = await collab.open(plan.planId, section);
        texts.push(JSON.stringify(provider.doc.toJSON()));
      }
      meeting.close();
      collab.close();
      for (const secret of [PERSON_SECRET, STAFF_SECRET, SHARED]) expect(texts.join('').includes(secret), `${u} got ${secret} on a socket`).toBe(false);
    }
  });

  it('is in no version, audit row or log line', async () => {
    const db = await sqlClient(app.t.databaseUrl);
    const { rows: tables } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'preparation_answer'`);
    let dump = '';
    for (const { tablename } of tables) {
      const { rows } = await db.query(`SELECT row_to_json(x)::text AS j FROM "${tablename}" x`);
      dump += rows.map((r) => r.j).join('\n');
    }
    await db.end();
    for (const secret of [PERSON_SECRET, STAFF_SECRET, SHARED]) {
      expect(dump.includes(secret), `${secret} outside preparation_answer`).toBe(false);
      expect(app.t.logs().includes(secret), `${secret} in the log`).toBe(false);
    }
    expect(app.t.logs().length).toBeGreaterThan(1000); // trace level: the requests were logged
  });
});

describe('a shared answer', () => {
  it('reaches exactly the meeting’s audience', () => {
    const reached = USERS.filter((u) => seen[u]!.includes(SHARED)).sort();
    expect(reached).toEqual([...AUDIENCE].sort());
  });
});
