import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type AccountAccessChanged,
  type CollabAccessUpdate,
  type CollabError,
  NO_ACCESS,
  type PlanAccessChangeReason,
  type PlanAccessChanged,
  parseDocumentName,
  sectionAccess,
} from '@sip/shared';
import { PlanAccessEvents } from '../access/plan-access-events';
import { SectionAccessService } from '../access/section-access.service';
import { type CollabSocket, joinedDocs, planRoomOf, roomOf } from './collab-socket';
import { FanOut } from './fan-out';
import { PresenceRelay } from './presence-relay';
import { SectionAccessCache } from './section-access-cache';
import { SessionFollower } from './session-follower';

/**
 * Rights change → every open socket of the plan is checked again, on every instance. The
 * writes that change rights publish PlanAccessChanged after commit (PlanCommands); nothing
 * here is called by hand. A socket that may no longer read a section is told why
 * (`access_revoked` with the cause), leaves the section's room — so it receives nothing
 * written afterwards — and is disconnected when no section is left; one whose write access
 * changed is told (`access`), and the editor follows.
 */
@Injectable()
export class Revocation implements OnModuleDestroy {
  private readonly logger = new Logger('Revocation');
  private readonly stops: (() => void)[] = [];
  /** The latest change of rights per plan, to tell a socket found without access why. */
  private readonly lastChange = new Map<string, { cause: PlanAccessChangeReason; at: number }>();

  constructor(
    private readonly events: PlanAccessEvents,
    private readonly sections: SectionAccessService,
    private readonly cache: SectionAccessCache,
    private readonly fanOut: FanOut,
    private readonly presence: PresenceRelay,
    private readonly sessions: SessionFollower,
  ) {}

  attach() {
    this.stops.push(
      this.events.onPlanChanged(async (event) => {
        this.fanOut.toOtherInstances('access-changed', event);
        await this.recheckPlan(event.planId, event.reason);
      }),
      this.events.onAccountChanged(async (event) => {
        this.fanOut.toOtherInstances('account-changed', event);
        await this.recheckAccount(event);
      }),
    );
    this.fanOut.onInstance('access-changed', (e: Partial<PlanAccessChanged>) => {
      if (typeof e?.planId === 'string') this.inBackground(this.recheckPlan(e.planId, e.reason ?? 'plan_changed'));
    });
    this.fanOut.onInstance('account-changed', (e: Partial<AccountAccessChanged>) => {
      if (typeof e?.accountId === 'string') this.inBackground(this.recheckAccount({ accountId: e.accountId, reason: 'account_changed' }));
    });
    this.fanOut.onDenied = (socket, docName) => this.revoke(socket, docName, this.recentCause(docName));
  }

  private inBackground(work: Promise<void>) {
    work.catch((e) => this.logger.error({ err: { message: (e as Error).message } }, 'Re-checking open sockets failed'));
  }

  /** Re-checks this instance's sockets of a plan. */
  async recheckPlan(planId: string, cause: PlanAccessChangeReason) {
    this.lastChange.set(planId, { cause, at: Date.now() });
    if (this.lastChange.size > 10_000) {
      for (const [id, change] of this.lastChange) if (Date.now() - change.at > 60_000) this.lastChange.delete(id);
    }
    const before = this.cache.forgetPlan(planId);
    await Promise.all(this.fanOut.localSockets(planRoomOf(planId)).map((socket) => this.recheckSocket(socket, planId, cause, before.get(socket.id))));
  }

  private async recheckAccount(event: AccountAccessChanged) {
    const sockets = this.fanOut.allLocalSockets().filter((s) => s.data.actor.accountId === event.accountId);
    await Promise.all(
      sockets.map(async (socket) => {
        // The account's units and roles are what changed: read them again first.
        if (!(await this.sessions.refresh(socket))) return;
        this.cache.forgetAccount(event.accountId);
        const plans = new Set(joinedDocs(socket).map((d) => parseDocumentName(d)?.planId).filter((p): p is string => !!p));
        this.cache.forgetSocket(socket.id);
        for (const planId of plans) await this.recheckSocket(socket, planId, event.reason);
      }),
    );
  }

  private async recheckSocket(socket: CollabSocket, planId: string, cause: PlanAccessChangeReason, before?: Map<string, { write: boolean }>) {
    const docs = joinedDocs(socket).filter((d) => parseDocumentName(d)?.planId === planId);
    if (!docs.length) return;
    const generation = this.cache.generationOf(planId);
    const place = await this.sections.placeInPlan(socket.data.actor, planId);
    for (const docName of docs) {
      const { section } = parseDocumentName(docName)!;
      const access = place ? sectionAccess(place.sectionActor, section) : NO_ACCESS;
      if (!access.read) {
        this.revoke(socket, docName, cause);
        continue;
      }
      if (this.cache.generationOf(planId) === generation) this.cache.set(socket, { name: docName, planId, section }, { ...access, reach: true });
      const wrote = before?.get(docName)?.write;
      if (wrote !== undefined && wrote !== access.write) {
        const update: CollabAccessUpdate = { doc: docName, read: true, write: access.write, cause };
        socket.emit('access', update);
      }
    }
  }

  /** Why a socket found without access lost it: the plan's latest change, if recent. */
  recentCause(docName: string): PlanAccessChangeReason {
    const planId = parseDocumentName(docName)?.planId;
    const last = planId ? this.lastChange.get(planId) : undefined;
    if (last && Date.now() - last.at < 60_000) return last.cause;
    if (planId) this.lastChange.delete(planId);
    return 'plan_changed';
  }

  /** Takes the section away from the socket: told why, out of the room, presence gone. */
  revoke(socket: CollabSocket, docName: string, cause: PlanAccessChangeReason) {
    if (!socket.rooms.has(roomOf(docName))) return;
    const error: CollabError = { code: 'access_revoked', doc: docName, reason: 'Your access to this section has ended', cause };
    socket.emit('error', error);
    void socket.leave(roomOf(docName));
    this.presence.drop(socket.id, docName);
    const planId = parseDocumentName(docName)?.planId;
    const left = joinedDocs(socket);
    if (planId && !left.some((d) => parseDocumentName(d)?.planId === planId)) void socket.leave(planRoomOf(planId));
    if (!left.length) socket.disconnect(true);
  }

  onModuleDestroy() {
    for (const stop of this.stops) stop();
  }
}
