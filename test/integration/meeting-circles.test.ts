import { describe, expect, it } from 'vitest';
import { type CircleAgeBand, type CircleRelation, stockholmDate } from '@sip/shared';
import { DEMO_PASSWORD, demoPersonnummer } from '../../server/src/seed/demo-data';
import { type ApiSession, signedIn } from '../support/api-session';
import { directoryIds, inDays, ok, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

/**
 * The circle each participant gets, through the API, for every role the person's age
 * allows × every age band: people made for the purpose (with their own accounts), each
 * with a called SIP, each participant reading their own preparation page.
 */
const app = useTestApp({ admin: true });

const BANDS: { band: CircleAgeBand; label: string; age: number; serial: string }[] = [
  { band: 'under_13', label: 'under 13', age: 10, serial: '111' },
  { band: '13_17', label: '13–17', age: 15, serial: '112' },
  { band: '18_64', label: '18–64', age: 41, serial: '113' },
  { band: '65_plus', label: '65 or older', age: 70, serial: '114' },
];
const EXPECTED: Record<CircleAgeBand, Partial<Record<CircleRelation, string>>> = {
  under_13: { person: 'foraldrar', guardian: 'foraldrar', relative: 'ovriga', representative: 'ovriga', staff: 'personal', chair: 'ordforande' },
  '13_17': { person: 'ungdomar', guardian: 'foraldrar', relative: 'ovriga', representative: 'ovriga', staff: 'personal', chair: 'ordforande' },
  '18_64': { person: 'vuxna', relative: 'ovriga', representative: 'ovriga', staff: 'personal', chair: 'ordforande' },
  '65_plus': { person: 'aldre', relative: 'narstaende', representative: 'ovriga', staff: 'personal', chair: 'ordforande' },
};

function birthDate(age: number): string {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 30); // well past the birthday
  return stockholmDate(d);
}

async function personWithFamily(admin: ApiSession, band: (typeof BANDS)[number]) {
  const tag = band.band.replace(/_/g, '');
  const child = band.age < 18;
  const created = ok(
    await admin.post('/api/persons', {
      name: `Person ${tag}`,
      personnummer: demoPersonnummer(birthDate(band.age).replace(/-/g, ''), band.serial),
      account: { username: `person.${tag}`, password: DEMO_PASSWORD },
    }),
  );
  const relation = (kind: 'guardian' | 'relative' | 'representative', who: string, hasCustody = false) =>
    admin.post(`/api/persons/${created.id}/relations`, { kind, hasCustody, newAccount: { username: `${who}.${tag}`, password: DEMO_PASSWORD, displayName: `${who} ${tag}` } });
  if (child) ok(await relation('guardian', 'guardian', true));
  ok(await relation('relative', 'relative'));
  ok(await relation('representative', 'representative'));
  return { personId: created.id as string, tag, child };
}

describe('which circle each participant prepares in', () => {
  for (const band of BANDS) {
    it(`the person ${band.label} (age ${band.age}), and everyone around them`, async () => {
      const { personId, tag, child } = await personWithFamily(app.admin, band);
      const eva = await signedIn(app.t.baseUrl, 'eva.lind');
      const ids = await directoryIds(eva);
      const planId: string = ok(await eva.post('/api/plans', { personId, trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
      const guardian = child ? await signedIn(app.t.baseUrl, `guardian.${tag}`) : null;
      const guardianId = guardian ? (ok(await guardian.get('/api/auth/session')).user.id as string) : null;
      ok(
        await eva.post(`/api/plans/${planId}/consents`, {
          givenBy: child ? 'guardians' : 'person',
          ...(child ? { guardianAccountIds: [guardianId!] } : {}),
          form: 'written',
          scopeOrganisationIds: [ids.kommun],
          informationKinds: ['social_services'],
          validFrom: today(),
        }),
      );
      // The relative is let in by the person (or, for a child, the guardian).
      const letter = guardian ?? (await signedIn(app.t.baseUrl, `person.${tag}`));
      const candidates = ok(await letter.get(`/api/plans/${planId}`)).relativeCandidates;
      ok(await letter.post(`/api/plans/${planId}/relatives`, { accountId: candidates.find((c: { kind: string }) => c.kind === 'relative').accountId }));
      ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
      const called = ok(
        await eva.post(`/api/plans/${planId}/calls`, {
          meeting: { startsAt: inDays(2), location: 'Rum 2' },
          purpose: 'SIP',
          recipients: [{ kind: 'kallelse', organisationId: ids.kommun, unitId: ids.vuxenenheten }],
        }),
      );
      const base = `/api/plans/${planId}/meetings/${called.changed.id}`;
      const accounts: Partial<Record<CircleRelation, string>> = {
        person: `person.${tag}`,
        relative: `relative.${tag}`,
        representative: `representative.${tag}`,
        staff: 'eva.lind',
        ...(child ? { guardian: `guardian.${tag}` } : {}),
      };
      const got: Partial<Record<CircleRelation, string>> = {};
      for (const [relation, username] of Object.entries(accounts) as [CircleRelation, string][]) {
        const page = ok(await (await signedIn(app.t.baseUrl, username)).get(`${base}/preparation`));
        expect(page.relation, username).toBe(relation);
        got[relation] = page.version;
      }
      // Eva chairs: ordförande.
      const evaParticipant = ok(await eva.get(`/api/plans/${planId}`)).participants.find((p: { name: string }) => p.name === 'Eva Lind').id;
      ok(await eva.put(`${base}/setup`, { chairParticipantId: evaParticipant }));
      got.chair = ok(await eva.get(`${base}/preparation`)).version;
      expect(got).toEqual(EXPECTED[band.band]);
    });
  }
});
