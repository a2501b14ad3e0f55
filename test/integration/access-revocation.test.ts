import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type SectionName, documentName } from '@sip/shared';
import { CONSENT_EXPIRY_JOB } from '../../server/src/consent/consent-expiry.job';
import { JobsService } from '../../server/src/jobs/jobs.service';
import { type ApiSession, ok } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import { type DirectoryIds, directoryIds, inDays, staffId } from '../support/plan-fixtures';
import { receivesNothingAfterwards, toldRevoked } from '../support/revocation';
import { useTestApp } from '../support/use-test-app';

/**
 * Every kind of change of rights reaches the open sockets: whoever loses a section is told
 * why, leaves its room and receives nothing written afterwards; whoever keeps it keeps the
 * socket. Nothing here calls a re-check: the writes announce themselves.
 */
const app = useTestApp();
const s: Record<string, ApiSession> = {};
const clients: CollabClient[] = [];
let ids: DirectoryIds;
afterAll(() => clients.forEach((c) => c.close()));

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'lars.holm', 'anders.nilsson', 'birgitta.nilsson', 'omar.haddad', 'maria.johansson', 'admin']) {
    s[u] = await app.as(u);
  }
  ids = await directoryIds(s['eva.lind']!);
});

async function open(user: string, planId: string, section: SectionName) {
  const client = await CollabClient.connect(app.t.baseUrl, s[user]!);
  clients.push(client);
  const provider = await client.open(planId, section);
  expect(provider.access?.read, `${user} opens ${section}`).toBe(true);
  return { client, provider };
}

/** Anders's plan: consent for kommun and region, Jonas taking part, Birgitta allowed. */
const andersPlan = () => plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').withRelative('birgitta');

describe('a change of rights reaches every open socket', () => {
  it('participant removed: that practitioner’s sockets go; the others stay', async () => {
    const { id: planId } = await andersPlan().build();
    const jonas = await open('jonas.ek', planId, 'shared');
    const eva = await open('eva.lind', planId, 'shared');
    const jonasId = ok(await s['eva.lind']!.get(`/api/plans/${planId}`)).participants!.find((p) => p.name === 'Jonas Ek')!.id;
    ok(await s['eva.lind']!.delete(`/api/plans/${planId}/participants/${jonasId}`));
    await toldRevoked(jonas.client, documentName(planId, 'shared'), 'participant_removed');
    await receivesNothingAfterwards(jonas, eva.provider, 'after-removal');
    await waitFor(() => !jonas.client.socket.connected, 'Jonas disconnected: no section left');
    expect(eva.client.socket.connected).toBe(true);
  });

  it('relative removed: her socket goes at once', async () => {
    const { id: planId } = await andersPlan().build();
    const birgitta = await open('birgitta.nilsson', planId, 'shared');
    const eva = await open('eva.lind', planId, 'shared');
    const anders = s['anders.nilsson']!;
    const relative = ok(await anders.get(`/api/plans/${planId}`)).relativeCandidates![0]!;
    ok(await anders.delete(`/api/plans/${planId}/relatives/${relative.allowedParticipantId}`));
    await toldRevoked(birgitta.client, documentName(planId, 'shared'), 'relative_removed');
    await receivesNothingAfterwards(birgitta, eva.provider, 'after-relative-removed');
  });

  it('consent withdrawn: relatives and the other principal lose the shared part; each principal keeps its own actions, read-only', async () => {
    const { id: planId } = await andersPlan().build();
    const jonasShared = await open('jonas.ek', planId, 'shared');
    const jonasActions = await open('jonas.ek', planId, `actions:${ids.region}`);
    const birgitta = await open('birgitta.nilsson', planId, 'shared');
    const andersOwn = await open('anders.nilsson', planId, 'person');
    const anders = s['anders.nilsson']!;
    const consentId = ok(await anders.get(`/api/plans/${planId}`)).consents![0]!.id;
    ok(await anders.post(`/api/plans/${planId}/consents/${consentId}/withdraw`, {}));
    await toldRevoked(jonasShared.client, documentName(planId, 'shared'), 'consent_withdrawn');
    await toldRevoked(birgitta.client, documentName(planId, 'shared'), 'consent_withdrawn');
    // Jonas keeps reading the region's own actions, no longer writing them.
    await waitFor(() => jonasActions.provider.access?.write === false, 'the region’s actions read-only');
    expect(jonasActions.client.socket.connected).toBe(true);
    expect(jonasActions.provider.access).toEqual({ read: true, write: false });
    // The person keeps the whole plan, read-only.
    await waitFor(() => andersOwn.provider.access?.write === false, 'the person’s part read-only');
    expect(andersOwn.client.socket.connected).toBe(true);
  });

  it('consent ended by its date: the scheduled job takes the sockets out as withdrawal would', async () => {
    const { id: planId } = await andersPlan().build();
    const jonas = await open('jonas.ek', planId, 'shared');
    const birgitta = await open('birgitta.nilsson', planId, 'shared');
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    // The consent's last day was yesterday (as a DBA would see the calendar move on).
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [planId]);
    await db.end();
    const jobs = app.t.app.get(JobsService);
    expect(await jobs.finished(CONSENT_EXPIRY_JOB, await jobs.send(CONSENT_EXPIRY_JOB))).toBe('completed');
    await toldRevoked(jonas.client, documentName(planId, 'shared'), 'consent_ended');
    await toldRevoked(birgitta.client, documentName(planId, 'shared'), 'consent_ended');
    // The initiating kommun keeps its own actions: read-only now, the plan stays open.
    await waitFor(() => eva.provider.access?.write === false, 'the kommun’s actions read-only');
    const view = ok(await s['eva.lind']!.get(`/api/plans/${planId}`));
    expect(view.state).not.toBe('avslutad');
    expect(view.permissions.can.record_consent).toBe(true);
    // Run again: nothing is announced twice.
    const again = await jobs.send(CONSENT_EXPIRY_JOB);
    expect(await jobs.finished(CONSENT_EXPIRY_JOB, again)).toBe('completed');
    const check = await sqlClient(app.t.databaseUrl);
    const { rows } = await check.query(`SELECT count(*)::int AS n FROM audit_event WHERE plan_id = $1 AND action = 'plan.consent.end'`, [planId]);
    await check.end();
    expect(rows[0].n).toBe(1);
  });

  it('plan closed: everyone keeps reading, nobody writes any more — told at once', async () => {
    const { id: planId } = await andersPlan().build();
    const eva = await open('eva.lind', planId, 'shared');
    const jonas = await open('jonas.ek', planId, `actions:${ids.region}`);
    expect(eva.provider.access?.write).toBe(true);
    ok(await s['eva.lind']!.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'no_longer_needed', note: 'Klart' }));
    await waitFor(() => eva.provider.access?.write === false && jonas.provider.access?.write === false, 'both read-only');
    expect(eva.client.socket.connected && jonas.client.socket.connected).toBe(true);
  });

  it('child secrecy recorded: the guardian loses the child’s own view and keeps the rest', async () => {
    const omar = s['omar.haddad']!;
    // The consent is given by both guardians with custody.
    const { id: planId } = await plan(app).for('elin').by('omar.haddad').because('Skolfrånvaro').withConsent(['kommun', 'region'], { informationKinds: ['school'] }).build();
    const mariaChild = await open('maria.johansson', planId, 'child');
    const mariaShared = await open('maria.johansson', planId, 'shared');
    const omarChild = await open('omar.haddad', planId, 'child');
    ok(await omar.put(`/api/plans/${planId}/child-view`, { childSecrecy: true, reason: 'Elin har bett om det och förstår vad det innebär.' }));
    await toldRevoked(mariaChild.client, documentName(planId, 'child'), 'child_secrecy_changed');
    await receivesNothingAfterwards(mariaChild, omarChild.provider, 'after-secrecy');
    expect(mariaShared.client.socket.connected).toBe(true);
  });

  it('a guardian unlinked by the administrator loses the child’s plan at once', async () => {
    const { id: planId } = await plan(app).for('elin').by('omar.haddad').because('Skolfrånvaro').withConsent(['kommun', 'region'], { informationKinds: ['school'] }).build();
    const maria = await open('maria.johansson', planId, 'shared');
    const omar = await open('omar.haddad', planId, 'shared');
    const admin = s['admin']!;
    const elin = ok(await admin.get('/api/persons?q=Elin')).items.find((p) => p.name === 'Elin Johansson')!;
    const relation = elin.relations.find((r) => r.username === 'maria.johansson')!;
    ok(await admin.delete(`/api/persons/${elin.id}/relations/${relation.id}`));
    // Maria is Elin's guardian again afterwards, whatever happens here: other tests need her.
    onTestFinished(async () => void ok(await admin.post(`/api/persons/${elin.id}/relations`, { kind: 'guardian', hasCustody: true, accountId: relation.accountId })));
    await toldRevoked(maria.client, documentName(planId, 'shared'), 'account_changed');
    await receivesNothingAfterwards(maria, omar.provider, 'after-unlinking');
  });

  it('account changed: a practitioner who loses the practitioner role is taken out of every open plan', async () => {
    const { id: planId } = await andersPlan().build();
    const jonas = await open('jonas.ek', planId, 'shared');
    const eva = await open('eva.lind', planId, 'shared');
    const admin = s['admin']!;
    const jonasAccount = ok(await admin.get('/api/staff')).find((a) => a.username === 'jonas.ek')!;
    ok(await admin.patch(`/api/staff/${jonasAccount.id}`, { systemRoles: ['manager'] }));
    // Jonas is a practitioner again afterwards, whatever happens here: other tests need him.
    onTestFinished(async () => void ok(await admin.patch(`/api/staff/${jonasAccount.id}`, { systemRoles: ['practitioner'] })));
    await toldRevoked(jonas.client, documentName(planId, 'shared'), 'account_changed');
    await receivesNothingAfterwards(jonas, eva.provider, 'after-account-change');
  });

  it('participant added, relative allowed, call sent: nobody who had access loses the socket', async () => {
    const { id: planId } = await andersPlan().build();
    const eva = await open('eva.lind', planId, 'shared');
    const anders = await open('anders.nilsson', planId, 'person');
    const evaApi = s['eva.lind']!;
    ok(await evaApi.post(`/api/plans/${planId}/participants`, { role: 'samordningsansvarig', accountId: await staffId(evaApi, 'Eva Lind') }));
    ok(await evaApi.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
    ok(await evaApi.post(`/api/plans/${planId}/calls`, { meeting: { startsAt: inDays(3), location: 'Rum 1' }, purpose: 'SIP', recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }] }));
    // The chair/coordinator may now write the person's part too: told at once.
    const evaPerson = await open('eva.lind', planId, 'person');
    expect(evaPerson.provider.access?.write).toBe(true);
    expect(eva.client.socket.connected && anders.client.socket.connected).toBe(true);
    expect([...eva.client.errors, ...anders.client.errors].filter((e) => e.code === 'access_revoked')).toEqual([]);
  });
});

describe('a called unit before it confirms', () => {
  it('reads what the kallelse carries — over REST and over the socket alike — and none of the plan’s content', async () => {
    const { id: planId } = await andersPlan().preparing().called({ unit: 'vuxenpsykiatri', meeting: { startsAt: inDays(3), location: 'Rum 1' }, purpose: 'SIP' }).build();
    const lars = s['lars.holm']!;
    const view = ok(await lars.get(`/api/plans/${planId}`));
    expect(view.permissions.as).toBe('staff_called_unit');
    expect(view.sections).toEqual([]);
    const c = await CollabClient.connect(app.t.baseUrl, lars);
    clients.push(c);
    for (const section of ['person', 'shared', 'others', `actions:${ids.kommun}`, `actions:${ids.region}`] as SectionName[]) {
      const p = await c.open(planId, section);
      expect(p.lastError?.code, section).toBe('forbidden');
    }
    // Comments follow reading.
    expect(ok(await lars.get(`/api/plans/${planId}/comments`)).comments).toEqual([]);
    expect((await lars.post(`/api/plans/${planId}/comments`, { section: 'shared', body: 'Hej' })).status).toBe(404);
    // Once Lars confirms he takes part, and reads the content.
    const callId = view.calls![0]!.id;
    ok(await lars.post(`/api/plans/${planId}/calls/${callId}/acknowledge`));
    const after = await c.open(planId, 'shared');
    expect(after.access?.read).toBe(true);
  });
});
