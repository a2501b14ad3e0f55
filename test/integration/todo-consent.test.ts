import { expect, it } from 'vitest';
import { stockholmDate } from '@sip/shared';
import { ok } from '../support/api-session';
import { plan } from '../support/plan-builder';
import { useTestApp } from '../support/use-test-app';

/**
 * "Att göra" reads consent from the plan's consent summary (migration ConsentSummary): a
 * consent given, renewed and withdrawn through the API shows in the list at once, each
 * consent ending soon as an item due on its last day.
 */
const app = useTestApp();
const inDays = (n: number) => stockholmDate(Date.now() + n * 86_400_000);

interface Item {
  kind: string;
  planId: string;
  dueAt: string | null;
}

const endings = async (planId: string) =>
  (ok(await (await app.as('eva.lind')).get('/api/todo?kind=consent_ending&limit=200')).items as Item[])
    .filter((i) => i.planId === planId)
    .map((i) => stockholmDate(new Date(i.dueAt!).getTime()))
    .sort();

it('lists each consent ending soon on its last day, and none once consent is withdrawn', async () => {
  const lastDay = inDays(5);
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region'], { validTo: lastDay }).build();
  const eva = await app.as('eva.lind');
  expect(await endings(built.id)).toEqual([lastDay]);

  // A second consent, ending later but still soon: two items, one per consent.
  ok(
    await eva.post(`/api/plans/${built.id}/consents`, {
      givenBy: 'person',
      form: 'written',
      scopeOrganisationIds: [built.ids.kommun],
      informationKinds: ['psychiatry'],
      validFrom: inDays(0),
      validTo: inDays(10),
    }),
  );
  expect(await endings(built.id)).toEqual([lastDay, inDays(10)]);

  // Withdrawn: no longer in force, so not ending either.
  const built2 = await plan(app).for('sofia').by('eva.lind').withConsent(['kommun'], { validTo: inDays(3) }).consentWithdrawn().build();
  expect(await endings(built2.id)).toEqual([]);
});
