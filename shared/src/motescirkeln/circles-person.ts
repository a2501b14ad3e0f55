import { type Circle, l, q } from './versions';

/** The person's own circles, in plain language: adults, young people and older people. */

export const VUXNA: Circle = {
  version: 'vuxna',
  title: l('Vuxna', 'Adults'),
  audience: l('Dig som mötet handlar om, 18–64 år.', 'You, whom the meeting is about, aged 18–64.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Mötet börjar. Du får säga vem du är först, om du vill.', 'The meeting starts. You may say who you are first, if you want to.'),
      questions: [
        q('about_me', 'Vad vill du berätta om dig själv?', 'What do you want to tell them about yourself?'),
        q('hope', 'Vad vill du få ut av mötet?', 'What do you want to get out of the meeting?'),
        q('support', 'Vill du ha med dig någon på mötet?', 'Do you want to bring someone to the meeting?'),
      ],
      during: l('Ordföranden hälsar välkommen. Du säger vem du är först. Sedan säger de andra vem de är.', 'The chair says welcome. You say who you are first. Then the others say who they are.'),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för dig?', 'What is important to you?'),
        q('works_well', 'Vad fungerar bra?', 'What works well?'),
        q('works_badly', 'Vad fungerar inte så bra?', 'What does not work so well?'),
      ],
      during: l('Du berättar först hur du har det. Sedan berättar de andra. Ni pratar också om det som är bra.', 'You say first how things are for you. Then the others speak. You also talk about what is good.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp du ska få.', 'This is the biggest part. Here you decide what help you will get.'),
      questions: [
        q('future', 'Hur vill du ha det längre fram?', 'How do you want things to be further ahead?'),
        q('needed', 'Vad behövs för att du ska komma dit?', 'What is needed for you to get there?'),
        q('short_goal', 'Vad vill du ska hända snart?', 'What do you want to happen soon?'),
        q('myself', 'Vad kan du göra själv?', 'What can you do yourself?'),
        q('help', 'Vad behöver du hjälp med? När, hur ofta och av vem?', 'What do you need help with? When, how often and from whom?'),
      ],
      during: l('Berätta vad du vill och vad du behöver. Fråga om du inte förstår ett ord. Ni bestämmer vem som gör vad.', 'Say what you want and what you need. Ask if you do not understand a word. You decide together who does what.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som ska göra vad. Det blir din plan.', 'The chair says who will do what. That becomes your plan.'),
      questions: [
        q('understood', 'Har du förstått vad som ska göras och av vem?', 'Have you understood what will be done and by whom?'),
        q('sounds_good', 'Låter det bra för dig?', 'Does it sound good to you?'),
        q('contact', 'Vem hör du av dig till om något inte fungerar?', 'Whom do you contact if something does not work?'),
        q('coordinator', 'Vem vill du ska hålla ihop din plan?', 'Who do you want to keep your plan together?'),
      ],
      during: l('Lyssna när ordföranden läser upp. Säg till om något är fel. Säg vem du vill ska hålla ihop planen.', 'Listen when the chair reads it out. Say so if something is wrong. Say who you want to keep the plan together.'),
    },
    avslutning: {
      purpose: l('Mötet är slut. Ni bestämmer när ni ses igen.', 'The meeting ends. You decide when you meet again.'),
      questions: [
        q('next_meeting', 'Är ett nytt möte bokat?', 'Is a new meeting booked?'),
        q('copy', 'Hur vill du få din plan?', 'How do you want to get your plan?'),
        q('satisfied', 'Är du nöjd med mötet?', 'Are you happy with the meeting?'),
      ],
      during: l('Ni bestämmer när planen följs upp. Du säger hur du vill få planen. Sedan svarar du på tre korta frågor.', 'You decide when the plan is followed up. You say how you want to get the plan. Then you answer three short questions.'),
    },
  },
};

export const UNGDOMAR: Circle = {
  version: 'ungdomar',
  title: l('Ungdomar', 'Young people'),
  audience: l('Dig som mötet handlar om, 13–17 år.', 'You, whom the meeting is about, aged 13–17.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Mötet handlar om dig. Du får säga vem du är först.', 'The meeting is about you. You may say who you are first.'),
      questions: [
        q('about_me', 'Vad vill du att de andra ska veta om dig?', 'What do you want the others to know about you?'),
        q('hope', 'Vad hoppas du på inför mötet?', 'What do you hope for from the meeting?'),
        q('who_with', 'Vem vill du ha med dig? Vill du prata själv en stund?', 'Who do you want with you? Do you want to talk on your own for a while?'),
      ],
      during: l('Ordföranden säger hej och berättar hur mötet går till. Du säger vem du är först, om du vill.', 'The chair says hello and tells you how the meeting works. You say who you are first, if you want to.'),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för dig just nu?', 'What is important to you right now?'),
        q('works_well', 'Vad är bra i skolan, hemma och med kompisar?', 'What is good at school, at home and with friends?'),
        q('works_badly', 'Vad är jobbigt eller fungerar inte?', 'What is hard or does not work?'),
      ],
      during: l('Du börjar och berättar hur du har det. Sedan pratar de vuxna. Det är bra att säga vad du tycker.', 'You start and say how things are for you. Then the adults speak. It is good to say what you think.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp du ska få.', 'This is the biggest part. Here you decide what help you will get.'),
      questions: [
        q('future', 'Hur vill du ha det om ett år?', 'How do you want things to be in a year?'),
        q('needed', 'Vad skulle hjälpa dig?', 'What would help you?'),
        q('short_goal', 'Vad vill du ska bli bättre snart?', 'What do you want to get better soon?'),
        q('myself', 'Vad kan du göra själv?', 'What can you do yourself?'),
        q('help', 'Vem vill du ska hjälpa dig, och när?', 'Who do you want to help you, and when?'),
      ],
      during: l('Säg vad du vill och vad du behöver. Fråga om du inte förstår. Ni bestämmer vem som gör vad.', 'Say what you want and what you need. Ask if you do not understand. You decide together who does what.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som ska göra vad. Det blir din plan.', 'The chair says who will do what. That becomes your plan.'),
      questions: [
        q('understood', 'Förstår du vem som ska göra vad?', 'Do you understand who will do what?'),
        q('sounds_good', 'Känns det bra?', 'Does it feel right?'),
        q('contact', 'Vem säger du till om något inte fungerar?', 'Whom do you tell if something does not work?'),
      ],
      during: l('Lyssna. Säg till om något inte stämmer eller om du inte håller med.', 'Listen. Say so if something is wrong or if you do not agree.'),
    },
    avslutning: {
      purpose: l('Mötet är slut.', 'The meeting ends.'),
      questions: [
        q('next_meeting', 'När ses ni igen?', 'When do you meet again?'),
        q('copy', 'Hur vill du få din plan?', 'How do you want to get your plan?'),
        q('satisfied', 'Var mötet bra för dig?', 'Was the meeting good for you?'),
      ],
      during: l('Ni bestämmer när ni ses igen. Du svarar på tre korta frågor om mötet.', 'You decide when you meet again. You answer three short questions about the meeting.'),
    },
  },
};

export const ALDRE: Circle = {
  version: 'aldre',
  title: l('Äldre', 'Older people'),
  audience: l('Dig som mötet handlar om, 65 år eller äldre.', 'You, whom the meeting is about, aged 65 or over.'),
  plainLanguage: true,
  parts: {
    inledning: {
      purpose: l('Mötet börjar. Du får säga vem du är först.', 'The meeting starts. You may say who you are first.'),
      questions: [
        q('about_me', 'Vad vill du berätta om dig själv?', 'What do you want to tell them about yourself?'),
        q('hope', 'Vad vill du få ut av mötet?', 'What do you want to get out of the meeting?'),
        q('support', 'Vill du ha en närstående med dig? Behöver du hjälp att höra eller se?', 'Do you want a relative with you? Do you need help to hear or see?'),
      ],
      during: l('Ordföranden hälsar välkommen och säger hur länge mötet pågår. Du säger vem du är först.', 'The chair says welcome and says how long the meeting lasts. You say who you are first.'),
    },
    aktuell_situation: {
      purpose: l('Alla berättar hur det är nu.', 'Everyone says how things are now.'),
      questions: [
        q('important', 'Vad är viktigt för dig i vardagen?', 'What is important to you in daily life?'),
        q('works_well', 'Vad fungerar bra hemma?', 'What works well at home?'),
        q('works_badly', 'Vad är svårt just nu?', 'What is hard right now?'),
      ],
      during: l('Du berättar först hur du har det. Sedan berättar de andra. Ta den tid du behöver.', 'You say first how things are for you. Then the others speak. Take the time you need.'),
    },
    behov: {
      purpose: l('Det här är den största delen. Här bestämmer ni vilken hjälp du ska få.', 'This is the biggest part. Here you decide what help you will get.'),
      questions: [
        q('future', 'Hur vill du ha det framöver?', 'How do you want things to be from now on?'),
        q('needed', 'Vad behövs för att du ska klara vardagen?', 'What is needed for you to manage daily life?'),
        q('short_goal', 'Vad vill du ska hända snart?', 'What do you want to happen soon?'),
        q('myself', 'Vad klarar du själv?', 'What can you manage yourself?'),
        q('help', 'Vad behöver du hjälp med? När, hur ofta och av vem?', 'What do you need help with? When, how often and from whom?'),
      ],
      during: l('Berätta vad du vill och behöver. Be dem förklara om du inte förstår. Ni bestämmer vem som gör vad.', 'Say what you want and need. Ask them to explain if you do not understand. You decide together who does what.'),
    },
    sammanfattning: {
      purpose: l('Ordföranden säger vem som gör vad. Det blir din plan.', 'The chair says who does what. That becomes your plan.'),
      questions: [
        q('understood', 'Har du förstått vem som ska göra vad?', 'Have you understood who will do what?'),
        q('sounds_good', 'Låter det bra för dig?', 'Does it sound good to you?'),
        q('contact', 'Vem ringer du om något inte fungerar?', 'Whom do you call if something does not work?'),
      ],
      during: l('Lyssna när ordföranden läser upp. Säg till om något är fel.', 'Listen when the chair reads it out. Say so if something is wrong.'),
    },
    avslutning: {
      purpose: l('Mötet är slut.', 'The meeting ends.'),
      questions: [
        q('next_meeting', 'Är ett nytt möte bokat?', 'Is a new meeting booked?'),
        q('copy', 'Hur vill du få din plan, på papper eller digitalt?', 'How do you want to get your plan, on paper or digitally?'),
        q('satisfied', 'Är du nöjd med mötet?', 'Are you happy with the meeting?'),
      ],
      during: l('Ni bestämmer när ni ses igen och hur du får planen. Sedan svarar du på tre korta frågor.', 'You decide when you meet again and how you get the plan. Then you answer three short questions.'),
    },
  },
};
