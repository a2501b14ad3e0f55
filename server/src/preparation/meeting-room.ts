import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import {
  type AccountAccessChanged,
  type MeetingAgendaChanged,
  type MeetingLiveState,
  type MeetingSocketError,
  type PlanAccessChangeReason,
  type PlanAccessChanged,
  meetingRights,
} from '@sip/shared';
import { PlanAccessEvents } from '../access/plan-access-events';
import { PlanAccessService } from '../access/plan-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { SessionsService, hashToken } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../jobs/clock';
import { MeetingEvents } from '../meetings/meeting-events';
import { loadMeetings } from '../plans/plan-detail.repository';
import { loadLiveState } from './live-state';

export interface MeetingSocketData {
  actor: Actor;
  sessionToken: string;
  /** meetingId → planId of each meeting this socket follows. */
  following?: Map<string, string>;
}
export type MeetingSocket = Socket & { data: MeetingSocketData };

const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
const SESSION_CHECK_MS = 15_000;

/**
 * The /meeting namespace's rooms: one per meeting. Every message to a follower is checked
 * against their current right to follow the meeting (one policy query per follower and
 * message — a meeting has a handful of followers and changes a few times a minute), so
 * nobody who lost access receives the next state. Between instances, states and agenda
 * news travel as server-side events through the Redis adapter and each instance delivers
 * to its own sockets by the same rule. A change of rights re-checks every follower of the
 * plan at once, on every instance; a follower who lost access is told why and dropped.
 */
@Injectable()
export class MeetingRoom implements OnModuleDestroy {
  private readonly logger = new Logger('MeetingRoom');
  private namespace: Namespace | null = null;
  private readonly stops: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: PlanAccessService,
    private readonly accessEvents: PlanAccessEvents,
    private readonly meetingEvents: MeetingEvents,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  attach(namespace: Namespace) {
    this.namespace = namespace;
    namespace.on('meeting-state', (m: { meetingId?: unknown; state?: MeetingLiveState }) => {
      if (typeof m?.meetingId === 'string' && m.state) this.inBackground(this.deliverLocal(m.meetingId, 'state', m.state));
    });
    namespace.on('meeting-agenda', (m: { meetingId?: unknown }) => {
      if (typeof m?.meetingId === 'string') this.inBackground(this.deliverLocal(m.meetingId, 'agenda', { meetingId: m.meetingId } satisfies MeetingAgendaChanged));
    });
    namespace.on('access-changed', (e: Partial<PlanAccessChanged>) => {
      if (typeof e?.planId === 'string') this.inBackground(this.recheckPlan(e.planId, e.reason ?? 'plan_changed'));
    });
    namespace.on('account-changed', (e: Partial<AccountAccessChanged>) => {
      if (typeof e?.accountId === 'string') this.inBackground(this.recheckAccount(e.accountId));
    });
    namespace.on('session-ended', (e: { idHash?: unknown; accountId?: unknown }) => this.endSessions(e ?? {}));
    this.stops.push(
      this.accessEvents.onPlanChanged(async (event) => {
        this.toOtherInstances('access-changed', event);
        await this.recheckPlan(event.planId, event.reason);
      }),
      this.accessEvents.onAccountChanged(async (event) => {
        this.toOtherInstances('account-changed', event);
        await this.recheckAccount(event.accountId);
      }),
      this.meetingEvents.onMeetingHeld(({ meetingId }) => this.publish(meetingId, { agenda: true })),
      this.sessions.onEnded((ended) => {
        const message = 'idHash' in ended ? { idHash: ended.idHash.toString('hex') } : { accountId: ended.accountId };
        this.endSessions(message);
        this.toOtherInstances('session-ended', message);
      }),
    );
    this.timer = setInterval(() => this.inBackground(this.checkSessions()), SESSION_CHECK_MS);
    this.timer.unref();
  }

  /** Starts following a meeting: the policy decides, the read is audited, the state is the answer. */
  async join(socket: MeetingSocket, planId: string, meetingId: string): Promise<MeetingLiveState | MeetingSocketError> {
    const already = socket.data.following?.get(meetingId) === planId;
    if (!(await this.mayFollow(socket.data.actor, planId, meetingId))) return { code: 'not_found', meetingId, reason: 'No such meeting' };
    const state = await loadLiveState(this.dataSource.manager, meetingId, this.clock.now());
    if (!state) return { code: 'not_found', meetingId, reason: 'No such meeting' };
    (socket.data.following ??= new Map()).set(meetingId, planId);
    await socket.join(meetingRoom(meetingId));
    // Joining again what the socket already follows reads nothing new: audited once.
    if (!already) {
      await this.audit.append({ actorId: socket.data.actor.accountId, actorRole: auditRole(socket.data.actor), action: 'plan.meeting.live.read', targetType: 'meeting', targetId: meetingId, planId, details: { via: 'socket' } });
    }
    return state;
  }

  leave(socket: MeetingSocket, meetingId: string) {
    socket.data.following?.delete(meetingId);
    void socket.leave(meetingRoom(meetingId));
  }

  /** Tells every follower, on every instance, the meeting's state now (and that the agenda changed). */
  async publish(meetingId: string, options: { agenda?: boolean } = {}) {
    const state = await loadLiveState(this.dataSource.manager, meetingId, this.clock.now());
    if (!state) return;
    this.toOtherInstances('meeting-state', { meetingId, state });
    await this.deliverLocal(meetingId, 'state', state);
    if (options.agenda) await this.agendaChanged(meetingId);
  }

  /** The agenda's words changed: followers read it again, each under the policy. */
  async agendaChanged(meetingId: string) {
    this.toOtherInstances('meeting-agenda', { meetingId });
    await this.deliverLocal(meetingId, 'agenda', { meetingId } satisfies MeetingAgendaChanged);
  }

  private async deliverLocal(meetingId: string, event: 'state' | 'agenda', payload: unknown) {
    await Promise.all(
      this.localSockets(meetingRoom(meetingId)).map(async (socket) => {
        const planId = socket.data.following?.get(meetingId);
        if (!planId) return;
        if (await this.mayFollow(socket.data.actor, planId, meetingId)) socket.emit(event, payload);
        else this.revoke(socket, meetingId, 'plan_changed');
      }),
    );
  }

  private async mayFollow(actor: Actor, planId: string, meetingId: string): Promise<boolean> {
    const access = await this.access.access(actor, planId);
    if (!access?.permissions.reach || !meetingRights(access.permissions, access.facts.consent, access.facts.planState).follow) return false;
    const own = access.permissions.as === 'staff_own_records' ? actor.organisationIds : undefined;
    return (await loadMeetings(this.dataSource.manager, planId, own, meetingId)).length === 1;
  }

  private async recheckPlan(planId: string, cause: PlanAccessChangeReason) {
    await Promise.all(
      this.allLocalSockets().map(async (socket) => {
        for (const [meetingId, followedPlan] of socket.data.following ?? []) {
          if (followedPlan === planId && !(await this.mayFollow(socket.data.actor, planId, meetingId))) this.revoke(socket, meetingId, cause);
        }
      }),
    );
  }

  private async recheckAccount(accountId: string) {
    for (const socket of this.allLocalSockets().filter((s) => s.data.actor.accountId === accountId)) {
      const session = await this.sessions.resolve(socket.data.sessionToken);
      if (session.state !== 'active') {
        this.endSocket(socket);
        continue;
      }
      socket.data.actor = session.actor;
      for (const [meetingId, planId] of socket.data.following ?? []) {
        if (!(await this.mayFollow(session.actor, planId, meetingId))) this.revoke(socket, meetingId, 'account_changed');
      }
    }
  }

  /** Takes the meeting away from the socket: told why, out of the room; disconnected when it follows nothing. */
  private revoke(socket: MeetingSocket, meetingId: string, cause: PlanAccessChangeReason) {
    if (!socket.data.following?.has(meetingId)) return;
    const error: MeetingSocketError = { code: 'access_revoked', meetingId, reason: 'Your access to this meeting has ended', cause };
    socket.emit('error', error);
    this.leave(socket, meetingId);
    if (!socket.data.following.size) socket.disconnect(true);
  }

  private endSessions(ended: { idHash?: unknown; accountId?: unknown }) {
    for (const socket of this.allLocalSockets()) {
      const matches =
        (typeof ended.idHash === 'string' && hashToken(socket.data.sessionToken).toString('hex') === ended.idHash) ||
        (typeof ended.accountId === 'string' && socket.data.actor.accountId === ended.accountId);
      if (matches) this.endSocket(socket);
    }
  }

  private async checkSessions() {
    const sockets = this.allLocalSockets();
    if (!sockets.length) return;
    const active = await this.sessions.stillActive([...new Set(sockets.map((s) => s.data.sessionToken))]);
    for (const socket of sockets) if (!active.has(socket.data.sessionToken)) this.endSocket(socket);
  }

  private endSocket(socket: MeetingSocket) {
    const error: MeetingSocketError = { code: 'session_expired', reason: 'Your session has ended; sign in again' };
    socket.emit('error', error);
    socket.disconnect(true);
  }

  private toOtherInstances(event: string, message: unknown) {
    if (this.config.redisUrl) this.namespace?.serverSideEmit(event, message);
  }

  private localSockets(room: string): MeetingSocket[] {
    const ids = this.namespace?.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids].map((id) => this.namespace!.sockets.get(id) as MeetingSocket | undefined).filter((s): s is MeetingSocket => s !== undefined);
  }

  private allLocalSockets(): MeetingSocket[] {
    return [...(this.namespace?.sockets.values() ?? [])] as MeetingSocket[];
  }

  private inBackground(work: Promise<void>) {
    work.catch((e) => this.logger.error({ err: { message: (e as Error).message } }, 'Meeting room work failed'));
  }

  onModuleDestroy() {
    for (const stop of this.stops) stop();
    if (this.timer) clearInterval(this.timer);
  }
}
