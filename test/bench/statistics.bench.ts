import { DataSource } from 'typeorm';
import { expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config/config';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { seedLargeData } from '../../server/src/seed/large-seed';
import { StatisticsRefresh } from '../../server/src/statistics/statistics-refresh.job';
import { type ApiSession, signedIn } from '../support/api-session';
import { startTestApp } from '../support/test-app';
import { TEST_ENV } from '../support/test-env';
import { machineLine, median, percentile, writeBenchmarkSection } from './bench-report';

const PLANS = Number(process.env.BENCH_STATISTICS_PLANS ?? 200_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
/** Measurement runs over the same seeded data (seeding takes minutes); each is reported. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const timingOf = (header: string | null) =>
  Object.fromEntries((header ?? '').split(',').map((part) => part.trim().match(/^(\w+);dur=([\d.]+)$/)).filter((m) => m).map((m) => [m![1]!, Number.parseFloat(m![2]!)]));

it(`the statistics dashboard over ${PLANS} plans`, async () => {
  // The scheduled rebuild is kept out of the way: the benchmark runs it itself and times it.
  const t = await startTestApp({ LOG_LEVEL: 'silent', STATISTICS_REFRESH_CRON: '0 3 1 1 *' });
  const dataSource = await new DataSource(dataSourceOptions(t.databaseUrl)).initialize();
  const seedStarted = Date.now();
  await seedLargeData(dataSource, loadConfig(TEST_ENV), PLANS, (m) => process.stdout.write(`  seed: ${m}\n`));
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  // A county-wide follow-up role: a manager at Uppsala kommun with the county scope.
  await dataSource.query(`UPDATE account SET statistics_scope = 'county' WHERE username = 'karin.berg'`);
  const refreshes: number[] = [];
  for (let i = 0; i < 3; i++) refreshes.push((await t.app.get(StatisticsRefresh).refresh()).ms);
  const [{ plans, cube, meetings, actions }] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM plan) AS plans, (SELECT count(*)::int FROM stat_cube) AS cube,
            (SELECT count(*)::int FROM meeting WHERE status = 'held') AS meetings, (SELECT count(*)::int FROM plan_action) AS actions`,
  );
  await dataSource.destroy();

  const maria = await signedIn(t.baseUrl, 'maria.sund');
  const karin = await signedIn(t.baseUrl, 'karin.berg');
  const regionKey = (await maria.get('/api/statistics/views')).body.views[0].key as string;
  const now = new Date();
  const to = now.toISOString().slice(0, 7);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
  const year = `from=${from}&to=${to}&breakdown=sex,age`;
  const scenarios: [string, ApiSession, string][] = [
    ['floor: GET /api/auth/session', maria, '/api/auth/session'],
    [`one organisation (Region Uppsala, in ${'≈'}every plan), a year by sex × age band`, maria, `/api/statistics?view=${regionKey}&${year}`],
    ['the county (Uppsala län), a year by sex × age band', karin, `/api/statistics?view=c:03&${year}`],
    ['the county, a year by unit (comparison of units)', karin, `/api/statistics?view=c:03&from=${from}&to=${to}&breakdown=unit`],
    ['CSV of the county, a year by sex × age band', karin, `/api/statistics/export.csv?view=c:03&${year}`],
  ];
  const rows: string[] = [];
  const results: Record<string, number> = {};
  for (const [, session, path] of scenarios) for (let i = 0; i < 5; i++) expect((await session.get(path)).status).toBe(200);
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, session, path] of scenarios) {
      const server: number[] = [];
      const client: number[] = [];
      const phases: Record<string, number[]> = {};
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        const res = await session.get(path);
        client.push(performance.now() - started);
        expect(res.status).toBe(200);
        server.push(Number.parseFloat(res.headers.get('x-response-time') ?? 'NaN'));
        for (const [phase, ms] of Object.entries(timingOf(res.headers.get('server-timing')))) (phases[phase] ??= []).push(ms);
      }
      const phase = (key: string) => (phases[key] ? median(phases[key]).toFixed(1) : '–');
      results[`${name} #${run}`] = percentile(server, 95);
      rows.push(
        `| ${name} | ${run} | ${median(server).toFixed(1)} | ${percentile(server, 95).toFixed(1)} | ${median(client).toFixed(1)} | ${phase('sql')} | ${phase('tables')} | ${phase('rest')}${phases.csv ? ` (+ CSV ${phase('csv')})` : ''} |`,
      );
    }
  }
  await t.close();

  const table = [
    '| request | run | server median (ms) | server p95 (ms) | client median (ms) | SQL median (ms) | tables + suppression median (ms) | rest median (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  writeBenchmarkSection(
    'statistics',
    `## Statistics dashboard at scale

Reproduce: \`npm run bench\` (or \`BENCH_STATISTICS_PLANS=${PLANS} BENCH_SAMPLES=${SAMPLES} BENCH_RUNS=${RUNS} npx vitest run --config test/bench/vitest.bench.config.mts test/bench/statistics.bench.ts\`).
Measured ${machineLine()}.

Data: the demo directory plus \`seed:large\`'s generator — ${plans} plans, ${meetings} meetings held (with attendance),
${actions} actions with their history, follow-up dates and meetings (seeded in ${seedSeconds.toFixed(0)} s). The monthly
aggregate holds ${cube} rows; rebuilding it from the facts took ${refreshes.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (three runs).
Each request is the dashboard's whole answer: all indicators for the twelve months to this one, broken down,
with a trend per indicator, suppressed across all of them, and its audit row. ${RUNS} runs over the same data, each
${SAMPLES} sequential requests per request kind, after 5 warm-up requests each; server time is \`X-Response-Time\`, and
where it went is the server's \`Server-Timing\` (SQL: the views and the aggregate's rows; tables + suppression:
\`buildIndicatorTables\`; rest: names, the audit row, refresh time; for the CSV also writing it).

${table}

Target (issue: statistics): p95 ≤ 300 ms for one organisation and for the county at 200 000 plans.`,
  );
  expect(Object.values(results).every((p95) => Number.isFinite(p95))).toBe(true);
});
