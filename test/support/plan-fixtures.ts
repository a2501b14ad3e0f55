import type { PlanChange, PlanDetail } from '@sip/shared';
import { demoPersonnummer } from '../../server/src/seed/demo-data';
import { type ApiResponse, type ApiSession, ok } from './api-session';

export const PNR = {
  anders: demoPersonnummer('19850312', '239'),
  elin: demoPersonnummer('20110314', '246'),
  gunnel: demoPersonnummer('19440502', '128'),
  sofia: demoPersonnummer('19920815', '382'),
};

export type DirectoryIds = Awaited<ReturnType<typeof directoryIds>>;

/** Ids of the demo directory, read through the API as a practitioner sees it. */
export async function directoryIds(staff: ApiSession) {
  const orgs = ok(await staff.get('/api/organisations'));
  const units = ok(await staff.get('/api/units'));
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
  return ok(await staff.post('/api/plans/person-lookup', { personnummer })).id;
}

export async function staffId(staff: ApiSession, name: string): Promise<string> {
  const list = ok(await staff.get('/api/staff-directory'));
  return list.find((s) => s.name === name)!.id;
}

export const today = () => new Date().toISOString().slice(0, 10);
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A plan write (which answers with its change), then the plan as the writer now sees it. */
export async function changed(session: ApiSession, response: Promise<ApiResponse<PlanChange>>): Promise<PlanDetail> {
  const { planId } = ok(await response);
  return ok(await session.get(`/api/plans/${planId}`));
}

/** What finalising needs besides the content: the lead principal, a follow-up date and a coordinator. */
export async function completePreparation(eva: ApiSession, planId: string, leadOrganisationId: string) {
  ok(await eva.patch(`/api/plans/${planId}/preparation`, { leadOrganisationId, followUpDate: '2027-03-15' }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'samordningsansvarig', accountId: await staffId(eva, 'Eva Lind') }));
}
