import { DataSource } from 'typeorm';
import { expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config/config';
import { seedLargeData } from '../../server/src/seed/large-seed';
import { type ApiSession, ok, signedIn } from '../support/api-session';
import { startTestApp } from '../support/test-app';
import { TEST_ENV } from '../support/test-env';
import { machineLine, median, percentile, writeBenchmarkSection } from './bench-report';

const PLANS = Number(process.env.BENCH_PLANS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);

/** The server's own time for one request (X-Response-Time), and the time seen at the client. */
async function sample(session: ApiSession, path: () => string, n: number) {
  const server: number[] = [];
  const client: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await session.get(path());
    client.push(performance.now() - started);
    expect(res.status).toBe(200);
    server.push(Number.parseFloat(res.headers.get('x-response-time') ?? 'NaN'));
  }
  return { server, client };
}

it(`worklist and plan page over ${PLANS} plans`, async () => {
  const t = await startTestApp({ LOG_LEVEL: 'silent' });
  const dataSource = await new DataSource((await import('../../server/src/database/data-source')).dataSourceOptions(t.databaseUrl)).initialize();
  const seedStarted = Date.now();
  await seedLargeData(dataSource, loadConfig(TEST_ENV), PLANS, (m) => process.stdout.write(`  seed: ${m}\n`));
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const [{ plans, units, staff }] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM plan) AS plans, (SELECT count(*)::int FROM unit) AS units,
            (SELECT count(*)::int FROM account WHERE 'practitioner' = ANY(system_roles)) AS staff`,
  );
  await dataSource.destroy();

  const eva = await signedIn(t.baseUrl, 'eva.lind');
  const jonas = await signedIn(t.baseUrl, 'jonas.ek');
  const evaTotal = ok(await eva.get('/api/plans?limit=1&includeClosed=true')).total;
  const ids = ok(await eva.get('/api/plans?limit=200')).items.map((i) => i.id);
  const jonasTotal = ok(await jonas.get('/api/plans?limit=1&includeClosed=true')).total;
  let k = 0;
  const scenarios: [string, ApiSession, () => string][] = [
    ['floor: GET /api/auth/session (session lookup only)', eva, () => '/api/auth/session'],
    [`worklist, first page (eva.lind, ${evaTotal} plans)`, eva, () => '/api/plans?limit=50'],
    ['worklist, page 5', eva, () => '/api/plans?limit=50&offset=200'],
    [`worklist (jonas.ek, region, ${jonasTotal} plans)`, jonas, () => '/api/plans?limit=50'],
    ['plan page, GET /api/plans/:id', eva, () => `/api/plans/${ids[k++ % ids.length]}`],
  ];
  for (const [, session, path] of scenarios) await sample(session, path, 20); // warm-up
  const rows: string[] = [];
  let floor = 0;
  const results: Record<string, number> = {};
  for (const [name, session, path] of scenarios) {
    const { server, client } = await sample(session, path, SAMPLES);
    const m = median(server);
    if (!floor) floor = m;
    results[name] = percentile(server, 95);
    rows.push(`| ${name} | ${m.toFixed(2)} | ${percentile(server, 95).toFixed(2)} | ${median(client).toFixed(2)} | ${(m / floor).toFixed(1)}× |`);
  }
  await t.close();

  const table = ['| request | server median (ms) | server p95 (ms) | client median (ms) | median vs floor |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
  process.stdout.write(`\n${table}\n`);
  writeBenchmarkSection(
    'plans',
    `## Worklist and plan page at scale

Reproduce: \`npm run bench\` (or \`BENCH_PLANS=100000 BENCH_SAMPLES=300 npm run bench\`).
Measured ${machineLine()}.

Data: the demo directory plus \`seed:large\`'s generator — ${plans} plans over ${units} units and ${staff}
practitioners, every state, consents, calls and meetings (seeded in ${seedSeconds.toFixed(0)} s).
${SAMPLES} sequential requests per row after 20 warm-up requests, one signed-in client on loopback.
Server time is the server's own \`X-Response-Time\` (Express \`response-time\`): from the request
entering Express to the response headers, including session lookup, the access policy, the SQL
and writing the audit row. The floor is the cheapest authenticated request, measured in the same run.

${table}

Target (issue: plans): p95 under 50 ms for the worklist and the plan page at 100 000 plans.`,
  );
  expect(Object.values(results).every((p95) => Number.isFinite(p95))).toBe(true);
});
