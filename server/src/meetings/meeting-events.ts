import { Injectable, Logger } from '@nestjs/common';

export interface MeetingHeld {
  planId: string;
  meetingId: string;
}

/**
 * In-process news about meetings, published after commit: a meeting recorded as held from
 * the plan page ends its live meeting too, and meeting mode tells its followers.
 */
@Injectable()
export class MeetingEvents {
  private readonly logger = new Logger('MeetingEvents');
  private readonly heldListeners = new Set<(event: MeetingHeld) => void | Promise<void>>();

  onMeetingHeld(listener: (event: MeetingHeld) => void | Promise<void>): () => void {
    this.heldListeners.add(listener);
    return () => this.heldListeners.delete(listener);
  }

  async meetingHeld(event: MeetingHeld): Promise<void> {
    await Promise.all(
      [...this.heldListeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error({ err: { message: (error as Error).message } }, 'A meeting listener failed');
        }
      }),
    );
  }
}
