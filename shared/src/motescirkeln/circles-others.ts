import { type Circle, l, q } from './versions';

/** The circles of those who take part beside the person: parents, relatives and others. */

export const FORALDRAR: Circle = {
  version: 'foraldrar',
  title: l('Föräldrar', 'Parents'),
  audience: l('Föräldrar och vårdnadshavare till ett barn som mötet handlar om.', 'Parents and guardians of a child whom the meeting is about.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Mötet handlar om ert barn. Ni är viktiga för att planen ska bli bra.', 'The meeting is about your child. You matter for the plan to be good.'),
      questions: [
        q('about_us', 'Vad vill ni berätta om er familj?', 'What do you want to tell them about your family?'),
        q('sharing_approved', 'Har alla godkänt det som ska delas på mötet, också ert barn?', 'Has everyone agreed to what will be shared at the meeting, your child too?'),
        q('child_present', 'Ska ert barn vara med hela mötet eller en del av det?', 'Should your child be there for the whole meeting or part of it?'),
      ],
      during: l(
        'Ordföranden hälsar välkommen. Barnet och ni säger vem ni är först. Ordföranden berättar vad som gäller för samtycke och sekretess.',
        'The chair says welcome. Your child and you say who you are first. The chair tells you about consent and secrecy.',
      ),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för ert barn och för er?', 'What is important to your child and to you?'),
        q('works_well', 'Vad fungerar bra hemma, i skolan och på fritiden?', 'What works well at home, at school and in free time?'),
        q('works_badly', 'Vad fungerar inte så bra?', 'What does not work so well?'),
      ],
      during: l('Barnet berättar först, om hen vill. Sedan ni, sedan de andra. Ni pratar också om det som fungerar.', 'Your child speaks first, if they want to. Then you, then the others. You also talk about what works.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp barnet och familjen ska få.', 'This is the biggest part. Here you decide what help your child and your family will get.'),
      questions: [
        q('future', 'Hur vill ni att det ska vara längre fram?', 'How do you want things to be further ahead?'),
        q('needed', 'Vad behöver ert barn, och vad behöver ni?', 'What does your child need, and what do you need?'),
        q('short_goal', 'Vad vill ni ska hända snart?', 'What do you want to happen soon?'),
        q('ourselves', 'Vad kan ni göra själva?', 'What can you do yourselves?'),
        q('help', 'Vad behöver ni hjälp med? När, hur ofta och av vem?', 'What do you need help with? When, how often and from whom?'),
      ],
      during: l('Berätta vad ni ser att barnet behöver. Fråga om ni inte förstår ett ord. Ni bestämmer vem som gör vad.', 'Say what you see your child needs. Ask if you do not understand a word. You decide together who does what.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som gör vad. Det blir planen.', 'The chair says who does what. That becomes the plan.'),
      questions: [
        q('understood', 'Har ni förstått vem som gör vad?', 'Have you understood who does what?'),
        q('sounds_good', 'Låter det bra för er och för barnet?', 'Does it sound good for you and your child?'),
        q('contact', 'Vem hör ni av er till om något inte fungerar?', 'Whom do you contact if something does not work?'),
      ],
      during: l('Lyssna. Säg till om något är fel eller om ni inte håller med. Det skrivs ner.', 'Listen. Say so if something is wrong or if you do not agree. It is written down.'),
    },
    avslutning: {
      purpose: l('Mötet är slut. Ni bestämmer när ni ses igen.', 'The meeting ends. You decide when you meet again.'),
      questions: [
        q('next_meeting', 'Är ett nytt möte bokat?', 'Is a new meeting booked?'),
        q('copy', 'Hur vill ni få planen?', 'How do you want to get the plan?'),
        q('satisfied', 'Är ni nöjda med mötet?', 'Are you happy with the meeting?'),
      ],
      during: l('Ni bestämmer när planen följs upp och hur ni får den. Sedan svarar ni på tre korta frågor.', 'You decide when the plan is followed up and how you get it. Then you answer three short questions.'),
    },
  },
};

export const NARSTAENDE: Circle = {
  version: 'narstaende',
  title: l('Närstående', 'Relatives'),
  audience: l('Närstående till en äldre person som mötet handlar om.', 'Relatives of an older person whom the meeting is about.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Du är med som stöd. Mötet utgår från vad personen själv vill.', 'You take part as support. The meeting starts from what the person wants.'),
      questions: [
        q('who_am_i', 'Vem är du för personen?', 'Who are you to the person?'),
        q('persons_wish', 'Vet du vad personen själv vill ta upp?', 'Do you know what the person wants to bring up?'),
        q('consent', 'Vet du vad personen har sagt ja till att ni pratar om?', 'Do you know what the person has agreed that you talk about?'),
      ],
      during: l('Ordföranden hälsar välkommen. Personen säger vem hen är först. Sedan du.', 'The chair says welcome. The person says who they are first. Then you.'),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för personen, som du ser det?', 'What is important to the person, as you see it?'),
        q('works_well', 'Vad fungerar bra?', 'What works well?'),
        q('works_badly', 'Vad fungerar inte så bra? Hur har du det själv?', 'What does not work so well? How are you yourself?'),
      ],
      during: l('Personen berättar först. Sedan du. Berätta också hur du själv orkar.', 'The person speaks first. Then you. Also say how you yourself are coping.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp personen ska få.', 'This is the biggest part. Here you decide what help the person will get.'),
      questions: [
        q('future', 'Hur tror du att personen vill ha det framöver?', 'How do you think the person wants things to be from now on?'),
        q('needed', 'Vad behöver personen?', 'What does the person need?'),
        q('short_goal', 'Vad behöver hända snart?', 'What needs to happen soon?'),
        q('my_part', 'Vad kan du hjälpa till med, och vad vill du inte göra?', 'What can you help with, and what do you not want to do?'),
        q('my_support', 'Vilket stöd behöver du själv?', 'What support do you need yourself?'),
      ],
      during: l('Stötta personen att säga vad hen vill. Säg vad du kan göra och vad du behöver. Fråga om du inte förstår.', 'Help the person say what they want. Say what you can do and what you need. Ask if you do not understand.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som gör vad. Det blir planen.', 'The chair says who does what. That becomes the plan.'),
      questions: [
        q('understood', 'Har du förstått vem som gör vad?', 'Have you understood who does what?'),
        q('sounds_good', 'Låter det bra?', 'Does it sound good?'),
        q('contact', 'Vem hör du av dig till om något inte fungerar?', 'Whom do you contact if something does not work?'),
      ],
      during: l('Lyssna. Säg till om något är fel.', 'Listen. Say so if something is wrong.'),
    },
    avslutning: {
      purpose: l('Mötet är slut.', 'The meeting ends.'),
      questions: [
        q('next_meeting', 'Är ett nytt möte bokat?', 'Is a new meeting booked?'),
        q('copy', 'Får personen en kopia av planen?', 'Does the person get a copy of the plan?'),
        q('satisfied', 'Är du nöjd med mötet?', 'Are you happy with the meeting?'),
      ],
      during: l('Ni bestämmer när ni ses igen. Sedan svarar du på tre korta frågor.', 'You decide when you meet again. Then you answer three short questions.'),
    },
  },
};

export const OVRIGA: Circle = {
  version: 'ovriga',
  title: l('Övriga', 'Others'),
  audience: l('God man, förvaltare, vän, kontaktperson, stödperson och andra som personen bjuder in.', 'Guardian ad litem, friend, contact person, peer supporter and others the person invites.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Du är med för att stötta personen, eller för ditt uppdrag.', 'You take part to support the person, or for your assignment.'),
      questions: [
        q('my_role', 'Vem är du för personen, och varför är du med?', 'Who are you to the person, and why are you there?'),
        q('persons_wish', 'Vet du vad personen vill ta upp?', 'Do you know what the person wants to bring up?'),
        q('consent', 'Vet du vad du får höra och säga på mötet?', 'Do you know what you may hear and say at the meeting?'),
      ],
      during: l('Ordföranden hälsar välkommen. Personen säger vem hen är först. Sedan säger du vem du är och varför du är med.', 'The chair says welcome. The person says who they are first. Then you say who you are and why you are there.'),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för personen, som du ser det?', 'What is important to the person, as you see it?'),
        q('works_well', 'Vad fungerar bra?', 'What works well?'),
        q('works_badly', 'Vad fungerar inte så bra?', 'What does not work so well?'),
      ],
      during: l('Personen berättar först. Sedan du, kort.', 'The person speaks first. Then you, briefly.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp personen ska få.', 'This is the biggest part. Here you decide what help the person will get.'),
      questions: [
        q('future', 'Hur vill personen ha det framöver?', 'How does the person want things to be from now on?'),
        q('needed', 'Vad behövs?', 'What is needed?'),
        q('my_part', 'Vad kan du göra i din roll?', 'What can you do in your role?'),
        q('who_does_what', 'Vem behöver göra vad, och när?', 'Who needs to do what, and when?'),
      ],
      during: l('Stötta personen att säga vad hen vill. Säg vad du kan göra i din roll.', 'Help the person say what they want. Say what you can do in your role.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som gör vad. Det blir planen.', 'The chair says who does what. That becomes the plan.'),
      questions: [
        q('understood', 'Har du förstått vem som gör vad?', 'Have you understood who does what?'),
        q('sounds_good', 'Låter det bra för personen?', 'Does it sound good for the person?'),
        q('contact', 'Vem hör du av dig till om något inte fungerar?', 'Whom do you contact if something does not work?'),
      ],
      during: l('Lyssna. Säg till om något är fel.', 'Listen. Say so if something is wrong.'),
    },
    avslutning: {
      purpose: l('Mötet är slut.', 'The meeting ends.'),
      questions: [
        q('next_meeting', 'Är ett nytt möte bokat?', 'Is a new meeting booked?'),
        q('satisfied', 'Är du nöjd med mötet?', 'Are you happy with the meeting?'),
      ],
      during: l('Ni bestämmer när ni ses igen. Sedan svarar du på tre korta frågor.', 'You decide when you meet again. Then you answer three short questions.'),
    },
  },
};
