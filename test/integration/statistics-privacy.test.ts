import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, type StatisticsCell, type StatisticsResult } from '@sip/shared';
import { listRoutes } from '../../server/src/route-inventory';
import { DEMO_PERSONS, DEMO_STAFF } from '../../server/src/seed/demo-data';
import { StatisticsRefresh } from '../../server/src/statistics/statistics-refresh.job';
import { type ApiSession, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { ok } from '../support/plan-fixtures';
import { type StatisticsFixture, writeStatisticsFixture } from '../support/statistics-fixture';
import { useTestApp } from '../support/use-test-app';

/**
 * With the real threshold (5): small numbers are suppressed alike in the dashboard and the CSV,
 * and nothing a manager can reach carries a person's name, a personnummer or a plan's text.
 */
const app = useTestApp();
let fx: StatisticsFixture;

beforeAll(async () => {
  const sql = await sqlClient(app.t.databaseUrl);
  fx = await writeStatisticsFixture(sql);
  await sql.end();
  await app.t.app.get(StatisticsRefresh).refresh();
});

const indicator = (r: StatisticsResult, id: string) => r.indicators.find((i) => i.id === id)!;
const everyCell = (r: StatisticsResult) =>
  r.indicators.flatMap((i) => (i.total ? [i.total, ...i.rows.flatMap((x) => [x.total, ...x.cells]), ...i.columns, ...i.trend.map((t) => t.cell), ...i.categories.map((c) => c.cell)] : []));

describe('suppression with the real threshold', () => {
  it('shows no count of 1–4 anywhere, and hides the small ones behind "<5"', async () => {
    const county = await signedIn(app.t.baseUrl, fx.managers.countyManager);
    const r: StatisticsResult = ok(await county.get('/api/statistics?view=c:04&from=2025-01&to=2025-12&breakdown=sex'));
    for (const cell of everyCell(r)) if (cell.status === 'shown') expect(cell.n === 0 || cell.n! >= 5).toBe(true);
    // Six plans were started in the county: three women, three men — the total stands, the
    // groups do not (and 3 + 3 = 6 leaves each of them anywhere from 2 to 4).
    const newPlans = indicator(r, 'new_plans');
    expect(newPlans.total).toEqual({ status: 'shown', value: 6, n: 6 });
    expect(newPlans.rows.map((x) => x.total.status)).toEqual(['small', 'small', 'shown']);
  });

  it('suppresses the same cells in the CSV as on the dashboard', async () => {
    const county = await signedIn(app.t.baseUrl, fx.managers.countyManager);
    const query = 'view=c:04&from=2025-01&to=2025-12&breakdown=sex,trigger';
    const r: StatisticsResult = ok(await county.get(`/api/statistics?${query}`));
    const csv = await county.raw('GET', `/api/statistics/export.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    // The byte-order mark, which fetch's text() would silently drop.
    const bytes = new Uint8Array(await (await fetch(`${app.t.baseUrl}/api/statistics/export.csv?${query}`, { headers: { cookie: [...county.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.body as string;
    const lines = text.split('\r\n').filter(Boolean).map((l) => l.split(';'));
    const header = lines.findIndex((l) => l[0] === 'Indikator');
    expect(lines[header]).toEqual(['Indikator', 'Indikator-id', 'Mått', 'Från', 'Till', 'Månad', 'Grupp 1', 'Grupp 2', 'Kategori', 'Värde', 'Antal fall', 'Anmärkning']);
    const records = lines.slice(header + 1);
    const marker = (cell: StatisticsCell, kind: string) =>
      cell.status === 'small' ? (kind === 'count' ? '<5' : '..') : cell.status === 'hidden' ? '..' : cell.status === 'none' ? '–' : null;
    let compared = 0;
    for (const result of r.indicators) {
      const kind = INDICATORS.find((d) => d.id === result.id)!.kind;
      const mine = records.filter((l) => l[1] === result.id);
      if (!result.total) {
        expect(mine.map((l) => l[11])).toEqual(['Ännu inte tillgänglig']);
        continue;
      }
      // Rows come in the dashboard's order: total, each row with its cells, columns, categories, months.
      const cells = [result.total, ...result.rows.flatMap((x) => [x.total, ...x.cells]), ...result.columns, ...result.categories.map((c) => c.cell), ...result.trend.map((t) => t.cell)];
      expect(mine).toHaveLength(cells.length);
      cells.forEach((cell, i) => {
        const shown = marker(cell, kind);
        if (shown) expect(mine[i]![9]).toBe(shown);
        else expect(mine[i]![9]).not.toMatch(/^(<5|\.\.|–)$/);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('escapes what a spreadsheet would run as a formula', async () => {
    const sql = await sqlClient(app.t.databaseUrl);
    // Directory names are typed by people; an organisation named like a formula stays text.
    await sql.query(`UPDATE organisation SET name = '=HYPERLINK("x")' WHERE id = $1`, [fx.annanby]);
    await sql.end();
    const annanby = await signedIn(app.t.baseUrl, fx.managers.annanbyManager);
    const csv = await annanby.raw('GET', `/api/statistics/export.csv?view=o:${fx.annanby}&from=2025-01&to=2025-12`);
    expect(csv.body).toContain(`Urval;"'=HYPERLINK(""x"")"`);
    expect(csv.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });
});

describe('nothing a manager reaches names a person', () => {
  let forbidden: string[];
  beforeAll(async () => {
    const sql = await sqlClient(app.t.databaseUrl);
    // Every person, relative and staff name of the demo directory, every personnummer, and the
    // plans' own words (reasons, goals, needs, actions, measures).
    const texts = await sql.query(`
      SELECT reason AS t FROM plan UNION SELECT long_term_goal FROM plan UNION SELECT text FROM plan_need
      UNION SELECT text FROM plan_goal UNION SELECT what FROM plan_action UNION SELECT what FROM plan_other_measure`);
    await sql.end();
    forbidden = [
      ...DEMO_PERSONS.flatMap((p) => [p.name, p.personnummer, `${p.personnummer.slice(0, 8)}-${p.personnummer.slice(8)}`, ...p.relations.map((r) => r.displayName)]),
      ...texts.rows.map((r: { t: string | null }) => r.t).filter((t: string | null): t is string => !!t && t.length > 12 && t !== 'Fixtur'),
    ];
    expect(forbidden.length).toBeGreaterThan(20);
  });

  for (const manager of ['karin.berg', 'maria.sund', 'helena.ros']) {
    it(`${manager}: statistics, CSV and every other GET route`, async () => {
      const session: ApiSession = await signedIn(app.t.baseUrl, manager);
      const sql = await sqlClient(app.t.databaseUrl);
      const [{ plan_id, org_id, unit_id }] = (await sql.query(`SELECT (SELECT id FROM plan LIMIT 1) AS plan_id, (SELECT id FROM organisation LIMIT 1) AS org_id, (SELECT id FROM unit LIMIT 1) AS unit_id`)).rows;
      await sql.end();
      const views = ok(await session.get('/api/statistics/views'));
      const bodies: string[] = [JSON.stringify(views)];
      const thisYear = new Date().getFullYear();
      for (const v of views.views) {
        for (const breakdown of ['sex,age', 'unit,trigger', '']) {
          const q = `view=${v.key}&from=${thisYear - 1}-01&to=${thisYear}-12&breakdown=${breakdown}`;
          bodies.push(JSON.stringify(ok(await session.get(`/api/statistics?${q}`))));
          bodies.push((await session.raw('GET', `/api/statistics/export.csv?${q}`)).body as string);
        }
      }
      for (const route of listRoutes(app.t.app).filter((r) => r.method === 'GET')) {
        const path = route.path
          .replace(/^\/api\/(organisations)\/:id/, `/api/$1/${org_id}`)
          .replace(/^\/api\/(units)\/:id/, `/api/$1/${unit_id}`)
          .replace(/:(id|callId|versionId|meetingId)/g, plan_id);
        const res = await session.raw('GET', path, { headers: { accept: 'application/json' } });
        bodies.push(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
      }
      const own = DEMO_STAFF.find((s) => s.username === manager)!.displayName;
      const everything = bodies.join('\n');
      for (const word of [...forbidden, ...DEMO_STAFF.map((s) => s.displayName).filter((n) => n !== own)]) expect(everything).not.toContain(word);
    });
  }
});
