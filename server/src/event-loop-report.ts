import { monitorEventLoopDelay } from 'node:perf_hooks';

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
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  setInterval(() => {
    process.stderr.write(`[event-loop] p50=${ms(histogram.percentile(50))} p99=${ms(histogram.percentile(99))} max=${ms(histogram.max)}\n`);
    histogram.reset();
  }, intervalMs).unref();
}
