import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_MAX_LENGTH } from '@sip/shared';
import { type ApiSession, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { calledPlan } from '../support/meeting-fixtures';
import { ok } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const s: Record<string, ApiSession> = {};
let plan: Awaited<ReturnType<typeof calledPlan>>;
let base: string;

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'anders.nilsson', 'birgitta.nilsson', 'peter.falk', 'omar.haddad', 'elin.johansson', 'maria.johansson', 'sara.nord']) s[u] = await signedIn(app.t.baseUrl, u);
  plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!);
  base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
});

describe('preparing for the meeting', () => {
  it('gives each participant their circle from their role and the person’s age, and anyone may switch', async () => {
    const versions = Object.fromEntries(
      await Promise.all(['anders.nilsson', 'birgitta.nilsson', 'eva.lind', 'jonas.ek'].map(async (u) => [u, ok(await s[u]!.get(`${base}/preparation`)).version])),
    );
    // Anders is 41: vuxna; Birgitta is a relative of a person under 65: övriga; staff: personal.
    expect(versions).toEqual({ 'anders.nilsson': 'vuxna', 'birgitta.nilsson': 'ovriga', 'eva.lind': 'personal', 'jonas.ek': 'personal' });
    // Named chair: ordförande.
    ok(await s['eva.lind']!.put(`${base}/setup`, { chairParticipantId: plan.participant('Eva Lind') }));
    expect(ok(await s['eva.lind']!.get(`${base}/preparation`)).version).toBe('ordforande');
    // Birgitta prefers the relatives' circle; back to her own with null.
    expect(ok(await s['birgitta.nilsson']!.put(`${base}/preparation/version`, { version: 'narstaende' })).version).toBe('narstaende');
    const mine = ok(await s['birgitta.nilsson']!.get(`${base}/preparation`));
    expect([mine.version, mine.defaultVersion]).toEqual(['narstaende', 'ovriga']);
    ok(await s['birgitta.nilsson']!.put(`${base}/preparation/version`, { version: null }));
    expect(ok(await s['birgitta.nilsson']!.get(`${base}/preparation`)).version).toBe('ovriga');
  });

  it('keeps answers private to their author; a shared answer reaches the agenda of the meeting’s audience', async () => {
    const anders = s['anders.nilsson']!;
    const secret = 'HEMLIGT-svar-om-boendet';
    const open = 'DELAT-svar-om-skolan';
    const priv = ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'aktuell_situation', questionKey: 'important', text: secret })).answer;
    expect(priv).toMatchObject({ text: secret, shared: false });
    const shared = ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'aktuell_situation', questionKey: 'works_well', text: open, shared: true })).answer;
    expect(shared.shared).toBe(true);
    // His own page has both.
    expect(ok(await anders.get(`${base}/preparation`)).answers.map((a: { text: string }) => a.text).sort()).toEqual([open, secret].sort());
    for (const u of ['eva.lind', 'jonas.ek', 'birgitta.nilsson', 'anders.nilsson']) {
      const agenda = ok(await s[u]!.get(`${base}/agenda`));
      const body = JSON.stringify(agenda);
      expect(body, u).toContain(open);
      expect(body, u).not.toContain(secret);
      expect(agenda.answers[0]).toMatchObject({ authorName: 'Anders Nilsson', authorRelation: 'person', part: 'aktuell_situation', mine: u === 'anders.nilsson' });
      // Others' own preparation pages carry none of his words.
      expect(JSON.stringify(ok(await s[u]!.get(`${base}/preparation`))).includes(secret), u).toBe(u === 'anders.nilsson');
    }
    // Staff see that he prepared and shared one answer — not what.
    const staffView = ok(await s['eva.lind']!.get(`${base}/preparation`));
    expect(staffView.prepared.find((p: { name: string }) => p.name === 'Anders Nilsson')).toMatchObject({ prepared: true, sharedAnswers: 1 });
    expect(JSON.stringify(staffView)).not.toContain(open);
    // Not reachable: 404, as for a plan that does not exist.
    for (const u of ['peter.falk', 'omar.haddad']) {
      expect((await s[u]!.get(`${base}/agenda`)).status, u).toBe(404);
      expect((await s[u]!.get(`${base}/preparation`)).status, u).toBe(404);
    }
    // Taking the share back removes it from the agenda at once.
    ok(await anders.patch(`${base}/preparation/answers/${shared.id}`, { shared: false }));
    expect(JSON.stringify(ok(await s['eva.lind']!.get(`${base}/agenda`)))).not.toContain(open);
    ok(await anders.patch(`${base}/preparation/answers/${shared.id}`, { shared: true }));
    // Emptying an answer removes it.
    expect(ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'myself', text: 'Laga mat' })).answer.text).toBe('Laga mat');
    expect(ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'myself', text: '  ' })).answer).toBeNull();
  });

  it('refuses sharing or changing another’s answer, unknown ids and over-long answers, in the user’s language, storing nothing', async () => {
    const anders = s['anders.nilsson']!;
    const eva = s['eva.lind']!;
    const { answer } = ok(await anders.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'inledning', questionKey: 'about_me', text: 'Jag heter Anders' }));
    const db = await sqlClient(app.t.databaseUrl);
    const snapshot = async () => (await db.query('SELECT id, body, shared, updated_at FROM preparation_answer ORDER BY id')).rows;
    const before = await snapshot();
    // Someone else's answer is not found, whatever they try.
    expect((await eva.patch(`${base}/preparation/answers/${answer.id}`, { shared: true })).status).toBe(404);
    expect((await eva.delete(`${base}/preparation/answers/${answer.id}`)).status).toBe(404);
    expect((await s['birgitta.nilsson']!.patch(`${base}/preparation/answers/${answer.id}`, { shared: true })).status).toBe(404);
    const bad = async (body: unknown, language = 'sv') => eva.request('PUT', `${base}/preparation/answers`, body, { headers: { 'accept-language': language } });
    const unknownVersion = await bad({ version: 'chefer', part: 'behov', questionKey: 'needs_seen', text: 'x' });
    expect(unknownVersion.status).toBe(400);
    expect(unknownVersion.body.errors[0]).toMatchObject({ path: 'body.version', code: 'unknown_version', message: 'Det finns ingen sådan version av mötescirkeln.' });
    const inEnglish = await bad({ version: 'personal', part: 'mitten', questionKey: 'needs_seen', text: 'x' }, 'en');
    expect(inEnglish.body.errors[0]).toMatchObject({ path: 'body.part', code: 'unknown_part', message: 'There is no such part of the meeting.' });
    expect((await bad({ version: 'personal', part: 'behov', questionKey: 'nope', text: 'x' })).body.errors[0]).toMatchObject({ path: 'body.questionKey', code: 'unknown_question' });
    const tooLong = await bad({ version: 'personal', part: 'behov', questionKey: 'needs_seen', text: 'x'.repeat(ANSWER_MAX_LENGTH + 1) });
    expect(tooLong.body.errors[0]).toMatchObject({ path: 'body.text', code: 'answer_too_long', message: `Svaret får vara högst ${ANSWER_MAX_LENGTH} tecken.` });
    // A plan one cannot reach: 404 before anything is parsed into storage.
    expect((await s['peter.falk']!.put(`${base}/preparation/answers`, { version: 'personal', part: 'behov', questionKey: 'needs_seen', text: 'x' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    await db.end();
  });

  it('audits every read and write without the words', async () => {
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query(`SELECT action, details::text AS details FROM audit_event WHERE plan_id = $1 AND action LIKE 'plan.meeting.%'`, [plan.planId]);
    await db.end();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['plan.meeting.preparation.read', 'plan.meeting.preparation.write', 'plan.meeting.preparation.share', 'plan.meeting.agenda.read', 'plan.meeting.setup']) expect(actions).toContain(a);
    for (const r of rows) expect(r.details).not.toMatch(/HEMLIGT|DELAT|Laga mat|Jag heter/);
  });
});

describe('a child’s shared answers', () => {
  it('reach the guardians only while no secrecy is recorded; staff always', async () => {
    // Elin's demo plan: kallad, both guardians, Omar and Sara taking part.
    const elin = s['elin.johansson']!;
    const planId = ok(await elin.get('/api/plans')).items.find((p: { personName: string; state: string }) => p.personName === 'Elin Johansson' && p.state === 'kallad').id;
    const detail = ok(await elin.get(`/api/plans/${planId}`));
    const meeting = detail.meetings.find((m: { status: string }) => m.status === 'planned');
    const b = `/api/plans/${planId}/meetings/${meeting.id}`;
    const mine = ok(await elin.get(`${b}/preparation`));
    expect(mine.version).toBe('ungdomar');
    expect(ok(await s['maria.johansson']!.get(`${b}/preparation`)).version).toBe('foraldrar');
    ok(await elin.put(`${b}/preparation/answers`, { version: 'ungdomar', part: 'behov', questionKey: 'future', text: 'ELINS-mal-om-ett-ar', shared: true }));
    const seen = async (u: string) => JSON.stringify(ok(await s[u]!.get(`${b}/agenda`))).includes('ELINS-mal-om-ett-ar');
    expect(await seen('maria.johansson')).toBe(true);
    ok(await s['omar.haddad']!.put(`/api/plans/${planId}/child-view`, { childSecrecy: true, reason: 'Elin vill själv berätta' }));
    expect(await seen('maria.johansson')).toBe(false);
    expect(await seen('omar.haddad')).toBe(true);
    // Staff may judge that she prepares with her guardians.
    ok(await s['omar.haddad']!.put(`${b}/setup`, { childPreparesWithGuardians: true }));
    expect(ok(await elin.get(`${b}/preparation`)).version).toBe('foraldrar');
  });
});
