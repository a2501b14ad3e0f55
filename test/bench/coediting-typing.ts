import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { insertParagraphs, richTextField } from '@sip/shared/yjs';
import { percentile } from './bench-report';
import { cpuSecondsOf, databaseCpuSeconds } from './process-cpu';

/** The text of the situation's first paragraph, where every client types (made if missing). */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const fragment = richTextField(doc, 'currentSituation');
  if (fragment.length === 0) insertParagraphs(fragment, '');
  const paragraph = fragment.get(0) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

export interface Editor {
  doc: () => Y.Doc;
  close: () => void;
}

/** One system under test: its clients, and the processes whose CPU time is its. */
export interface System {
  name: string;
  editors: Editor[];
  serverPid?: number;
  withDatabase?: boolean;
}

export interface Measured {
  latencies: number[];
  /** Each latency's edit number within its client (0 = that client's first measured edit). */
  order: number[];
  edits: number;
  arrivalsPerSecond: number;
  clientLoopMs: { p99: number; max: number };
  /** CPU seconds: the clients' during the system's own rounds; its server's (and database's) while measuring. */
  cpu: { clients: number; server: number; db: number };
}

const cpuSecondsOfSelf = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * The systems take turns, a round of `roundMs` each (SIP, Hocuspocus, relay, SIP, …), so
 * that whatever else the shared machine is doing falls on all of them alike. In its round,
 * every client of the system types `editsPerRound` tokens into its document's text, spread
 * over the round; every other client of that document records when each token arrives.
 * The first `warmupCycles` cycles are typed but not measured (tokens w…, which the observers
 * skip): connections, caches and JIT settle alike for all systems before measuring.
 */
export async function typeInTurns(systems: System[], opts: { cycles: number; warmupCycles: number; roundMs: number; editsPerRound: number }): Promise<Measured[]> {
  (globalThis as { gc?: () => void }).gc?.();
  const state = systems.map((system) => {
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const order: number[] = [];
    system.editors.forEach((e) => {
      richTextField(e.doc(), 'currentSituation').observeDeep((events, tr) => {
        if (tr.local) return;
        const now = performance.now();
        for (const event of events) {
          for (const op of event.delta) {
            // Typed characters, or (rarely) a whole paragraph another client created first.
            const inserted = typeof op.insert === 'string' ? op.insert : Array.isArray(op.insert) ? op.insert.map(String).join(' ') : '';
            for (const m of inserted.matchAll(/c\d+e\d+/g)) {
              const t = sentAt.get(m[0]);
              if (t !== undefined) {
                latencies.push(now - t);
                order.push(Number(m[0].slice(m[0].indexOf('e') + 1)));
              }
            }
          }
        }
      });
    });
    const counters = system.editors.map(() => ({ n: 0, w: 0 }));
    // The benchmark process runs every client: its own stalls show in every system's figures.
    // One monitor per round (a monitor disabled and enabled again would count the other
    // systems' rounds in between as one long delay): each round's p99 and max.
    const clientLoop = { p99: [] as number[], max: 0 };
    const cpu = { clients: 0, server: 0, db: 0 };
    // A server (and the database) idles in the others' rounds: read once before and once
    // after, not at each round's edge, where the /proc scan would delay the last arrivals.
    const processCpu = () => ({ server: system.serverPid ? cpuSecondsOf(system.serverPid) : 0, db: system.withDatabase ? databaseCpuSeconds() : 0 });
    return { system, sentAt, latencies, order, counters, clientLoop, cpu, processCpu, processCpuAtStart: { server: 0, db: 0 } };
  });

  for (let cycle = 0; cycle < opts.warmupCycles + opts.cycles; cycle++) {
    const measured = cycle >= opts.warmupCycles;
    if (cycle === opts.warmupCycles) for (const s of state) s.processCpuAtStart = s.processCpu();
    for (const s of state) {
      const { editors } = s.system;
      const type = (i: number) => {
        const c = s.counters[i]!;
        const token = measured ? `c${i}e${c.n++} ` : `w${i}e${c.w++} `;
        const text = paragraphText(editors[i]!.doc());
        if (measured) s.sentAt.set(token.trim(), performance.now());
        text.insert(text.length, token);
      };
      const before = cpuSecondsOfSelf();
      const roundLoop = monitorEventLoopDelay({ resolution: 1 });
      if (measured) roundLoop.enable();
      const spacing = opts.roundMs / opts.editsPerRound;
      const timers: NodeJS.Timeout[] = [];
      for (let k = 0; k < opts.editsPerRound; k++) {
        // Spread the clients over each part of the round.
        editors.forEach((_, i) => timers.push(setTimeout(() => type(i), k * spacing + (i * spacing) / editors.length)));
      }
      await new Promise((r) => setTimeout(r, opts.roundMs));
      if (measured) {
        roundLoop.disable();
        s.clientLoop.p99.push(roundLoop.percentile(99) / 1e6);
        s.clientLoop.max = Math.max(s.clientLoop.max, roundLoop.max / 1e6);
        s.cpu.clients += cpuSecondsOfSelf() - before;
      }
    }
  }
  // The last edits' arrivals.
  await new Promise((r) => setTimeout(r, 2000));
  for (const s of state) {
    const end = s.processCpu();
    s.cpu.server = end.server - s.processCpuAtStart.server;
    s.cpu.db = end.db - s.processCpuAtStart.db;
  }
  return state.map((s) => ({
    latencies: s.latencies,
    order: s.order,
    edits: s.sentAt.size,
    arrivalsPerSecond: s.latencies.length / ((opts.cycles * opts.roundMs) / 1000),
    // p99: the median of the rounds' p99s.
    clientLoopMs: { p99: s.clientLoop.p99.length ? percentile(s.clientLoop.p99, 50) : 0, max: s.clientLoop.max },
    cpu: s.cpu,
  }));
}

/** The tail by edit order: each round of typing apart. */
export function byOrder(r: Measured, editsPerRound: number): string {
  const rounds = new Map<number, number[]>();
  r.latencies.forEach((l, i) => {
    const s = Math.floor(r.order[i]! / editsPerRound);
    if (!rounds.has(s)) rounds.set(s, []);
    rounds.get(s)!.push(l);
  });
  const perRound = [...rounds].sort((a, b) => a[0] - b[0]).map(([s, l]) => `${s}:${percentile(l, 99).toFixed(1)}`).join(' ');
  return `p99 per measured round ${perRound}; CPU s in its rounds: clients ${r.cpu.clients.toFixed(1)}, server ${r.cpu.server.toFixed(1)}, database ${r.cpu.db.toFixed(1)}`;
}
