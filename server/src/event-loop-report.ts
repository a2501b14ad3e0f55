import { createHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * Diagnostics for the co-editing benchmark: with SIP_EVENT_LOOP_REPORT_MS set, the server
 * writes its event-loop delay (p50, p99, max in ms, over each interval) to stderr, so that a
 * tail in edit latency can be told apart from a stalled loop. Off unless asked for; it carries
 * no data about anyone.
 */
export function startEventLoopReport(intervalMs: number): void {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) return;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  timingStages = true;
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  setInterval(() => {
    process.stderr.write(`[event-loop] p50=${ms(histogram.percentile(50))} p99=${ms(histogram.percentile(99))} max=${ms(histogram.max)}\n`);
    histogram.reset();
    reportStages();
  }, intervalMs).unref();
}

/**
 * Stage timings for the same diagnostics (off unless the report runs): how long an update
 * takes inside the server, from the moment its message is handled to the broadcast and to
 * the author's `saved`. Keyed by socket: a socket's updates rarely overlap at a typist's pace,
 * and an overlap only blurs one sample.
 */
const stages = new Map<string, ReturnType<typeof createHistogram>>();
const started = new Map<string, number>();
let timingStages = false;

export function stageStart(socketId: string): void {
  if (timingStages) started.set(socketId, performance.now());
}

export function stageReached(socketId: string, stage: string): void {
  if (!timingStages) return;
  const at = started.get(socketId);
  if (at !== undefined) stageRecord(stage, performance.now() - at);
}

/** A duration measured elsewhere (ms). */
export function stageRecord(stage: string, ms: number): void {
  if (!timingStages) return;
  let h = stages.get(stage);
  if (!h) stages.set(stage, (h = createHistogram()));
  h.record(Math.max(1, Math.round(ms * 1000)));
}

export const stageClock = (): number => (timingStages ? performance.now() : 0);

function reportStages(): void {
  const us = (n: number) => (n / 1000).toFixed(2);
  for (const [stage, h] of stages) {
    process.stderr.write(`[stage] ${stage} n=${h.count} p50=${us(h.percentile(50))} p99=${us(h.percentile(99))} max=${us(h.max)}\n`);
    h.reset();
  }
}
