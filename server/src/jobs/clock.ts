import { Injectable } from '@nestjs/common';
import { stockholmDate } from '@sip/shared';

/**
 * The one clock the domain reads: reminders, deadlines, consents running out. Tests move it
 * (`travel`) instead of sleeping; everything else reads `now()` and `today()`.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's date in Stockholm (YYYY-MM-DD). */
  today(): string {
    return stockholmDate(this.now());
  }

  /** Moves this clock to the given instant (tests only: time then runs on from there). */
  travel(to: Date) {
    this.offsetMs = to.getTime() - Date.now();
  }
}
