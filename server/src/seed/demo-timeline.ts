import { addStockholmDays, stockholmDate, stockholmDateTime } from '@sip/shared';

/**
 * Days and times of the demo history, relative to the moment of seeding and read on a
 * Stockholm wall clock: "40 days ago at 09:10" is the same whatever the time zone of the
 * machine. Past events fall on days before today (the discharge SIP's on hours before now),
 * so none comes after the moment of seeding, whatever its hour; the Timeline refuses one that
 * would.
 */
export class DemoClock {
  constructor(readonly now: Date) {}

  /** The Stockholm date `days` from today (negative: in the past). */
  date(days: number): string {
    return stockholmDate(addStockholmDays(this.now, days));
  }

  /** `time` (HH:MM) on the Stockholm date `days` from today. */
  at(days: number, time: string): Date {
    return stockholmDateTime(this.date(days), time);
  }

  /**
   * Working days (Monday to Friday) from the first one on or after `days`: `w(0)` is that
   * day, `w(1)` the next working day, and so on, as day offsets for `at`. Staff events and
   * meetings are placed on them, so nobody works on a Sunday and a story's order holds
   * whatever the weekday of seeding.
   */
  workdays(days: number): (n: number) => number {
    const list: number[] = [];
    return (n: number) => {
      for (let d = list.length ? list[list.length - 1]! + 1 : days; list.length <= n; d++) if (!this.isWeekend(d)) list.push(d);
      return list[n]!;
    };
  }

  private isWeekend(days: number): boolean {
    const weekday = new Date(`${this.date(days)}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
    return weekday === 0 || weekday === 6;
  }

  /** The next moment within office hours (08:30–16:30, Stockholm) at or after `instant`. */
  officeHoursFrom(instant: Date): Date {
    const date = stockholmDate(instant);
    if (instant < stockholmDateTime(date, '08:30')) return stockholmDateTime(date, '08:30');
    if (instant < stockholmDateTime(date, '16:30')) return instant;
    return stockholmDateTime(stockholmDate(addStockholmDays(instant, 1)), '08:30');
  }
}

/**
 * Runs several plans' stories as one history, event by event in time order. Each story is
 * ordinary straight-line code; every event first waits for its turn (`turn(at)`), which comes
 * once every other story is waiting too and no earlier event is left. So the audit chain,
 * the transitions and the document log read in the order things happened, across plans, as
 * they would have been written by the product.
 */
export class Timeline {
  private readonly waiting: { at: number; order: number; resume: () => void }[] = [];
  private running = 0;
  private arrivals = 0;
  private current = Number.NEGATIVE_INFINITY;
  private failed = false;

  constructor(private readonly now: Date) {}

  async run(stories: (() => Promise<void>)[]): Promise<void> {
    this.running = stories.length;
    let fail!: (error: unknown) => void;
    const failure = new Promise<never>((_, reject) => (fail = reject));
    const all = Promise.all(
      stories.map(async (story) => {
        try {
          await story();
        } catch (error) {
          // Nothing else runs: the caller's transaction is rolled back.
          this.failed = true;
          fail(error);
        } finally {
          this.running--;
          this.next();
        }
      }),
    );
    await Promise.race([all, failure]);
  }

  /** Waits until it is this event's turn; an event before one already written is a bug in a story. */
  turn(at: Date): Promise<void> {
    const time = at.getTime();
    if (Number.isNaN(time)) return Promise.reject(new Error('A demo event without a time'));
    if (time > this.now.getTime()) return Promise.reject(new Error(`A demo event in the future: ${at.toISOString()}`));
    return new Promise((resume, reject) => {
      this.waiting.push({
        at: time,
        order: this.arrivals++,
        resume: () => (time < this.current ? reject(new Error(`A demo event at ${at.toISOString()} comes before one already written`)) : resume()),
      });
      this.running--;
      this.next();
    });
  }

  private next() {
    if (this.failed || this.running > 0 || !this.waiting.length) return;
    this.waiting.sort((a, b) => a.at - b.at || a.order - b.order);
    const event = this.waiting.shift()!;
    this.running++;
    event.resume();
    this.current = Math.max(this.current, event.at);
  }
}
