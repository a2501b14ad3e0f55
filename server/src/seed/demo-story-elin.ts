import { newId, paragraphs, push } from './demo-content';
import { DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

/**
 * Elin Johansson (15): a child's plan, called (kallad) to a meeting later this week. Omar
 * Haddad (Barn och unga) started it; both guardians with custody consented; Sara Nord (BUP)
 * answered the call. Omar recorded what Elin told him, Elin wrote her own view, her mother
 * wrote in the family's part.
 */
export async function elinStory(world: DemoWorld): Promise<void> {
  const { clock: c, directory } = world;
  const w = c.workdays(-24);
  const region = directory.organisation('region-uppsala');
  const bup = directory.unit('bup').id;

  const plan = await DemoPlan.initiate(world, c.at(w(0), '10:00'), 'omar.haddad', {
    person: 'Elin Johansson',
    unit: 'barn-och-unga',
    trigger: 'ordinary',
    reason: 'Elin har hög frånvaro från skolan sedan i våras och mår dåligt. Hon har kontakt med BUP för ångest. Familjen behöver samordnat stöd från socialtjänsten och BUP, tillsammans med skolan.',
  });
  await plan.recordConsent(c.at(w(1), '16:30'), 'omar.haddad', {
    givenBy: 'guardians',
    guardians: ['maria.johansson', 'peter.johansson'],
    form: 'written',
    organisations: ['uppsala-kommun', 'region-uppsala'],
    informationKinds: ['social_services', 'psychiatry', 'school'],
    validFrom: c.date(w(1)),
    validTo: c.date(w(1) + 364),
  });
  await plan.transition(c.at(w(1), '16:45'), 'omar.haddad', 'start_preparation');
  await plan.prepare(c.at(w(1), '16:50'), 'omar.haddad', {
    questions: ['Hur kan Elin komma tillbaka till skolan i en takt hon klarar?', 'Hur fördelar vi stödet mellan BUP, socialtjänsten och skolan?'],
    lead: 'uppsala-kommun',
  });
  await plan.recordChildOpenness(c.at(w(2), '15:00'), 'omar.haddad');

  const meeting = c.workdays(3)(0);
  const call = await plan.sendCall(c.at(w(3), '09:00'), 'omar.haddad', {
    meeting: { kind: 'sip', startsAt: c.at(meeting, '15:00'), durationMinutes: 90, location: 'Socialtjänsten Barn och unga, Kungsgatan 41, Uppsala' },
    purpose: 'SIP-möte: samordnat stöd för Elins skolgång och mående',
    called: ['bup'],
  });
  await plan.read(c.at(w(4), '10:10'), 'sara.nord');
  await plan.acknowledge(c.at(w(4), '10:15'), 'sara.nord', call.callIds[0]!);
  await plan.addParticipant(c.at(w(4), '11:00'), 'omar.haddad', 'samordningsansvarig', 'omar.haddad');

  const needs = { school: newId(), anxiety: newId(), parents: newId() };
  await plan.write(c.at(w(6), '13:30'), 'omar.haddad', 'shared', (d) => {
    paragraphs(d, 'currentSituation', 'Elin är 15 år och går i årskurs 9. Hon har haft hög frånvaro sedan i våras och har ångest, särskilt i stora grupper. Hon bor växelvis hos mamma och pappa, som båda har vårdnaden. Elin har kontakt med BUP sedan i somras.');
    push(d, 'needs',
      { id: needs.school, text: 'Anpassad skolgång och stöd att komma tillbaka till skolan' },
      { id: needs.anxiety, text: 'Behandling för ångest' },
      { id: needs.parents, text: 'Stöd till föräldrarna i hur de kan hjälpa Elin' });
    push(d, 'goals',
      { id: newId(), text: 'Elin går ut nian med godkända betyg.', term: 'long' },
      { id: newId(), text: 'Elin är i skolan minst tre förmiddagar i veckan inom sex veckor.', term: 'short' });
  });
  await plan.write(c.at(w(7), '19:45'), 'elin.johansson', 'child', (d) =>
    paragraphs(d, 'childView', 'Jag vill gå i skolan igen men inte hela dagar i början. Det jobbigaste är matsalen och när det är mycket folk.\nJag vill att någon på skolan vet hur jag mår så att jag slipper förklara varje gång. Jag vill vara med på mötet en stund men inte hela tiden.'));
  await plan.write(c.at(w(8), '20:30'), 'maria.johansson', 'person', (d) => {
    paragraphs(d, 'importantToMe', 'Att Elin får komma tillbaka till skolan i sin egen takt, och att vi föräldrar vet vem vi ska ringa.');
    paragraphs(d, 'worksWell', 'Elin har en nära kompis och rider varje lördag.');
    paragraphs(d, 'worksBadly', 'Morgnarna. Elin har ont i magen och kommer inte iväg.');
    paragraphs(d, 'longTermGoal', 'Att Elin går i skolan och mår bättre.');
  });
  await plan.write(c.at(w(9), '10:00'), 'sara.nord', `actions:${region}`, (d) =>
    push(d, 'actions', { id: newId(), what: 'Samtalskontakt med kurator (KBT-inriktad) för ångest', needId: needs.anxiety, performingUnitId: bup, responsiblePerson: 'Sara Nord', when: 'Torsdagar efter skolan', frequency: 'Varje vecka', startDate: c.date(w(0) - 60), dueDate: c.date(60), status: 'ongoing' }));
  await plan.read(c.at(w(9), '21:00'), 'peter.johansson');
}
