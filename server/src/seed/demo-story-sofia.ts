import { bullets, newId, paragraphs, push, update } from './demo-content';
import { DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

/**
 * Sofia Karlsson (34): finalised two months ago and now in follow-up (uppföljning). Eva Lind
 * (kommun) started it, Lars Holm (region) answered the call and coordinates. At the
 * follow-up the region's actions are done; the kommun's debt counselling is past its due
 * date and still ongoing — an overdue action. A follow-up meeting is booked.
 */
export async function sofiaStory(world: DemoWorld): Promise<void> {
  const { clock: c, directory } = world;
  const w = c.workdays(-75);
  const kommun = directory.organisation('uppsala-kommun');
  const region = directory.organisation('region-uppsala');
  const vuxenenheten = directory.unit('vuxenenheten').id;
  const psykiatrin = directory.unit('vuxenpsykiatri').id;

  const plan = await DemoPlan.initiate(world, c.at(w(0), '09:00'), 'eva.lind', {
    person: 'Sofia Karlsson',
    unit: 'vuxenenheten',
    trigger: 'ordinary',
    reason: 'Sofia har bipolär sjukdom och har efter en svår period förlorat sitt arbete och fått skulder. Hon behöver samordnat stöd från socialtjänsten och psykiatrin för ekonomin, behandlingen och vägen tillbaka till arbete.',
  });
  await plan.recordConsent(c.at(w(1), '11:00'), 'eva.lind', {
    givenBy: 'person',
    form: 'written',
    organisations: ['uppsala-kommun', 'region-uppsala'],
    informationKinds: ['social_services', 'psychiatry', 'financial'],
    validFrom: c.date(w(1)),
    validTo: c.date(w(1) + 364),
  });
  await plan.transition(c.at(w(1), '11:10'), 'eva.lind', 'start_preparation');
  await plan.prepare(c.at(w(1), '11:20'), 'eva.lind', {
    questions: ['Hur får Sofia överblick över ekonomin och skulderna?', 'Vad behöver Sofia för att må stabilt och komma tillbaka till arbete?'],
    lead: 'region-uppsala',
  });

  const needs = { money: newId(), health: newId(), work: newId() };
  const goals = { life: newId(), budget: newId(), signs: newId() };
  await plan.write(c.at(w(2), '10:00'), 'eva.lind', 'shared', (d) => {
    paragraphs(d, 'currentSituation', 'Sofia är 34 år och har bipolär sjukdom. Efter en period av mani i våras förlorade hon sitt arbete och fick skulder hos Kronofogden. Hon bor i en andrahandslägenhet med kontrakt till sommaren.\nHon vill komma tillbaka till arbete och få ordning på ekonomin.');
    push(d, 'needs',
      { id: needs.money, text: 'Stöd att få överblick över ekonomin och en plan för skulderna' },
      { id: needs.health, text: 'Stabil psykiatrisk behandling och stöd att känna igen tidiga tecken på skov' },
      { id: needs.work, text: 'Stöd tillbaka till arbete' });
    push(d, 'goals',
      { id: goals.life, text: 'Sofia har ett arbete och en stabil ekonomi.', term: 'long' },
      { id: goals.budget, text: 'En plan för skulderna är klar och Sofia har en budget för varje månad.', term: 'short' },
      { id: goals.signs, text: 'Sofia har en egen plan för vad hon gör vid tidiga tecken på skov.', term: 'short' });
  });
  const meeting = w(11);
  const call = await plan.sendCall(c.at(w(2), '10:30'), 'eva.lind', {
    meeting: { kind: 'sip', startsAt: c.at(meeting, '10:00'), durationMinutes: 90, location: 'Vuxenpsykiatrimottagningen, Akademiska sjukhuset, ingång 10' },
    purpose: 'SIP-möte: samordnat stöd för Sofias ekonomi, behandling och arbete',
    called: ['vuxenpsykiatri'],
  });
  await plan.read(c.at(w(3), '09:15'), 'lars.holm');
  await plan.acknowledge(c.at(w(3), '09:20'), 'lars.holm', call.callIds[0]!);
  await plan.addParticipant(c.at(w(3), '13:00'), 'eva.lind', 'samordningsansvarig', 'lars.holm');
  await plan.write(c.at(w(5), '21:10'), 'sofia.karlsson', 'person', (d) => {
    bullets(d, 'importantToMe', ['Att ingen pratar över mitt huvud', 'Att jag får vara med och bestämma takten', 'Att få jobba igen']);
    paragraphs(d, 'worksWell', 'Jag har bra kontakt med min syster och tränar tre gånger i veckan.');
    paragraphs(d, 'worksBadly', 'Breven från Kronofogden. Jag öppnar dem inte.');
    paragraphs(d, 'canDoMyself', 'Jag kan föra en dagbok över sömn och humör och ta med den till läkaren.');
    paragraphs(d, 'longTermGoal', 'Jag vill ha ett arbete och en ekonomi som håller.');
  });

  const actions = { debt: newId(), support: newId(), lithium: newId(), group: newId() };
  await plan.write(c.at(meeting, '11:00'), 'eva.lind', `actions:${kommun}`, (d) =>
    push(d, 'actions',
      { id: actions.debt, what: 'Budget- och skuldrådgivning och ansökan om skuldsanering', needId: needs.money, goalId: goals.budget, performingUnitId: vuxenenheten, responsiblePerson: 'Eva Lind', when: 'Möten på kommunens budget- och skuldrådgivning', frequency: 'Varannan vecka', startDate: c.date(meeting + 7), dueDate: c.date(-10), status: 'planned' },
      { id: actions.support, what: 'Försörjningsstöd under utredningstiden', needId: needs.money, goalId: goals.budget, performingUnitId: vuxenenheten, responsiblePerson: 'Eva Lind', when: 'Ansökan varje månad', frequency: 'Varje månad', startDate: c.date(meeting), dueDate: c.date(meeting + 30), status: 'ongoing' }));
  await plan.write(c.at(meeting, '11:10'), 'lars.holm', `actions:${region}`, (d) =>
    push(d, 'actions',
      { id: actions.lithium, what: 'Läkarbesök och inställning av litiumbehandlingen', needId: needs.health, goalId: goals.signs, performingUnitId: psykiatrin, responsiblePerson: 'Lars Holm', when: 'Bokade tider', frequency: 'Var fjärde vecka', startDate: c.date(meeting), dueDate: c.date(meeting + 45), status: 'ongoing' },
      { id: actions.group, what: 'Psykopedagogisk grupp om bipolär sjukdom (8 träffar)', needId: needs.health, goalId: goals.signs, performingUnitId: psykiatrin, responsiblePerson: 'Sjuksköterska på mottagningen', when: 'Måndagar kl. 15', frequency: 'Varje vecka', startDate: c.date(meeting + 14), dueDate: c.date(20), status: 'planned' }));
  await plan.recordHeld(c.at(meeting, '11:40'), 'lars.holm', call.meetingId, {
    chair: await plan.participant('lars.holm', 'samordningsansvarig'),
    noteTaker: await plan.participant('eva.lind'),
    attendance: [
      { participantId: await plan.participant('lars.holm', 'samordningsansvarig'), mode: 'in_person' },
      { participantId: await plan.participant('eva.lind'), mode: 'in_person' },
      { participantId: await plan.participant('sofia.karlsson'), mode: 'in_person' },
    ],
    personTookPart: true,
    relativesTookPart: false,
  });

  const followUp = c.workdays(-8);
  await plan.write(c.at(w(12), '09:00'), 'eva.lind', 'others', (d) =>
    push(d, 'measures', { id: newId(), actor: 'Arbetsförmedlingen', what: 'Kartläggning och stöd att hitta arbete när Sofia är redo', when: 'Efter uppföljningen', responsible: 'Arbetsförmedlingen Uppsala' }));
  await plan.prepare(c.at(w(12), '09:10'), 'lars.holm', { followUpDate: c.date(followUp(0)) });
  await plan.transition(c.at(w(13), '10:00'), 'lars.holm', 'finalise');
  await plan.read(c.at(w(13), '20:15'), 'sofia.karlsson');

  // The follow-up: the region's actions are done; the debt counselling is late.
  await plan.transition(c.at(followUp(0), '09:00'), 'eva.lind', 'start_follow_up');
  await plan.createMeeting(c.at(followUp(0), '09:30'), 'eva.lind', {
    kind: 'uppfoljning',
    startsAt: c.at(c.workdays(5)(0), '10:00'),
    durationMinutes: 60,
    location: 'Vuxenpsykiatrimottagningen, Akademiska sjukhuset, ingång 10',
    purpose: 'Uppföljning av Sofias plan',
  });
  await plan.write(c.at(followUp(1), '14:00'), 'lars.holm', `actions:${region}`, (d) => {
    update(d, 'actions', actions.lithium, { status: 'done', followUpNotes: 'Stabil litiumnivå vid tre kontroller. Fortsatta kontroller var tredje månad.' });
    update(d, 'actions', actions.group, { status: 'ongoing', followUpNotes: 'Sofia har varit på fem av åtta träffar.' });
  });
  await plan.write(c.at(followUp(1), '15:00'), 'eva.lind', `actions:${kommun}`, (d) => {
    update(d, 'actions', actions.support, { status: 'done', followUpNotes: 'Beviljat under utredningstiden.' });
    update(d, 'actions', actions.debt, { status: 'ongoing', followUpNotes: 'Försenad: väntetid hos budget- och skuldrådgivningen. Ansökan om skuldsanering är inte inskickad.' });
  });
}
