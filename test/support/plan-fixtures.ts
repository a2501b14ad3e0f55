import { type PlanChange, type PlanDetail, stockholmDate } from '@sip/shared';
import type { Clock } from '../../server/src/jobs/clock';
import { demoPersonnummer } from '../../server/src/seed/demo-data';
import { type ApiResponse, type ApiSession, ok as typedOk } from './api-session';

export const PNR = {
  anders: demoPersonnummer('19850312', '239'),
  elin: demoPersonnummer('20110314', '246'),
  gunnel: demoPersonnummer('19440502', '128'),
  sofia: demoPersonnummer('19920815', '382'),
};

export type DirectoryIds = Awaited<ReturnType<typeof directoryIds>>;

/** Ids of the demo directory, read through the API as a practitioner sees it. */
export async function directoryIds(staff: ApiSession) {
  const orgs = typedOk(await staff.get('/api/organisations'));
  const units = typedOk(await staff.get('/api/units'));
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  return {
    kommun: org('Uppsala kommun'),
    region: org('Region Uppsala'),
    fk: org('Försäkringskassan'),
    vuxenenheten: unit('Socialtjänsten – Vuxenenheten'),
    barnOchUnga: unit('Socialtjänsten – Barn och unga'),
    vuxenpsykiatri: unit('Vuxenpsykiatrimottagningen Uppsala'),
    bup: unit('BUP Uppsala'),
    fkUnit: unit('Lokalt försäkringscenter Uppsala'),
  };
}

export async function personId(staff: ApiSession, personnummer: string): Promise<string> {
  return typedOk(await staff.post('/api/plans/person-lookup', { personnummer })).id;
}

export async function staffId(staff: ApiSession, name: string): Promise<string> {
  const list = typedOk(await staff.get('/api/staff-directory'));
  return list.find((s) => s.name === name)!.id;
}

export const today = () => new Date().toISOString().slice(0, 10);
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A plan write (which answers with its change), then the plan as the writer now sees it. */
export async function changed(session: ApiSession, response: Promise<ApiResponse<PlanChange>>): Promise<PlanDetail> {
  const { planId } = typedOk(await response);
  return typedOk(await session.get(`/api/plans/${planId}`));
}

/**
 * Runs `fn` with the server's clock moved to `at` (a meeting is recorded as held only once
 * its time has come), then puts the clock back.
 */
export async function at<T>(clock: Clock, when: Date, fn: () => Promise<T>): Promise<T> {
  clock.travel(when);
  try {
    return await fn();
  } finally {
    clock.travel(new Date());
  }
}

/** What finalising needs besides the content: the lead principal, a follow-up date and a coordinator. */
export async function completePreparation(eva: ApiSession, planId: string, leadOrganisationId: string) {
  typedOk(await eva.patch(`/api/plans/${planId}/preparation`, { leadOrganisationId, followUpDate: '2027-03-15' }));
  typedOk(await eva.post(`/api/plans/${planId}/participants`, { role: 'samordningsansvarig', accountId: await staffId(eva, 'Eva Lind') }));
}

/**
 * `ok` for the test files that still read bodies untyped (they import it from here): the
 * body as `any`. Files on the typed client import `ok` from api-session.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ok(res: ApiResponse<unknown>): any {
  return typedOk(res);
}

/** Starts a plan and reads it back (untyped, see `ok` above). */
export async function initiatePlan(staff: ApiSession, body: Record<string, unknown>) {
  const { planId } = ok(await staff.post('/api/plans', body as never));
  return ok(await staff.get(`/api/plans/${planId}`));
}

/**
 * Anders's plan with the kommun (Eva, chair) and the region (Jonas, called) taking part,
 * brought through consent, preparation and a call to a held meeting — the first version.
 * The meeting is tomorrow; it is recorded as held with the server's clock moved there.
 * (The plan builder does the same with more choices: plan(app)…meetingHeld().)
 */
export async function planWithMeetingHeld(eva: ApiSession, clock: Clock) {
  const ids = await directoryIds(eva);
  const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
  ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
  ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
  const called = await changed(eva, eva.post(`/api/plans/${planId}/calls`, { meeting: { startsAt: inDays(1), location: 'Rum 1' }, purpose: 'SIP', recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }] }));
  const chair = called.participants!.find((p) => p.name === 'Eva Lind')!;
  const meeting = called.meetings![0]!;
  await at(clock, new Date(new Date(meeting.startsAt).getTime() + 3600_000), async () =>
    ok(await eva.post(`/api/plans/${planId}/meetings/${meeting.id}/held`, { heldOn: stockholmDate(meeting.startsAt), chairParticipantId: chair.id, attendance: [], personTookPart: true, relativesTookPart: false })),
  );
  return { planId, ids };
}
