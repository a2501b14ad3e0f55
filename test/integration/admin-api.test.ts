import { describe, expect, it } from 'vitest';
import { REMINDER_RULES } from '@sip/shared';
import { ApiSession, problem, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { calledPlan } from '../support/meeting-fixtures';
import { PNR, directoryIds, inDays, initiatePlan, ok, personId } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

/** What the admin's pages need beyond the directory: county settings, audit filters, citizen accounts. */
const app = useTestApp({ admin: true });

const latestAudit = async (limit = 5) => ok(await app.admin.get(`/api/audit?limit=${limit}`)) as { seq: number; action: string; details: Record<string, unknown>; targetId: string | null }[];
const countyRow = async (code: string) => {
  const db = await sqlClient(app.t.databaseUrl);
  try {
    return (await db.query('SELECT discharge_call_days, reminder_days FROM county_setting WHERE county_code = $1', [code])).rows[0] ?? null;
  } finally {
    await db.end();
  }
};

describe('county settings', () => {
  it('reads the defaults for a county nobody has set, without writing a row', async () => {
    expect(ok(await app.admin.get('/api/county-settings/01'))).toEqual({
      countyCode: '01',
      dischargeCallDays: 3,
      reminderDays: {},
      meetingPartShares: { inledning: 10, aktuell_situation: 20, behov: 40, sammanfattning: 20, avslutning: 10 },
      meetingPartSharesCustom: false,
    });
    expect(await countyRow('01')).toBeNull();
  });

  it('replaces a county’s settings, audits before and after, and the next discharge SIP runs on them', async () => {
    const put = await app.admin.put('/api/county-settings/03', { dischargeCallDays: 5, reminderDays: { action_due_soon: 10, call_unanswered: 3 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ countyCode: '03', dischargeCallDays: 5, reminderDays: { action_due_soon: 10, call_unanswered: 3 }, meetingPartSharesCustom: false });
    expect(ok(await app.admin.get('/api/county-settings/03'))).toEqual(put.body);
    // Stored where the lifecycle and the reminder scan read them.
    expect(await countyRow('03')).toEqual({ discharge_call_days: 5, reminder_days: { action_due_soon: 10, call_unanswered: 3 } });
    const [event] = (await latestAudit(2)).filter((e) => e.action === 'settings.county.update');
    expect(event).toMatchObject({
      targetId: '03',
      details: {
        before: { dischargeCallDays: 3, reminderDays: {}, meetingPartShares: null },
        after: { dischargeCallDays: 5, reminderDays: { action_due_soon: 10, call_unanswered: 3 }, meetingPartShares: null },
      },
    });

    // A rule left out goes back to its default.
    const again = ok(await app.admin.put('/api/county-settings/03', { dischargeCallDays: 5, reminderDays: { call_unanswered: 3 } }));
    expect(again.reminderDays).toEqual({ call_unanswered: 3 });

    const jonas = await signedIn(app.t.baseUrl, 'jonas.ek');
    const ids = await directoryIds(jonas);
    const plan = await initiatePlan(jonas, {
      personId: await personId(jonas, PNR.gunnel),
      trigger: 'discharge',
      reason: 'Utskrivning',
      initiatingUnitId: ids.vuxenpsykiatri,
      dischargeReadyAt: inDays(-1),
    });
    expect(new Date(plan.discharge.dueAt).getTime() - new Date(plan.discharge.readyAt).getTime()).toBe(5 * 86_400_000);
  });

  it('refuses bad settings with a code per field, and stores and audits nothing', async () => {
    const before = await countyRow('05');
    const [last] = await latestAudit(1);
    const res = await app.admin.put('/api/county-settings/05', {
      dischargeCallDays: 0,
      reminderDays: { action_due_soon: 61, action_overdue: -1, meeting_tomorrow: 1.5, no_such_rule: 3 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(
      [
        'body.dischargeCallDays:too_small',
        'body.reminderDays.action_due_soon:too_big',
        'body.reminderDays.action_overdue:too_small',
        'body.reminderDays.meeting_tomorrow:invalid_type',
        'body.reminderDays:unrecognized_keys',
      ].sort(),
    );
    const missing = await app.admin.put('/api/county-settings/05', { reminderDays: {} });
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.dischargeCallDays']);
    const county = await app.admin.put('/api/county-settings/02', { dischargeCallDays: 3, reminderDays: {} });
    expect(county.status).toBe(400);
    expect(county.body.errors.map((e: { path: string }) => e.path)).toEqual(['params.countyCode']);
    expect(await countyRow('05')).toEqual(before);
    // Since then, only the reading of the log itself.
    const since = (await latestAudit(20)).filter((e) => e.seq > last!.seq).map((e) => e.action);
    expect(new Set(since)).toEqual(new Set(['audit.read']));
  });

  it('holds the meeting parts’ time shares: set, audited, used by the county’s meetings, and back to the defaults', async () => {
    const before = ok(await app.admin.get('/api/county-settings/03'));
    const eva = await signedIn(app.t.baseUrl, 'eva.lind');
    const plan = await calledPlan(eva, await signedIn(app.t.baseUrl, 'anders.nilsson'), { durationMinutes: 100 });
    const minutes = async () =>
      Object.fromEntries(ok(await eva.get(`/api/plans/${plan.planId}/meetings/${plan.meetingId}/preparation`)).parts.map((p: { part: string; seconds: number }) => [p.part, p.seconds / 60]));
    expect(await minutes()).toEqual({ inledning: 10, aktuell_situation: 20, behov: 40, sammanfattning: 20, avslutning: 10 });

    const shares = { inledning: 5, aktuell_situation: 15, behov: 50, sammanfattning: 20, avslutning: 10 };
    const put = ok(await app.admin.put('/api/county-settings/03', { dischargeCallDays: before.dischargeCallDays, reminderDays: before.reminderDays, meetingPartShares: shares }));
    expect(put).toMatchObject({ meetingPartShares: shares, meetingPartSharesCustom: true });
    expect(ok(await app.admin.get('/api/county-settings/03'))).toEqual(put);
    // Uppsala län's meeting of 100 minutes now runs on them.
    expect(await minutes()).toEqual(shares);
    const [event] = (await latestAudit(2)).filter((e) => e.action === 'settings.county.update');
    expect(event).toMatchObject({ targetId: '03', details: { before: { meetingPartShares: null }, after: { meetingPartShares: shares } } });

    // The shares' rules, from the shared schema: each part 5–80, 100 in all, behov the largest.
    const refused = async (meetingPartShares: unknown) =>
      (await app.admin.put('/api/county-settings/03', { dischargeCallDays: 3, reminderDays: {}, meetingPartShares })).body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(await refused({ ...shares, behov: 55 })).toEqual(['body.meetingPartShares:shares_must_sum_to_100']);
    expect(await refused({ inledning: 10, aktuell_situation: 35, behov: 30, sammanfattning: 15, avslutning: 10 })).toEqual(['body.meetingPartShares:needs_must_be_largest']);
    expect(await refused({ ...shares, inledning: 2, behov: 53 })).toEqual(['body.meetingPartShares.inledning:too_small']);
    expect(await refused({ ...shares, avslutning: undefined })).toEqual(['body.meetingPartShares.avslutning:invalid_type']);
    expect(ok(await app.admin.get('/api/county-settings/03')).meetingPartShares).toEqual(shares);

    // Null (or left out): the defaults again.
    const reset = ok(await app.admin.put('/api/county-settings/03', { dischargeCallDays: before.dischargeCallDays, reminderDays: before.reminderDays, meetingPartShares: null }));
    expect(reset).toEqual(before);
    expect(await minutes()).toEqual({ inledning: 10, aktuell_situation: 20, behov: 40, sammanfattning: 20, avslutning: 10 });
  });

  it('has no other way to change the shares: the old meeting-shares route is gone', async () => {
    const shares = { inledning: 5, aktuell_situation: 15, behov: 50, sammanfattning: 20, avslutning: 10 };
    expect((await app.admin.put('/api/counties/03/meeting-shares', shares)).status).toBe(404);
    expect((await app.admin.get('/api/counties/03/meeting-shares')).status).toBe(404);
  });

  it('knows every reminder rule, and each limit allows the rule’s default', async () => {
    const { REMINDER_OFFSET_LIMITS, reminderOffset, REMINDER_RULE_IDS } = await import('@sip/shared');
    expect(Object.keys(REMINDER_OFFSET_LIMITS).sort()).toEqual(Object.keys(REMINDER_RULES).sort());
    for (const rule of REMINDER_RULE_IDS) {
      const { min, max } = REMINDER_OFFSET_LIMITS[rule];
      expect(reminderOffset(rule), rule).toBeGreaterThanOrEqual(min);
      expect(reminderOffset(rule), rule).toBeLessThanOrEqual(max);
    }
  });

  it('is for administrators only', async () => {
    for (const username of ['eva.lind', 'karin.berg', 'anders.nilsson']) {
      const s = await signedIn(app.t.baseUrl, username);
      expect((await s.get('/api/county-settings/03')).status, username).toBe(403);
      expect((await s.put('/api/county-settings/03', { dischargeCallDays: 9, reminderDays: {} })).status, username).toBe(403);
    }
    const anonymous = new ApiSession(app.t.baseUrl);
    expect((await anonymous.get('/api/county-settings/03')).status).toBe(401);
    expect((await countyRow('03'))?.discharge_call_days).not.toBe(9);
  });
});

describe('the audit log, browsed', () => {
  it('names the actor and the plan of each event', async () => {
    const eva = await signedIn(app.t.baseUrl, 'eva.lind');
    const [plan] = ok(await eva.get('/api/plans')).items;
    await eva.get(`/api/plans/${plan.id}`);
    const events = ok(await app.admin.get(`/api/audit?planId=${plan.id}&limit=3`));
    expect(events[0]).toMatchObject({ action: 'plan.read', planId: plan.id, actorName: 'Eva Lind', actorUsername: 'eva.lind', actorRole: 'practitioner' });
    expect(events.every((e: { planId: string }) => e.planId === plan.id)).toBe(true);
  });

  it('filters by actor, action and time, and pages back with beforeSeq', async () => {
    const karin = await signedIn(app.t.baseUrl, 'karin.berg');
    await karin.post('/api/auth/sign-out');
    const byKarin = ok(await app.admin.get('/api/audit?actorUsername=Karin.Berg&limit=10'));
    expect(byKarin.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['auth.sign_out', 'auth.sign_in']);
    expect(new Set(byKarin.map((e: { actorUsername: string }) => e.actorUsername))).toEqual(new Set(['karin.berg']));
    expect(ok(await app.admin.get('/api/audit?actorUsername=nobody.here'))).toEqual([]);

    const signIns = ok(await app.admin.get('/api/audit?action=auth.sign_in&limit=500'));
    expect(signIns.length).toBeGreaterThan(2);
    expect(new Set(signIns.map((e: { action: string }) => e.action))).toEqual(new Set(['auth.sign_in']));

    const [newest, second] = signIns;
    const page2 = ok(await app.admin.get(`/api/audit?action=auth.sign_in&limit=1&beforeSeq=${newest.seq}`));
    expect(page2).toEqual([second]);

    // `from` inclusive, `to` exclusive.
    const at = newest.at;
    const window = ok(await app.admin.get(`/api/audit?action=auth.sign_in&from=${encodeURIComponent(at)}&to=${encodeURIComponent(new Date(new Date(at).getTime() + 1).toISOString())}`));
    expect(window.map((e: { seq: number }) => e.seq)).toContain(newest.seq);
    expect(window.every((e: { at: string }) => e.at === at)).toBe(true);
    expect(ok(await app.admin.get(`/api/audit?action=auth.sign_in&to=${encodeURIComponent(at)}`)).map((e: { seq: number }) => e.seq)).not.toContain(newest.seq);
  });

  it('refuses a reversed time range and unknown filters', async () => {
    const res = await app.admin.get('/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(res.status).toBe(400);
    expect(problem(res).errors).toEqual([{ path: 'query.to', code: 'range_reversed', message: expect.any(String) }]);
    const unknown = await app.admin.get('/api/audit?action=plan.eat&planId=x&sort=asc');
    expect(unknown.status).toBe(400);
    expect(problem(unknown).errors!.map((e: { path: string }) => e.path).sort()).toEqual(['query', 'query.action', 'query.planId']);
  });

  it('logs its own reading and verifying', async () => {
    await app.admin.get('/api/audit?action=plan.read&limit=2');
    const verify = ok(await app.admin.get('/api/audit/verify'));
    expect(verify.ok).toBe(true);
    const [verified, read] = await latestAudit(2);
    expect(verified).toMatchObject({ action: 'audit.verify', details: { ok: true, brokenAtSeq: null } });
    expect(read).toMatchObject({ action: 'audit.read', details: { filters: { action: 'plan.read' }, count: 2 } });
    expect(ok(await app.admin.get('/api/audit/verify')).ok).toBe(true);
  });
});

describe('citizen accounts to link', () => {
  it('finds citizen accounts by username or name, never staff', async () => {
    const found = ok(await app.admin.get('/api/citizen-accounts?q=nilsson'));
    expect(found.map((a: { username: string }) => a.username)).toEqual(['anders.nilsson', 'birgitta.nilsson']);
    expect(found[0]).toEqual({ id: expect.any(String), username: 'anders.nilsson', displayName: 'Anders Nilsson', disabled: false });
    expect(ok(await app.admin.get('/api/citizen-accounts?q=eva'))).toEqual([]);
    expect((await app.admin.get('/api/citizen-accounts?q=a')).status).toBe(400);
  });

  it('links an existing account as a relative; a taken username is named by its field', async () => {
    const gunnel = ok(await app.admin.get('/api/persons?q=Gunnel')).items[0];
    const [birgitta] = ok(await app.admin.get('/api/citizen-accounts?q=birgitta'));
    const linked = ok(await app.admin.post(`/api/persons/${gunnel.id}/relations`, { kind: 'representative', accountId: birgitta.id }));
    expect(linked.relations).toEqual([expect.objectContaining({ kind: 'representative', username: 'birgitta.nilsson', hasCustody: false })]);
    const twice = await app.admin.post(`/api/persons/${gunnel.id}/relations`, { kind: 'relative', accountId: birgitta.id });
    expect(twice.status).toBe(409);
    expect(problem(twice).errors).toEqual([expect.objectContaining({ path: 'body.accountId', code: 'already_linked' })]);
    const taken = await app.admin.post(`/api/persons/${gunnel.id}/relations`, { kind: 'relative', newAccount: { username: 'anders.nilsson', displayName: 'A', password: 'long-enough-pass' } });
    expect(taken.status).toBe(409);
    expect(problem(taken).errors).toEqual([expect.objectContaining({ path: 'body.newAccount.username', code: 'taken' })]);
    const staff = await app.admin.post('/api/staff', { username: 'eva.lind', displayName: 'Eva', systemRoles: ['practitioner'], password: 'long-enough-pass' });
    expect(staff.status).toBe(409);
    expect(problem(staff).errors).toEqual([expect.objectContaining({ path: 'body.username', code: 'taken' })]);
  });

  it('is for administrators only', async () => {
    const eva = await signedIn(app.t.baseUrl, 'eva.lind');
    expect((await eva.get('/api/citizen-accounts?q=nilsson')).status).toBe(403);
  });
});
