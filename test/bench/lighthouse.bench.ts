import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Config, type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CSRF_COOKIE, SESSION_COOKIE } from '@sip/shared';
import { insertParagraphs, richTextField } from '@sip/shared/yjs';
import { type ApiSession, signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { writeStatutoryContent } from '../support/plan-content';
import { planWithMeetingHeld } from '../support/plan-fixtures';
import { startTestApp } from '../support/test-app';
import { Clock } from '../../server/src/jobs/clock';
import { machineLine, median, writeBenchmarkSection } from './bench-report';

/**
 * Lighthouse (performance only) on four pages of the built app, served by the real server
 * over its own database, in Debian's Chromium: the mobile preset (simulated slow 4G, 4×
 * CPU slowdown, a Moto G Power's screen) and, as the peer in the same run, the desktop
 * preset. Each page and preset runs BENCH_LIGHTHOUSE_RUNS times (3); the table gives
 * medians.
 */

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DIST = join(__dirname, '../../client/dist');
// As test/support/browser.ts: keep Chromium off Google's services, which this network refuses.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

interface Page {
  name: string;
  path: string;
  session: ApiSession | null;
}

interface Run {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** Bytes over the wire, all requests. */
  bytes: number;
  /** Bytes of JavaScript over the wire. */
  jsBytes: number;
  /** Which of the page's requests fetched a chunk holding the editor. */
  editorFetched: boolean;
  /** Lighthouse's version and the browser's user agent, for the report. */
  versions: string;
}

/** The built chunks that hold the rich-text editor (ProseMirror names itself in its code). */
function editorChunks(): string[] {
  const dir = join(DIST, 'assets');
  return readdirSync(dir).filter((f) => f.endsWith('.js') && /prosemirror/i.test(readFileSync(join(dir, f), 'utf8')));
}

async function planWithContent(baseUrl: string, clock: Clock, clients: CollabClient[]) {
  const eva = await signedIn(baseUrl, 'eva.lind');
  const jonas = await signedIn(baseUrl, 'jonas.ek');
  const { planId, ids } = await planWithMeetingHeld(eva, clock);
  const open = async (session: ApiSession, section: Parameters<CollabClient['open']>[1]) => {
    const c = await CollabClient.connect(baseUrl, session);
    clients.push(c);
    return c.open(planId, section);
  };
  const { shared } = await writeStatutoryContent(open, eva, jonas, ids);
  insertParagraphs(richTextField(shared.doc, 'currentSituation'), 'Anders bor hos sin mamma.\nHan vill ha en egen lägenhet.');
  await waitFor(() => shared.status === 'saved', 'saved', 10_000);
  return planId;
}

/** Puts a signed-in session's cookies into the browser's default context, where Lighthouse's tab opens. */
async function useSession(port: number, baseUrl: string, session: ApiSession | null) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0]!;
    await context.clearCookies();
    if (session) {
      await context.addCookies([
        { name: SESSION_COOKIE, value: session.cookies.get(SESSION_COOKIE)!, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
        { name: CSRF_COOKIE, value: session.cookies.get(CSRF_COOKIE)!, url: baseUrl, httpOnly: false, sameSite: 'Strict' },
      ]);
    }
  } finally {
    await browser.close(); // disconnects; the default context and its cookies stay
  }
}

/** Attempts per measurement: Lighthouse now and then fails to record a trace (NO_NAVSTART) and says to run again. */
const ATTEMPTS = 3;

async function measure(port: number, url: string, config: Config | undefined, editor: string[]): Promise<Run> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
  let lhr;
  for (let attempt = 1; ; attempt++) {
    lhr = (await lighthouse(url, flags, config))!.lhr;
    if (!lhr.runtimeError) break;
    const error = `Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`;
    if (attempt === ATTEMPTS) throw new Error(error);
    process.stdout.write(`  ${error}; running again\n`);
  }
  const audit = (id: string) => lhr.audits[id]!.numericValue!;
  if (process.env.BENCH_LIGHTHOUSE_DETAILS === '1') printDetails(url, lhr);
  const requests = (lhr.audits['network-requests']!.details as { items: { url: string; transferSize?: number; resourceType?: string }[] }).items;
  return {
    score: Math.round(lhr.categories.performance!.score! * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    bytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    jsBytes: requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    editorFetched: requests.some((r) => editor.some((chunk) => r.url.endsWith(`/assets/${chunk}`))),
    versions: `Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? lhr.environment.hostUserAgent}`,
  };
}

/** BENCH_LIGHTHOUSE_DETAILS=1: where the main thread's time went, for finding what to make cheaper. */
function printDetails(url: string, lhr: { audits: Record<string, { details?: unknown }> }) {
  type Items = { items: Record<string, unknown>[] };
  const items = (id: string) => ((lhr.audits[id]?.details as Items | undefined)?.items ?? []);
  const round = (v: unknown) => (typeof v === 'number' ? Math.round(v) : v);
  process.stdout.write(`\n  ${url}\n`);
  for (const i of items('mainthread-work-breakdown')) process.stdout.write(`    work ${String(i.groupLabel)}: ${round(i.duration)} ms\n`);
  for (const i of items('bootup-time')) process.stdout.write(`    script ${String(i.url).replace(/^https?:\/\/[^/]+/, '')}: total ${round(i.total)} ms, evaluation ${round(i.scripting)} ms, parse ${round(i.scriptParseCompile)} ms\n`);
  for (const i of items('long-tasks')) process.stdout.write(`    long task ${String(i.url).replace(/^https?:\/\/[^/]+/, '')} at ${round(i.startTime)} ms: ${round(i.duration)} ms\n`);
  // The largest contentful paint's element, and the requests in the order they ran (the waterfall it waited on).
  const lcpAudit = Object.keys(lhr.audits).find((k) => /largest-contentful-paint-element|lcp-breakdown/.test(k) && lhr.audits[k]!.details);
  const lcp = lcpAudit ? JSON.stringify(lhr.audits[lcpAudit]!.details) : `none of ${Object.keys(lhr.audits).filter((k) => /lcp|largest/.test(k)).join(', ')}`;
  process.stdout.write(`    LCP element and phases: ${lcp.slice(0, 900)}\n`);
  for (const i of items('network-requests')) {
    process.stdout.write(`    request ${String(i.url).replace(/^https?:\/\/[^/]+/, '')}: ${round(i.networkRequestTime)}–${round(i.networkEndTime)} ms, ${round(i.transferSize)} B\n`);
  }
}

const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
const kib = (v: number) => `${Math.round(v / 1024)} KiB`;

function row(page: string, preset: string, runs: Run[]) {
  const m = (key: keyof Omit<Run, 'editorFetched' | 'versions'>) => median(runs.map((r) => r[key]));
  const editor = runs.every((r) => r.editorFetched) ? 'yes' : runs.some((r) => r.editorFetched) ? 'some runs' : 'no';
  return `| ${page} | ${preset} | **${m('score')}** | ${ms(m('fcp'))} | ${ms(m('lcp'))} | ${Math.round(m('tbt'))} ms | ${m('cls').toFixed(3)} | ${ms(m('si'))} | ${kib(m('jsBytes'))} / ${kib(m('bytes'))} | ${editor} | ${runs.map((r) => r.score).join(', ')} |`;
}

it(`Lighthouse, mobile and desktop presets, ${RUNS} runs per page`, async () => {
  if (!existsSync(CHROME)) throw new Error(`No Chromium at ${CHROME}: install Debian's chromium or set CHROME_PATH.`);
  const loadBefore = loadavg();
  const t = await startTestApp({ LOG_LEVEL: 'silent' });
  const clients: CollabClient[] = [];
  const planId = await planWithContent(t.baseUrl, t.app.get(Clock), clients);
  clients.forEach((c) => c.close());
  const eva = await signedIn(t.baseUrl, 'eva.lind');
  const anders = await signedIn(t.baseUrl, 'anders.nilsson');
  const pages: Page[] = [
    { name: 'sign-in', path: '/sign-in', session: null },
    { name: 'worklist (eva.lind)', path: '/', session: eva },
    { name: 'staff plan page (eva.lind)', path: `/plans/${planId}`, session: eva },
    { name: "the person's own plan (anders.nilsson)", path: `/plans/${planId}`, session: anders },
  ];
  // BENCH_LIGHTHOUSE_PAGES=plan: only the pages whose name contains it (while looking into one).
  const only = process.env.BENCH_LIGHTHOUSE_PAGES;
  if (only) pages.splice(0, pages.length, ...pages.filter((p) => p.name.includes(only)));
  const presets: [string, Config | undefined][] = [
    ['mobile', undefined], // Lighthouse's default: the mobile preset
    ['desktop', desktopConfig],
  ];
  const editor = editorChunks();

  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
  const results = new Map<string, Run[]>();
  const started = Date.now();
  try {
    // Runs interleaved (page by page, preset by preset, then again), so that a busy moment
    // of the machine falls on several rows rather than all runs of one.
    for (let run = 0; run < RUNS; run++) {
      for (const page of pages) {
        await useSession(chrome.port, t.baseUrl, page.session);
        for (const [preset, config] of presets) {
          const key = `${page.name}|${preset}`;
          const r = await measure(chrome.port, `${t.baseUrl}${page.path}`, config, editor);
          process.stdout.write(`  ${key} run ${run + 1}: score ${r.score}, FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, editor ${r.editorFetched}\n`);
          results.set(key, [...(results.get(key) ?? []), r]);
        }
      }
    }
  } finally {
    await chrome.kill();
    await t.close();
  }
  const loadAfter = loadavg();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);

  const rows = pages.flatMap((page) => presets.map(([preset]) => row(page.name, preset, results.get(`${page.name}|${preset}`)!)));
  const table = [
    '| page | preset | performance | FCP | LCP | TBT | CLS | Speed Index | JS / all bytes sent | editor fetched | scores of the runs |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  writeBenchmarkSection(
    'lighthouse',
    `## Page load (Lighthouse)

Reproduce: \`npm run bench\` (only this part: \`npx vitest run --config test/bench/vitest.bench.config.mts test/bench/lighthouse.bench.ts\`;
\`BENCH_LIGHTHOUSE_RUNS=3\`, \`CHROME_PATH=/usr/bin/chromium\`).
Measured ${machineLine()}; ${results.values().next().value![0]!.versions} (${CHROME}).
Load average (1 / 5 / 15 min) before: ${load(loadBefore)}, after: ${load(loadAfter)}; ${RUNS} runs per row took ${minutes} min in all.

The built client (\`client/dist\`) served by the real server over its own database; a plan with a
held meeting and written content (needs, goals, both principals' actions, others' measures, a
paragraph). Signed in by the session cookie. **Mobile** is Lighthouse's default preset:
simulated slow 4G (150 ms round trip, 1.6 Mbit/s), 4× CPU slowdown, a Moto G Power's screen;
**desktop** (the peer, same run) is its desktop preset. Each figure is the median of ${RUNS} runs
(cold cache each run); the last column lists every run's score. "Editor fetched": whether the
page requested the chunk holding Tiptap/ProseMirror (the staff plan page shows editors, so it must; the person's
plan only once they press "Skriv i den här delen", which Lighthouse does not).

${table}

Targets (issue: page load): mobile performance ≥ 90 and FCP ≤ 2 s on sign-in and on the person's plan;
CLS < 0.1 on every page; nothing of the editor before an editor is shown.`,
  );
  expect(rows.length).toBe(pages.length * presets.length);
});
