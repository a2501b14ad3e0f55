import { addStockholmDays, stockholmDate } from '@sip/shared';
import { newId, paragraphs, push } from './demo-content';
import { DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

const MINUTE = 60_000;

/**
 * Gunnel Andersson (82, no account of her own): a discharge SIP (lag 2017:612). She is
 * utskrivningsklar from psychiatric inpatient care; Jonas Ek at Vuxenpsykiatrimottagningen —
 * her fast vårdkontakt in outpatient care, who under the law calls to the SIP — started it,
 * recorded her consent and prepares the meeting. The call has not gone out, and it is due
 * within the day: about sixteen hours after seeding ('near').
 */
export async function gunnelStory(world: DemoWorld): Promise<void> {
  const { clock: c, directory } = world;
  const region = directory.organisation('region-uppsala');
  const psykiatrin = directory.unit('vuxenpsykiatri').id;
  // Three days (the default county rule) before a due time sixteen hours ahead, on the quarter hour.
  const dueTarget = addStockholmDays(new Date(c.now.getTime() + 16 * 60 * MINUTE), -3);
  const readyAt = new Date(Math.floor(dueTarget.getTime() / (15 * MINUTE)) * 15 * MINUTE);

  const started = c.officeHoursFrom(new Date(readyAt.getTime() + 90 * MINUTE));
  const plan = await DemoPlan.initiate(world, started, 'jonas.ek', {
    person: 'Gunnel Andersson',
    unit: 'vuxenpsykiatri',
    trigger: 'discharge',
    dischargeReadyAt: readyAt,
    reason: 'Gunnel är utskrivningsklar från psykiatrisk slutenvård (Akademiska sjukhuset) efter en svår depression. Hon behöver stöd i hemmet och fortsatt kontakt med psykiatrin.',
  });
  const consentAt = c.officeHoursFrom(new Date(started.getTime() + 120 * MINUTE));
  await plan.recordConsent(consentAt, 'jonas.ek', {
    givenBy: 'person',
    form: 'oral',
    organisations: ['region-uppsala', 'uppsala-kommun'],
    informationKinds: ['health_care', 'psychiatry', 'social_services'],
    exclusions: 'Uppgifter om hennes ekonomi lämnas inte ut.',
    validFrom: stockholmDate(consentAt),
  });
  const later = (minutes: number) => new Date(consentAt.getTime() + minutes * MINUTE);
  await plan.transition(later(10), 'jonas.ek', 'start_preparation');
  await plan.prepare(later(20), 'jonas.ek', {
    questions: ['Vilket stöd behöver Gunnel i hemmet från första dagen?', 'Hur följer vi upp läkemedelsbehandlingen efter utskrivningen?'],
    lead: 'region-uppsala',
  });
  const needs = { home: newId(), care: newId(), company: newId() };
  await plan.write(later(40), 'jonas.ek', 'shared', (d) => {
    paragraphs(d, 'currentSituation', 'Gunnel är 82 år, änka och bor ensam i en lägenhet på Luthagen. Hon vårdas på en psykiatrisk avdelning på Akademiska sjukhuset efter en svår depression och är nu utskrivningsklar. Hon har ingen hemtjänst sedan tidigare. Hennes dotter bor i Göteborg.');
    push(d, 'needs',
      { id: needs.home, text: 'Hjälp med mat, städning och tillsyn i hemmet efter utskrivningen' },
      { id: needs.care, text: 'Fortsatt kontakt med psykiatrin och stöd att ta sina läkemedel' },
      { id: needs.company, text: 'Att inte vara ensam hela dagarna' });
    push(d, 'goals', { id: newId(), text: 'Gunnel kan bo kvar hemma och känner sig trygg.', term: 'long' });
  });
  await plan.write(later(55), 'jonas.ek', `actions:${region}`, (d) =>
    push(d, 'actions', { id: newId(), what: 'Hembesök av sjuksköterska första veckan efter utskrivningen', needId: needs.care, performingUnitId: psykiatrin, responsiblePerson: 'Jonas Ek', when: 'Dagen efter hemgång', frequency: 'En gång', dueDate: c.date(7), status: 'planned' }));
}
