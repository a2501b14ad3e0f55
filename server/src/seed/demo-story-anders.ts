import { bullets, newId, paragraphs, push } from './demo-content';
import { DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

/**
 * Anders Nilsson (41): a finalised plan (fastställd). Eva Lind (kommun) starts it and
 * coordinates, Jonas Ek (region) answers the call; Anders consents, lets his mother Birgitta
 * in and writes his own part; the meeting agrees actions for both principals and
 * Försäkringskassan's measure; the follow-up is three weeks from today.
 */
export async function andersStory(world: DemoWorld): Promise<void> {
  const { clock: c, directory } = world;
  const w = c.workdays(-40);
  const kommun = directory.organisation('uppsala-kommun');
  const region = directory.organisation('region-uppsala');
  const vuxenenheten = directory.unit('vuxenenheten').id;
  const psykiatrin = directory.unit('vuxenpsykiatri').id;

  const plan = await DemoPlan.initiate(world, c.at(w(0), '09:10'), 'eva.lind', {
    person: 'Anders Nilsson',
    unit: 'vuxenenheten',
    trigger: 'ordinary',
    reason: 'Anders har depression och ångest och har svårt att klara boendet och vardagen. Socialtjänsten och psykiatrin ger honom stöd var för sig; insatserna behöver samordnas.',
  });
  await plan.recordConsent(c.at(w(1), '10:30'), 'eva.lind', {
    givenBy: 'person',
    form: 'written',
    organisations: ['uppsala-kommun', 'region-uppsala'],
    informationKinds: ['social_services', 'psychiatry', 'health_care'],
    validFrom: c.date(w(1)),
    validTo: c.date(w(1) + 364),
  });
  await plan.transition(c.at(w(1), '10:45'), 'eva.lind', 'start_preparation');
  await plan.prepare(c.at(w(1), '11:00'), 'eva.lind', {
    questions: [
      'Vilket stöd behöver Anders för att kunna bo kvar i sin lägenhet?',
      'Hur kan Anders komma igång med en sysselsättning?',
      'Hur samordnar vi läkemedelsbehandlingen med stödet i hemmet?',
    ],
    lead: 'uppsala-kommun',
  });
  await plan.allowRelative(c.at(w(1), '19:20'), 'anders.nilsson', 'birgitta.nilsson');

  const needs = { home: newId(), care: newId(), work: newId() };
  const goals = { home: newId(), bills: newId(), days: newId() };
  await plan.write(c.at(w(3), '13:15'), 'eva.lind', 'shared', (d) => {
    paragraphs(d, 'currentSituation', 'Anders är 41 år och bor ensam i en hyreslägenhet i Svartbäcken. Han har en långvarig depression och ångest och har varit sjukskriven från sitt arbete på ett lager sedan i våras.\nHan har svårt att få ordning på vardagen: räkningar blir liggande, han handlar sällan och hyresvärden har hört av sig om obetald hyra. Hans mamma Birgitta hjälper till så gott hon kan.');
    push(d, 'needs',
      { id: needs.home, text: 'Stöd i vardagen för att kunna bo kvar: ekonomi, post, inköp och kontakten med hyresvärden' },
      { id: needs.care, text: 'Behandling för depression och ångest och en fungerande läkemedelsbehandling' },
      { id: needs.work, text: 'En meningsfull sysselsättning och på sikt en väg tillbaka till arbete' });
    push(d, 'goals',
      { id: goals.home, text: 'Anders bor kvar i sin lägenhet och klarar vardagen med stöd.', term: 'long' },
      { id: goals.bills, text: 'Hyran och räkningarna betalas i tid de kommande tre månaderna.', term: 'short' },
      { id: goals.days, text: 'Anders har en aktivitet utanför hemmet minst två dagar i veckan.', term: 'short' });
  });
  await plan.write(c.at(w(3), '20:05'), 'anders.nilsson', 'person', (d) => {
    bullets(d, 'importantToMe', ['Att få bo kvar i min lägenhet', 'Att mamma inte ska behöva oroa sig så mycket', 'Att slippa berätta samma sak för alla']);
    paragraphs(d, 'worksWell', 'Jag tycker om att laga mat när jag orkar, och att gå ut med grannens hund.');
    paragraphs(d, 'worksBadly', 'Post och räkningar. Jag sover dåligt och kommer inte upp på morgonen.');
    paragraphs(d, 'longTermGoal', 'Jag vill ha ett jobb igen, kanske något med djur.');
    paragraphs(d, 'shortTermGoals', 'Betala hyran i tid och komma ut varje dag.');
    paragraphs(d, 'canDoMyself', 'Jag går på mina tider om någon påminner mig dagen innan.');
  });

  const meeting = w(14);
  const call = await plan.sendCall(c.at(w(4), '09:40'), 'eva.lind', {
    meeting: { kind: 'sip', startsAt: c.at(meeting, '13:00'), durationMinutes: 90, location: 'Socialtjänsten, Stationsgatan 12, Uppsala – rum Fyris' },
    purpose: 'SIP-möte: en gemensam plan för Anders stöd i boendet, sysselsättning och psykiatrisk behandling',
    called: ['vuxenpsykiatri'],
  });
  await plan.read(c.at(w(5), '08:50'), 'jonas.ek');
  await plan.acknowledge(c.at(w(5), '08:55'), 'jonas.ek', call.callIds[0]!);
  await plan.addParticipant(c.at(w(5), '14:00'), 'eva.lind', 'samordningsansvarig', 'eva.lind');
  await plan.read(c.at(w(12), '18:40'), 'birgitta.nilsson');

  // At the meeting: each principal writes its own actions, then the meeting is recorded.
  await plan.write(c.at(meeting, '14:00'), 'eva.lind', `actions:${kommun}`, (d) =>
    push(d, 'actions',
      { id: newId(), what: 'Boendestöd: hjälp med ekonomi, post och inköp', needId: needs.home, goalId: goals.bills, performingUnitId: vuxenenheten, responsiblePerson: 'Eva Lind', when: 'Tisdagar och torsdagar förmiddag', frequency: '2 gånger i veckan', startDate: c.date(meeting + 6), dueDate: c.date(90), status: 'planned' },
      { id: newId(), what: 'Sysselsättning: introduktion på Arbetscentrum Kvarngärdet', needId: needs.work, goalId: goals.days, performingUnitId: vuxenenheten, responsiblePerson: 'Eva Lind', when: 'Först ett studiebesök', frequency: '2 dagar i veckan', startDate: c.date(7), dueDate: c.date(60), status: 'planned' }));
  await plan.write(c.at(meeting, '14:10'), 'jonas.ek', `actions:${region}`, (d) =>
    push(d, 'actions',
      { id: newId(), what: 'Läkemedelsgenomgång hos läkare', needId: needs.care, goalId: goals.home, performingUnitId: psykiatrin, responsiblePerson: 'Lars Holm, läkare', when: 'Bokad tid', frequency: 'En gång', startDate: c.date(3), dueDate: c.date(10), status: 'planned' },
      { id: newId(), what: 'Samtalsbehandling (KBT) för depression och ångest', needId: needs.care, goalId: goals.home, performingUnitId: psykiatrin, responsiblePerson: 'Jonas Ek', when: 'Onsdagar kl. 14', frequency: 'Varje vecka', startDate: c.date(w(0) - 20), dueDate: c.date(120), status: 'ongoing' }));
  await plan.recordHeld(c.at(meeting, '14:40'), 'eva.lind', call.meetingId, {
    chair: await plan.participant('eva.lind', 'samordningsansvarig'),
    noteTaker: await plan.participant('jonas.ek'),
    attendance: [
      { participantId: await plan.participant('eva.lind', 'samordningsansvarig'), mode: 'in_person' },
      { participantId: await plan.participant('jonas.ek'), mode: 'in_person' },
      { participantId: await plan.participant('anders.nilsson'), mode: 'in_person' },
      { participantId: await plan.participant('birgitta.nilsson'), mode: 'in_person' },
    ],
    personTookPart: true,
    relativesTookPart: true,
  });

  await plan.write(c.at(w(15), '09:30'), 'eva.lind', 'others', (d) =>
    push(d, 'measures',
      { id: newId(), actor: 'Försäkringskassan', what: 'Utreder Anders rätt till fortsatt sjukpenning och arbetslivsinriktad rehabilitering', when: `Beslut senast ${c.date(30)}`, responsible: 'Handläggare, Lokalt försäkringscenter Uppsala' },
      { id: newId(), actor: 'Birgitta Nilsson (mamma)', what: 'Följer med Anders till läkemedelsgenomgången och handlar med honom på lördagar', when: 'Lördagar', responsible: 'Birgitta Nilsson' }));
  await plan.write(c.at(w(15), '09:35'), 'eva.lind', 'shared', (d) =>
    paragraphs(d, 'disagreements', 'Anders vill helst inte ha hembesök två gånger i veckan. Vi prövar det fram till uppföljningen och stämmer av då.'));
  await plan.prepare(c.at(w(15), '09:40'), 'eva.lind', { followUpDate: c.date(21) });
  await plan.transition(c.at(w(16), '10:00'), 'eva.lind', 'finalise');
  await plan.read(c.at(w(16), '18:30'), 'anders.nilsson');
}
