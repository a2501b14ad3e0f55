import { io, type Socket } from 'socket.io-client';
import type { MeetingLiveState, MeetingSocketError } from '@sip/shared';
import type { ApiSession } from './api-session';
import { waitFor } from './collab-client';
import { PNR, changed, directoryIds, inDays, ok, personId, staffId, today } from './plan-fixtures';

export const QUESTIONS = ['Hur blir boendet tryggt?', 'Vem samordnar behandlingen?'];

/**
 * A new SIP for Anders, called: consent for kommun and region, Jonas Ek taking part,
 * frågeställningar written, Birgitta allowed by Anders, and a kallelse to the region for a
 * meeting tomorrow (a time in the future, as calls must be).
 */
export async function calledPlan(eva: ApiSession, anders: ApiSession, options: { startsAt?: string; durationMinutes?: number } = {}) {
  const ids = await directoryIds(eva);
  const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
  ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
  ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
  ok(await eva.patch(`/api/plans/${planId}/preparation`, { questions: QUESTIONS }));
  const mine = ok(await anders.get(`/api/plans/${planId}`));
  const birgitta = mine.relativeCandidates.find((c: { name: string }) => c.name === 'Birgitta Nilsson');
  ok(await anders.post(`/api/plans/${planId}/relatives`, { accountId: birgitta.accountId }));
  const called = await changed(
    eva,
    eva.post(`/api/plans/${planId}/calls`, {
      meeting: { startsAt: options.startsAt ?? inDays(1), location: 'Rum 1', durationMinutes: options.durationMinutes ?? 90 },
      purpose: 'SIP',
      recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }],
    }),
  );
  const participant = (name: string): string => called.participants!.find((p: { name: string }) => p.name === name)!.id;
  return { planId, meetingId: called.meetings![0]!.id, startsAt: called.meetings![0]!.startsAt, ids, participant };
}

/** A /meeting follower: socket.io-client with a session's cookie, keeping what it was sent. */
export class MeetingClient {
  readonly states: MeetingLiveState[] = [];
  readonly agendaPings: string[] = [];
  readonly errors: MeetingSocketError[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('state', (s: MeetingLiveState) => this.states.push(s));
    socket.on('agenda', (a: { meetingId: string }) => this.agendaPings.push(a.meetingId));
    socket.on('error', (e: MeetingSocketError) => this.errors.push(e));
  }

  static async connect(baseUrl: string, session: ApiSession): Promise<MeetingClient> {
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const socket = io(`${baseUrl}/meeting`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new MeetingClient(socket);
  }

  join(planId: string, meetingId: string): Promise<{ ok: boolean; state?: MeetingLiveState; code?: string }> {
    return new Promise((resolve) => this.socket.emit('join', { planId, meetingId }, resolve));
  }

  /** Resolves once every message sent to this socket before now has arrived (socket.io keeps order). */
  drained(): Promise<void> {
    return new Promise((resolve) => this.socket.emit('leave', { planId: '00000000-0000-4000-8000-000000000000', meetingId: '00000000-0000-4000-8000-000000000000' }, () => resolve()));
  }

  latest(): MeetingLiveState | undefined {
    return this.states.at(-1);
  }

  async waitForState(what: string, condition: (s: MeetingLiveState) => boolean, timeoutMs = 5000): Promise<MeetingLiveState> {
    await waitFor(() => this.states.some(condition), () => `${what} (states: ${JSON.stringify(this.states.map((s) => [s.status, s.currentPart, s.revision]))})`, timeoutMs);
    return this.states.filter(condition).at(-1)!;
  }

  close() {
    this.socket.disconnect();
  }
}
