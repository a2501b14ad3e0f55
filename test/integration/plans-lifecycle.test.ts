import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@sip/shared';
import { Clock } from '../../server/src/jobs/clock';
import type { InitiatePlanInput, RecordConsentInput } from '../support/api-routes';
import { type ApiSession, ok, problem } from '../support/api-session';
import { plan } from '../support/plan-builder';
import { PNR, at, changed, directoryIds, inDays, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
let eva: ApiSession; // kommun, Vuxenenheten
let jonas: ApiSession; // region, Vuxenpsykiatri
let lars: ApiSession; // region, Vuxenpsykiatri (not a participant)
let ids: Awaited<ReturnType<typeof directoryIds>>;

beforeAll(async () => {
  [eva, jonas, lars] = await Promise.all(['eva.lind', 'jonas.ek', 'lars.holm'].map((u) => app.as(u)));
  ids = await directoryIds(eva);
});

/** Anders's plan as Eva starts it (initierad). */
const andersPlan = () => plan(app).for('anders').by('eva.lind').because('Behov av insatser från både socialtjänst och psykiatri').build();

const consentBody = (): RecordConsentInput => ({
  givenBy: 'person',
  form: 'written',
  scopeOrganisationIds: [ids.kommun, ids.region],
  informationKinds: ['social_services', 'psychiatry'],
  exclusions: 'Inget om min ekonomi',
  validFrom: today(),
});

describe('the lifecycle through the API', () => {
  it('goes from initiation through consent, preparation, call and a held meeting to closing', async () => {
    const sip = await (await andersPlan()).detail();
    expect(sip).toMatchObject({ state: 'initierad', nextStep: 'record_consent', consentState: 'none', permissions: { as: 'staff_participant' } });
    expect(sip.participants!.map((p) => p.role).sort()).toEqual(['huvudperson', 'initiativtagare']);
    // Before consent the region cannot see the plan at all.
    expect((await jonas.get(`/api/plans/${sip.id}`)).status).toBe(404);

    let p = await changed(eva, eva.post(`/api/plans/${sip.id}/consents`, consentBody()));
    expect(p).toMatchObject({ state: 'samtycke', consentState: 'active' });
    expect(p.consents![0]).toMatchObject({ givenBy: 'person', form: 'written', documentedByName: 'Eva Lind', exclusions: 'Inget om min ekonomi', state: 'active' });

    p = await changed(eva, eva.post(`/api/plans/${sip.id}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
    expect(p.participants!.find((x) => x.name === 'Jonas Ek')).toMatchObject({ organisationName: 'Region Uppsala', unitName: 'Vuxenpsykiatrimottagningen Uppsala' });
    expect((await jonas.get(`/api/plans/${sip.id}`)).status).toBe(200);

    p = await changed(eva, eva.post(`/api/plans/${sip.id}/transitions`, { action: 'start_preparation' }));
    expect(p.state).toBe('forberedelse');
    p = await changed(eva, eva.patch(`/api/plans/${sip.id}/preparation`, {
      questions: ['Hur kan boendet ordnas?', 'Vem ansvarar för medicineringen?'],
      leadOrganisationId: ids.kommun,
    }));
    expect(p.leadOrganisation?.name).toBe('Uppsala kommun');

    p = await changed(eva, eva.post(`/api/plans/${sip.id}/calls`, {
      meeting: { startsAt: inDays(7), durationMinutes: 90, location: 'Stadshuset, rum 4' },
      purpose: 'Samordna insatser kring boende och behandling',
      recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }],
    }));
    expect(p.state).toBe('kallad');
    const call = p.calls![0]!;
    expect(call).toMatchObject({ kind: 'kallelse', recipientName: 'Region Uppsala – Vuxenpsykiatrimottagningen Uppsala', questions: ['Hur kan boendet ordnas?', 'Vem ansvarar för medicineringen?'], acknowledgedAt: null });

    // Another practitioner of the called unit reaches the plan through the call and confirms it.
    const seenByLars = ok(await lars.get(`/api/plans/${sip.id}`));
    expect(seenByLars.permissions.as).toBe('staff_called_unit');
    expect(seenByLars.consents).toBeUndefined();
    const acked = await changed(lars, lars.post(`/api/plans/${sip.id}/calls/${call.id}/acknowledge`));
    expect(acked.calls![0]).toMatchObject({ acknowledgedByName: 'Lars Holm' });
    expect(ok(await lars.get(`/api/plans/${sip.id}`)).permissions.as).toBe('staff_participant');

    const meeting = p.meetings![0]!;
    const chair = p.participants!.find((x) => x.name === 'Eva Lind')!;
    const person = p.participants!.find((x) => x.role === 'huvudperson')!;
    const held = {
      heldOn: stockholmDate(meeting.startsAt),
      chairParticipantId: chair.id,
      attendance: [{ participantId: person.id, mode: 'in_person' as const }, { participantId: chair.id, mode: 'in_person' as const }],
      personTookPart: true,
      relativesTookPart: false,
    };
    // Not before the meeting has taken place.
    const early = await eva.post(`/api/plans/${sip.id}/meetings/${meeting.id}/held`, held);
    expect(early.status).toBe(400);
    expect(problem(early).errors![0]).toMatchObject({ path: 'body.heldOn', code: 'not_when_held' });
    p = await at(app.t.app.get(Clock), new Date(new Date(meeting.startsAt).getTime() + 3600_000), () => changed(eva, eva.post(`/api/plans/${sip.id}/meetings/${meeting.id}/held`, held)));
    expect(p.state).toBe('mote_hallet');
    expect(p.meetings![0]).toMatchObject({ status: 'held', personTookPart: true, chairParticipantId: chair.id });

    p = await changed(eva, eva.post(`/api/plans/${sip.id}/transitions`, { action: 'close', closingReason: 'goals_reached' }));
    expect(p).toMatchObject({ state: 'avslutad', closing: { reason: 'goals_reached' } });
    expect(p.history!.map((h) => `${h.toState}:${h.actorName}`)).toEqual([
      'initierad:Eva Lind', 'samtycke:Eva Lind', 'forberedelse:Eva Lind', 'kallad:Eva Lind', 'mote_hallet:Eva Lind', 'avslutad:Eva Lind',
    ]);
    // A closed plan is read-only.
    expect(Object.values(p.permissions.can).some(Boolean)).toBe(false);
    const refused = await eva.patch(`/api/plans/${sip.id}/preparation`, { questions: [] });
    expect(refused.status).toBe(403);
  });

  it('refuses transitions whose guard fails, saying why', async () => {
    const sip = await andersPlan();
    const call = await eva.post(`/api/plans/${sip.id}/calls`, {
      meeting: { startsAt: inDays(3), location: 'Rum 1' },
      purpose: 'x',
      recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }],
    });
    expect(call.status).toBe(409);
    expect(call.contentType).toContain('application/problem+json');
    expect(problem(call).code).toBe('transition_refused');
    expect(problem(call).reasons).toContain('consent_missing');
    expect(problem(call).detail).toMatch(/^Kallelsen kan inte skickas: .*samtycke saknas/);
    const en = await eva.request('POST', `/api/plans/${sip.id}/transitions`, { action: 'start_preparation' }, { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(409);
    expect(problem(en).detail).toMatch(/^Preparation cannot start: .*consent is missing/);
    const close = await eva.post(`/api/plans/${sip.id}/transitions`, { action: 'close' });
    expect(problem(close).reasons).toEqual(['reason_required']);
    const refuse = await eva.post(`/api/plans/${sip.id}/transitions`, { action: 'refuse_request', note: 'Inget behov' });
    expect(problem(refuse).reasons).toEqual(['not_a_request']);
    // Nothing changed.
    expect(ok(await eva.get(`/api/plans/${sip.id}`)).state).toBe('initierad');
  });

  it('is closed only by those who answer for the whole plan, with a reason (and words when it is “other”)', async () => {
    const plan = await andersPlan();
    ok(await eva.post(`/api/plans/${plan.id}/consents`, consentBody()));
    ok(await eva.post(`/api/plans/${plan.id}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
    // Jonas takes part for the region's own actions: he does not close the plan.
    expect(ok(await jonas.get(`/api/plans/${plan.id}`)).permissions.can.close_plan).toBe(false);
    expect((await jonas.post(`/api/plans/${plan.id}/transitions`, { action: 'close', closingReason: 'goals_reached' })).status).toBe(403);
    // Made huvudansvarig, his principal may.
    ok(await eva.patch(`/api/plans/${plan.id}/preparation`, { leadOrganisationId: ids.region }));
    expect(ok(await jonas.get(`/api/plans/${plan.id}`)).permissions.can.close_plan).toBe(true);
    const vague = await eva.post(`/api/plans/${plan.id}/transitions`, { action: 'close', closingReason: 'other' });
    expect(vague.status).toBe(409);
    expect(problem(vague).reasons).toEqual(['note_required']);
    ok(await jonas.post(`/api/plans/${plan.id}/transitions`, { action: 'close', closingReason: 'other', note: 'Flyttar' }));
  });

  it('lets a requested SIP be refused only with a recorded reason', async () => {
    const sip = await plan(app).for('sofia').by('eva.lind').requestedBy('relative').because('Anhörig ber om SIP').build();
    expect(problem(await eva.post(`/api/plans/${sip.id}/transitions`, { action: 'refuse_request' })).reasons).toEqual(['reason_required']);
    const refused = await changed(eva, eva.post(`/api/plans/${sip.id}/transitions`, { action: 'refuse_request', note: 'Behoven gäller enbart socialtjänsten' }));
    expect(refused).toMatchObject({ state: 'avslutad', closing: { reason: 'request_refused', note: 'Behoven gäller enbart socialtjänsten' } });
  });

  it('refuses the wrong role: managers and citizens cannot start a SIP, a closed plan takes no calls', async () => {
    const karin = await app.as('karin.berg');
    const body: InitiatePlanInput = { personId: '00000000-0000-4000-8000-000000000000', trigger: 'ordinary', reason: 'x', initiatingUnitId: ids.vuxenenheten };
    expect((await karin.post('/api/plans', body)).status).toBe(403);
    expect((await (await app.as('anders.nilsson')).post('/api/plans', body)).status).toBe(403);
    const notMine = await eva.post('/api/plans', { ...body, personId: await personId(eva, PNR.anders), initiatingUnitId: ids.bup });
    expect(notMine.status).toBe(400);
    expect(problem(notMine).errors?.[0]?.code).toBe('not_your_unit');
  });

  it('validates consent: the initiating organisation must be covered', async () => {
    const sip = await andersPlan();
    const res = await eva.post(`/api/plans/${sip.id}/consents`, { ...consentBody(), scopeOrganisationIds: [ids.region] });
    expect(res.status).toBe(400);
    expect(problem(res).errors?.[0]).toMatchObject({ path: 'body.scopeOrganisationIds', code: 'initiator_missing' });
  });

  it('downloads each call as an .ics file that an independent parser reads', async () => {
    const startsAt = '2031-05-12T08:30:00.000Z';
    const built = await plan(app)
      .for('anders')
      .withConsent(['kommun', 'region'], consentBody())
      .preparing()
      .withPreparation({ questions: ['Vem gör vad?'] })
      .withLongTermGoal('Egen bostad')
      .called({
        unit: 'vuxenpsykiatri',
        meeting: { startsAt, durationMinutes: 60, location: 'Vuxenenheten, Kungsgatan 1', videoLink: 'https://video.example.se/sip-123' },
        purpose: 'Första SIP-mötet',
      })
      .build();
    const p = await built.detail();
    const res = await eva.raw('GET', `/api/plans/${built.id}/calls/${p.calls![0]!.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(res.body as string)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('SIP-möte (kallelse)');
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe('2031-05-12T09:30:00.000Z');
    expect(event.location).toBe('Vuxenenheten, Kungsgatan 1');
    expect(event.description).toContain('Syfte: Första SIP-mötet');
    expect(event.description).toContain('- Vem gör vad?');
    expect(event.description).toContain('Långsiktigt mål: Egen bostad');
    expect(res.body).not.toContain('Anders'); // the calendar carries no identity
  });
});
