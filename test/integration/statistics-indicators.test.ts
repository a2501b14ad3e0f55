import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorId, StatisticsResult } from '@sip/shared';
import { StatisticsRefresh } from '../../server/src/statistics/statistics-refresh.job';
import { type ApiSession, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { ok } from '../support/plan-fixtures';
import { type StatisticsFixture, writeStatisticsFixture } from '../support/statistics-fixture';
import { useTestApp } from '../support/use-test-app';

/**
 * Every available indicator on a small fixture (test/support/statistics-fixture.ts), each
 * answer worked out by hand below from the fixture's story. The threshold is 1 here, so that
 * nothing is suppressed and every figure can be checked; suppression has its own tests.
 */
const app = useTestApp({ env: { STATISTICS_MIN_COUNT: '1' } });
let fx: StatisticsFixture;
const s: Record<string, ApiSession> = {};

beforeAll(async () => {
  const sql = await sqlClient(app.t.databaseUrl);
  fx = await writeStatisticsFixture(sql);
  await sql.end();
  await app.t.app.get(StatisticsRefresh).refresh();
  for (const u of Object.values(fx.managers)) s[u] = await signedIn(app.t.baseUrl, u);
});

async function read(user: string, view: string, breakdown = 'sex', from = '2025-01', to = '2025-12'): Promise<StatisticsResult> {
  return ok(await s[user]!.get(`/api/statistics?view=${view}&from=${from}&to=${to}&breakdown=${breakdown}`));
}
const indicator = (r: StatisticsResult, id: IndicatorId) => r.indicators.find((i) => i.id === id)!;
const total = (r: StatisticsResult, id: IndicatorId) => indicator(r, id).total!;
const row = (r: StatisticsResult, id: IndicatorId, key: string) => indicator(r, id).rows[r.rowGroups.findIndex((g) => g.key === key)]!.total;

describe('Testby kommun over 2025 (plans A, B, C, D), by sex', () => {
  let r: StatisticsResult;
  beforeAll(async () => {
    r = await read(fx.managers.testbyManager, `o:${fx.testby}`);
  });

  it('active plans: A and D open at the end of December; A, A+B closed in Feb, then A, C, D from March, C closed in June', () => {
    expect(total(r, 'active_plans')).toMatchObject({ status: 'shown', value: 2 });
    expect(row(r, 'active_plans', 'female').value).toBe(1);
    expect(row(r, 'active_plans', 'male').value).toBe(1);
    expect(indicator(r, 'active_plans').trend.map((t) => t.cell.value)).toEqual([1, 1, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('new plans: A (Jan), B (Feb), C and D (Mar); two women, two men', () => {
    expect(total(r, 'new_plans').value).toBe(4);
    expect(row(r, 'new_plans', 'female').value).toBe(2);
    expect(row(r, 'new_plans', 'male').value).toBe(2);
    expect(indicator(r, 'new_plans').trend.slice(0, 4).map((t) => t.cell.value)).toEqual([1, 1, 2, 0]);
  });

  it('days from initiation to call: A 5, B 2, C 7, D 7 → median 6 (women 5, 7 → 6; men 2, 7 → 4.5)', () => {
    expect(total(r, 'days_initiation_to_call')).toMatchObject({ value: 6, n: 4 });
    expect(row(r, 'days_initiation_to_call', 'female').value).toBe(6);
    expect(row(r, 'days_initiation_to_call', 'male').value).toBe(4.5);
  });

  it('discharge calls within the deadline: B in time, D a day late → 1 of 2', () => {
    expect(total(r, 'discharge_call_in_time')).toMatchObject({ value: 0.5, n: 2 });
    expect(row(r, 'discharge_call_in_time', 'female')).toMatchObject({ status: 'none', n: 0 });
  });

  it('days from call to first meeting: A 14, B 7, C 14 → median 14', () => {
    expect(total(r, 'days_call_to_meeting')).toMatchObject({ value: 14, n: 3 });
    expect(row(r, 'days_call_to_meeting', 'male').value).toBe(7);
  });

  it('the person took part with own goals: of A’s two meetings, B’s and C’s, only A’s first → 1 of 4', () => {
    expect(total(r, 'person_participation')).toMatchObject({ value: 0.25, n: 4 });
    expect(row(r, 'person_participation', 'female')).toMatchObject({ value: 1 / 3, n: 3 });
  });

  it('the child’s view: C, a child with her view recorded before the meeting → 1 of 1', () => {
    expect(total(r, 'child_view_recorded')).toMatchObject({ value: 1, n: 1 });
  });

  it('relatives took part: A’s follow-up, B, C but not A’s first → 3 of 4', () => {
    expect(total(r, 'relatives_took_part')).toMatchObject({ value: 0.75, n: 4 });
  });

  it('statutory completeness: of A, B and C (first meetings in 2025) only A → 1 of 3', () => {
    expect(total(r, 'statutory_completeness')).toMatchObject({ value: 1 / 3, n: 3 });
  });

  it('lead principal and coordinator: A and C, not B → 2 of 3', () => {
    expect(total(r, 'lead_and_coordinator_named')).toMatchObject({ value: 2 / 3, n: 3 });
  });

  it('follow-up date set at the meeting: A’s two meetings and C’s; B’s not counted (closed within the week) → 3 of 3', () => {
    expect(total(r, 'follow_up_date_set')).toMatchObject({ value: 1, n: 3 });
  });

  it('follow-ups on time: A’s 30 April (held 28 April) yes, A’s 31 October no; C’s closed before its date → 1 of 2', () => {
    expect(total(r, 'follow_ups_on_time')).toMatchObject({ value: 0.5, n: 2 });
    const trend = indicator(r, 'follow_ups_on_time').trend;
    expect(trend.find((t) => t.month === '2025-04')!.cell).toMatchObject({ value: 1, n: 1 });
    expect(trend.find((t) => t.month === '2025-10')!.cell).toMatchObject({ value: 0, n: 1 });
  });

  it('actions done by their due date: Testby’s done in time, the region’s still ongoing → 1 of 2, per principal', () => {
    expect(total(r, 'actions_done_on_time')).toMatchObject({ value: 0.5, n: 2 });
    const categories = indicator(r, 'actions_done_on_time').categories;
    expect(categories.find((c) => c.key === fx.testby)).toMatchObject({ label: 'Testby kommun', cell: { value: 1, n: 1 } });
    expect(categories.find((c) => c.key === fx.region)).toMatchObject({ label: 'Region Test', cell: { value: 0, n: 1 } });
  });

  it('closings: B (no longer needed, Feb), C (consent withdrawn, Jun)', () => {
    expect(total(r, 'closings').value).toBe(2);
    const categories = Object.fromEntries(indicator(r, 'closings').categories.map((c) => [c.key, c.cell.value]));
    expect(categories).toMatchObject({ no_longer_needed: 1, consent_withdrawn: 1, goals_reached: 0 });
  });

  it('the person’s way to the plan: A first finalised in January, digitally; C in March with none set; A’s second finalisation not counted → 1 of 2', () => {
    expect(total(r, 'person_access_to_plan')).toMatchObject({ status: 'shown', value: 0.5, n: 2 });
    expect(row(r, 'person_access_to_plan', 'female')).toMatchObject({ value: 0.5, n: 2 });
    expect(row(r, 'person_access_to_plan', 'male')).toMatchObject({ status: 'none', n: 0 });
    const trend = indicator(r, 'person_access_to_plan').trend;
    expect(trend.find((t) => t.month === '2025-01')!.cell).toMatchObject({ value: 1, n: 1 });
    expect(trend.find((t) => t.month === '2025-03')!.cell).toMatchObject({ value: 0, n: 1 });
    expect(trend.find((t) => t.month === '2025-04')!.cell).toMatchObject({ status: 'none', n: 0 });
  });

  it('called principals attending with a mandate: the region at A’s SIP (called twice, counted once) with it, at B’s without, at C’s absent; A’s follow-up called nobody → 1 of 3', () => {
    expect(total(r, 'called_principals_attending')).toMatchObject({ status: 'shown', value: 1 / 3, n: 3 });
    expect(row(r, 'called_principals_attending', 'female')).toMatchObject({ value: 0.5, n: 2 });
    expect(row(r, 'called_principals_attending', 'male')).toMatchObject({ value: 0, n: 1 });
  });

  it('the person’s own rating: five answers from A’s side (the staff answer not counted), yes to all three in 3 → 60 %; each month under five answers is not shown', () => {
    expect(total(r, 'person_rating')).toMatchObject({ status: 'shown', value: 0.6, n: 5 });
    expect(row(r, 'person_rating', 'female')).toMatchObject({ value: 0.6, n: 5 });
    const trend = indicator(r, 'person_rating').trend;
    // Three answers in January, two in April: the threshold here is 1, the evaluations' own rule five.
    expect(trend.find((t) => t.month === '2025-01')!.cell).toEqual({ status: 'small', value: null, n: null });
    expect(trend.find((t) => t.month === '2025-04')!.cell).toEqual({ status: 'small', value: null, n: null });
  });

  it('the person’s own rating over fewer than five answers is never shown: the first quarter has three', async () => {
    const q1 = await read(fx.managers.testbyManager, `o:${fx.testby}`, 'sex', '2025-01', '2025-03');
    expect(total(q1, 'person_rating')).toEqual({ status: 'small', value: null, n: null });
    expect(row(q1, 'person_rating', 'female')).toEqual({ status: 'small', value: null, n: null });
  });

  it('every indicator is available now', () => {
    expect(r.indicators.filter((i) => i.status !== 'available')).toEqual([]);
  });
});

describe('breakdowns', () => {
  it('age at the event, fine bands: A 44 and B 35 (30–64), C 13 (7–17), D 84 (80+)', async () => {
    const r = await read(fx.managers.testbyManager, `o:${fx.testby}`, 'ageFine');
    expect(Object.fromEntries(r.rowGroups.map((g, i) => [g.key, indicator(r, 'new_plans').rows[i]!.total.value]))).toEqual({
      '0-6': 0, '7-17': 1, '18-29': 0, '30-64': 2, '65-79': 0, '80+': 1,
    });
  });

  it('trigger × sex: discharge plans are B and D, both men', async () => {
    const r = await read(fx.managers.testbyManager, `o:${fx.testby}`, 'trigger,sex');
    const discharge = indicator(r, 'new_plans').rows[r.rowGroups.findIndex((g) => g.key === 'discharge')]!;
    expect(discharge.total.value).toBe(2);
    expect(discharge.cells[r.columnGroups.findIndex((g) => g.key === 'male')]!.value).toBe(2);
  });

  it('units within the organisation add up: Vuxen A, B, D; Barn C', async () => {
    const r = await read(fx.managers.testbyManager, `o:${fx.testby}`, 'unit');
    expect(r.rowGroups.map((g) => g.label)).toEqual(['Testby – Barn', 'Testby – Vuxen']);
    expect(indicator(r, 'new_plans').rows.map((x) => x.total.value)).toEqual([1, 3]);
  });

  it('reads the same totals and trends from each grain of the aggregate (by sex; by unit; by unit × sex)', async () => {
    const [bySex, byUnit, byBoth] = await Promise.all(['sex', 'unit', 'unit,sex'].map((b) => read(fx.managers.countyManager, 'c:04', b)));
    const figures = (r: StatisticsResult) => r.indicators.map((i) => [i.id, i.total, i.trend.map((t) => t.cell)]);
    expect(figures(byUnit)).toEqual(figures(bySex));
    expect(figures(byBoth)).toEqual(figures(bySex));
  });

  it('a quarter: Q1 2025 has A, B, C, D started and B closed', async () => {
    const r = await read(fx.managers.testbyManager, `o:${fx.testby}`, 'sex', '2025-01', '2025-03');
    expect(total(r, 'new_plans').value).toBe(4);
    expect(total(r, 'closings').value).toBe(1);
    expect(total(r, 'active_plans').value).toBe(3);
    // The trend reaches back twelve months from the period's end.
    expect(indicator(r, 'new_plans').trend).toHaveLength(12);
  });
});

describe('who sees what', () => {
  it('the unit manager (Testby Vuxen) sees only the plans counted under that unit: A, B, D', async () => {
    const views = ok(await s[fx.managers.unitManager]!.get('/api/statistics/views'));
    expect(views.views).toEqual([{ key: `o:${fx.testby}`, kind: 'organisation', name: 'Testby kommun', units: [{ id: fx.units.vuxen, name: 'Testby – Vuxen' }] }]);
    const r = await read(fx.managers.unitManager, `o:${fx.testby}`);
    expect(total(r, 'new_plans').value).toBe(3);
    expect(total(r, 'closings').value).toBe(1);
  });

  it('the region manager sees every plan the region takes part in: A, B, C, D (called) and E (its own)', async () => {
    expect(total(await read(fx.managers.regionManager, `o:${fx.region}`), 'new_plans').value).toBe(5);
  });

  it('a county manager sees the organisation and the whole county: six plans', async () => {
    const views = ok(await s[fx.managers.countyManager]!.get('/api/statistics/views'));
    expect(views.views.map((v: { key: string }) => v.key)).toEqual([`o:${fx.testby}`, 'c:04']);
    const county = await read(fx.managers.countyManager, 'c:04', 'organisation');
    expect(total(county, 'new_plans').value).toBe(6);
    expect(Object.fromEntries(county.rowGroups.map((g, i) => [g.label, indicator(county, 'new_plans').rows[i]!.total.value]))).toEqual({
      'Annanby kommun': 1, 'Region Test': 1, 'Testby kommun': 4,
    });
  });

  it('a manager of another kommun sees nothing of this one', async () => {
    const annanby = fx.managers.annanbyManager;
    expect(total(await read(annanby, `o:${fx.annanby}`), 'new_plans').value).toBe(1);
    for (const view of [`o:${fx.testby}`, `o:${fx.region}`, 'c:04']) {
      expect((await s[annanby]!.get(`/api/statistics?view=${view}&from=2025-01&to=2025-12`)).status).toBe(404);
    }
  });

  it('practitioners, citizens and admins get no statistics', async () => {
    for (const user of ['eva.lind', 'anders.nilsson', 'admin']) {
      const session = await signedIn(app.t.baseUrl, user);
      expect((await session.get('/api/statistics/views')).status).toBe(403);
      expect((await session.get('/api/statistics?from=2025-01&to=2025-12')).status).toBe(403);
    }
  });

  it('audits every read with its filter', async () => {
    await read(fx.managers.regionManager, `o:${fx.region}`, 'sex,age', '2025-04', '2025-06');
    const sql = await sqlClient(app.t.databaseUrl);
    const { rows } = await sql.query(`SELECT details FROM audit_event WHERE action = 'statistics.read' ORDER BY seq DESC LIMIT 1`);
    await sql.end();
    expect(rows[0].details).toEqual({ view: `o:${fx.region}`, period: 'year', from: '2025-04', to: '2025-06', breakdown: ['sex', 'age'], format: 'json' });
  });
});
