import { Injectable, Logger } from '@nestjs/common';
import type { AccountAccessChanged, PlanAccessChanged } from '@sip/shared';

type Listener<T> = (event: T) => void | Promise<void>;

/**
 * The in-process bus for changes of rights. Writes publish after their transaction has
 * committed (PlanCommands does it for plan writes); the co-editing server subscribes and
 * takes the news to every instance. A listener's failure is logged and never reaches the
 * write that caused the event: its change is stored already.
 */
@Injectable()
export class PlanAccessEvents {
  private readonly logger = new Logger('PlanAccessEvents');
  private readonly planListeners = new Set<Listener<PlanAccessChanged>>();
  private readonly accountListeners = new Set<Listener<AccountAccessChanged>>();

  onPlanChanged(listener: Listener<PlanAccessChanged>): () => void {
    this.planListeners.add(listener);
    return () => this.planListeners.delete(listener);
  }

  onAccountChanged(listener: Listener<AccountAccessChanged>): () => void {
    this.accountListeners.add(listener);
    return () => this.accountListeners.delete(listener);
  }

  /** Resolves once every listener has handled the event (re-checks are awaited). */
  async planChanged(event: PlanAccessChanged): Promise<void> {
    await this.deliver(this.planListeners, event);
  }

  async accountChanged(event: AccountAccessChanged): Promise<void> {
    await this.deliver(this.accountListeners, event);
  }

  private async deliver<T>(listeners: Set<Listener<T>>, event: T) {
    await Promise.all(
      [...listeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error({ err: { message: (error as Error).message } }, 'An access-change listener failed');
        }
      }),
    );
  }
}
