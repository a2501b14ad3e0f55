import { newId, paragraphs, push } from './demo-content';
import { DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

/**
 * Mohammed Ali (samordningsnummer, no account of his own): a discharge SIP whose call went
 * out a day after the deadline (status 'missed'), held, and then closed (avslutad) because
 * a coordinated plan was no longer needed. Being closed, it is never listed as overdue.
 */
export async function mohammedStory(world: DemoWorld): Promise<void> {
  const { clock: c } = world;
  const w = c.workdays(-31);

  const plan = await DemoPlan.initiate(world, c.at(w(0), '09:30'), 'lars.holm', {
    person: 'Mohammed Ali',
    unit: 'vuxenpsykiatri',
    trigger: 'discharge',
    dischargeReadyAt: c.at(-32, '11:00'),
    reason: 'Mohammed är utskrivningsklar från psykiatrisk slutenvård efter en akut stressreaktion. Behovet av stöd med boende och sysselsättning efter utskrivningen behöver klarläggas.',
  });
  await plan.recordConsent(c.at(w(0), '13:00'), 'lars.holm', {
    givenBy: 'person',
    form: 'oral',
    organisations: ['region-uppsala', 'uppsala-kommun'],
    informationKinds: ['psychiatry', 'social_services'],
    validFrom: c.date(w(0)),
  });
  await plan.transition(c.at(w(0), '13:10'), 'lars.holm', 'start_preparation');
  await plan.prepare(c.at(w(0), '13:20'), 'lars.holm', {
    questions: ['Behöver Mohammed stöd från socialtjänsten efter utskrivningen?'],
    lead: 'region-uppsala',
  });
  // Sent on the third working day after starting: after the three-day deadline.
  const meeting = w(9);
  const call = await plan.sendCall(c.at(w(3), '10:00'), 'lars.holm', {
    meeting: { kind: 'sip', startsAt: c.at(meeting, '13:00'), durationMinutes: 60, location: 'Vuxenpsykiatrimottagningen, Akademiska sjukhuset, ingång 10' },
    purpose: 'SIP-möte efter utskrivningen: behövs stöd från socialtjänsten?',
    called: ['vuxenenheten'],
  });
  await plan.read(c.at(w(4), '09:00'), 'eva.lind');
  await plan.acknowledge(c.at(w(4), '09:05'), 'eva.lind', call.callIds[0]!);
  await plan.write(c.at(w(5), '10:00'), 'lars.holm', 'shared', (d) => {
    paragraphs(d, 'currentSituation', 'Mohammed är 34 år och kom till Sverige för fyra år sedan. Han vårdades en vecka inom psykiatrisk slutenvård efter en akut stressreaktion. Han hyr ett rum i andra hand och har erbjudits en fast anställning från nästa månad.');
    push(d, 'needs', { id: newId(), text: 'Uppföljning av hur Mohammed mår efter utskrivningen' });
  });
  await plan.recordHeld(c.at(meeting, '14:10'), 'lars.holm', call.meetingId, {
    chair: await plan.participant('lars.holm'),
    attendance: [
      { participantId: await plan.participant('lars.holm'), mode: 'in_person' },
      { participantId: await plan.participant('eva.lind'), mode: 'video' },
      { participantId: await plan.participant({ role: 'huvudperson' }), mode: 'in_person' },
    ],
    personTookPart: true,
    relativesTookPart: false,
  });
  await plan.transition(c.at(meeting, '14:30'), 'lars.holm', 'close', {
    reason: 'no_longer_needed',
    note: 'Vid mötet kom vi fram till att Mohammed inte behöver insatser från socialtjänsten. Psykiatrins uppföljning fortsätter som vanligt; en samordnad plan behövs inte.',
  });
}
