import { type Circle, l, q } from './versions';

/** The chair's circle: how to lead each part. */
export const ORDFORANDE: Circle = {
  version: 'ordforande',
  title: l('Ordförande', 'Chair'),
  audience: l('Den som leder mötet – personal eller personen själv.', 'Whoever leads the meeting — staff, or the person themselves.'),
  plainLanguage: false,
  parts: {
    inledning: {
      purpose: l(
        'Du leder mötet. Inledningen ger ramen och tryggheten: alla vet varför de är där, hur länge mötet pågår och hur det som sägs hanteras.',
        'You lead the meeting. The introduction gives the frame and a sense of safety: everyone knows why they are there, how long the meeting lasts and how what is said is handled.',
      ),
      questions: [
        q('purpose', 'Vad är mötets syfte, och vilka frågeställningar ska besvaras?', 'What is the purpose of the meeting, and which questions must be answered?'),
        q('note_taker', 'Vem antecknar, och hur får personen ta del av anteckningarna?', 'Who takes notes, and how will the person see them?'),
        q('consent', 'Vilket samtycke finns, och vad omfattar det?', 'What consent is there, and what does it cover?'),
        q('time', 'Hur lång tid har vi, och hur fördelar jag den mellan delarna?', 'How much time do we have, and how do I share it between the parts?'),
        q('person_first', 'Hur gör jag det lätt för personen att presentera sig först?', 'How do I make it easy for the person to present themselves first?'),
      ],
      during: l(
        'Hälsa välkommen. Låt personen presentera sig först, sedan övriga. Säg vem som antecknar, mötets syfte och frågeställningar, hur lång tid mötet tar och vad samtycke och sekretess innebär.',
        'Welcome everyone. Let the person present themselves first, then the others. Say who takes notes, the purpose and the questions of the meeting, how long it takes and what consent and secrecy mean.',
      ),
    },
    aktuell_situation: {
      purpose: l('Alla får beskriva hur de ser på situationen just nu, också det som fungerar.', 'Everyone describes how they see the situation now, including what works.'),
      questions: [
        q('everyone_heard', 'Hur ser jag till att alla kommer till tals, personen först?', 'How do I make sure everyone is heard, the person first?'),
        q('what_works', 'Hur lyfter jag fram det som fungerar bra?', 'How do I bring out what works well?'),
        q('keep_short', 'Hur håller jag delen kort, så att tiden räcker till behoven?', 'How do I keep this part short, so that there is time for the needs?'),
      ],
      during: l(
        'Ge ordet till personen först, sedan till var och en. Be om korta beskrivningar: vad är viktigt, vad fungerar, vad fungerar mindre bra. Spara lösningarna till nästa del.',
        'Give the floor to the person first, then to each of the others. Ask for short descriptions: what matters, what works, what works less well. Keep solutions for the next part.',
      ),
    },
    behov: {
      purpose: l(
        'Mötets största del. Här bestäms vilka behov som finns, vilka mål som gäller och vem som gör vad.',
        'The largest part of the meeting. Here the needs, the goals and who does what are decided.',
      ),
      questions: [
        q('goals', 'Hur hjälper jag gruppen att formulera konkreta mål på lång och kort sikt?', 'How do I help the group set concrete long- and short-term goals?'),
        q('who_does_what', 'Hur får jag fram vem som gör vad, när och hur ofta?', 'How do I get to who does what, when and how often?'),
        q('jargon', 'Vilka ord och förkortningar kan behöva förklaras?', 'Which words and abbreviations may need explaining?'),
        q('person_leads', 'Hur ser jag till att personens egna önskemål styr?', 'How do I make sure the person’s own wishes lead?'),
      ],
      during: l(
        'Gå igenom frågeställningarna en i taget och bocka av dem. Låt personen säga vad hen vill och behöver. Skriv in behov, mål och insatser i planen. Be om en förklaring när någon använder fackord.',
        'Go through the questions one at a time and tick them off. Let the person say what they want and need. Write the needs, goals and actions into the plan. Ask for an explanation when someone uses jargon.',
      ),
    },
    sammanfattning: {
      purpose: l('Du sammanfattar vem som gör vad. Det blir planen.', 'You sum up who does what. This becomes the plan.'),
      questions: [
        q('read_back', 'Hur läser jag upp insatserna så att alla förstår?', 'How do I read the actions back so that everyone understands?'),
        q('disagreements', 'Hur skriver vi ner det vi inte är överens om?', 'How do we write down what we disagree on?'),
        q('lead', 'Vem kan bli huvudansvarig huvudman och samordningsansvarig, och vad tycker personen?', 'Who could be the lead principal and the coordinator, and what does the person think?'),
      ],
      during: l(
        'Läs upp vem som gör vad, huvudman för huvudman. Skriv ner det ni inte är överens om. Utse huvudansvarig huvudman och samordningsansvarig – fråga personen vad hen föredrar.',
        'Read back who does what, principal by principal. Write down what you disagree on. Appoint the lead principal and the coordinator — ask the person what they prefer.',
      ),
    },
    avslutning: {
      purpose: l(
        'Mötet avslutas när uppföljningen, huvudansvaret och planens väg till personen är bestämda.',
        'The meeting ends once the follow-up, the lead responsibility and the way the plan reaches the person are decided.',
      ),
      questions: [
        q('follow_up', 'När ska planen följas upp, och bokar vi ett nytt möte nu?', 'When is the plan followed up, and do we book a new meeting now?'),
        q('copy', 'Hur får personen planen – digitalt eller som kopia?', 'How does the person get the plan — digitally or as a copy?'),
        q('feedback', 'Hur ber jag deltagarna om synpunkter på mötet?', 'How do I ask the participants what they thought of the meeting?'),
      ],
      during: l(
        'Bestäm datum för uppföljning eller boka ett uppföljningsmöte. Bestäm hur personen får planen. Tacka alla och be dem svara på tre korta frågor om mötet.',
        'Set the follow-up date or book a follow-up meeting. Decide how the person gets the plan. Thank everyone and ask them to answer three short questions about the meeting.',
      ),
    },
  },
};

/** Staff of a principal or another organisation taking part. */
export const PERSONAL: Circle = {
  version: 'personal',
  title: l('Personal', 'Staff'),
  audience: l('Personal från kommun, region och andra verksamheter som deltar.', 'Staff from the kommun, the region and other organisations taking part.'),
  plainLanguage: false,
  parts: {
    inledning: {
      purpose: l('Du deltar för din verksamhet. Förbered en kort presentation.', 'You take part for your organisation. Prepare a short presentation.'),
      questions: [
        q('who_am_i', 'Vem är jag, och vilken roll har jag?', 'Who am I, and what is my role?'),
        q('my_organisation', 'Vilken verksamhet företräder jag, och vad kan den bidra med?', 'Which organisation do I represent, and what can it contribute?'),
        q('my_contact', 'Vilken kontakt har jag haft med personen?', 'What contact have I had with the person?'),
        q('mandate', 'Har jag mandat att besluta om insatser på mötet?', 'Do I have the mandate to decide on actions at the meeting?'),
      ],
      during: l(
        'Presentera dig kort efter personen: namn, verksamhet och din kontakt med personen. Säg om du har mandat att besluta.',
        'Present yourself briefly after the person: name, organisation and your contact with the person. Say whether you have the mandate to decide.',
      ),
    },
    aktuell_situation: {
      purpose: l('Beskriv kort hur din verksamhet ser på situationen.', 'Describe briefly how your organisation sees the situation.'),
      questions: [
        q('important', 'Vad är viktigt för personen, som jag ser det?', 'What matters to the person, as I see it?'),
        q('works_well', 'Vad fungerar bra just nu?', 'What works well right now?'),
        q('works_badly', 'Vad fungerar mindre bra?', 'What works less well?'),
      ],
      during: l(
        'Lyssna på personen först. Beskriv sedan kort din verksamhets bild, också det som fungerar. Undvik fackord.',
        'Listen to the person first. Then describe your organisation’s view briefly, including what works. Avoid jargon.',
      ),
    },
    behov: {
      purpose: l('Här kommer ni överens om insatser. Var konkret om vad din verksamhet kan göra.', 'Here you agree on actions. Be concrete about what your organisation can do.'),
      questions: [
        q('needs_seen', 'Vilka behov ser min verksamhet?', 'What needs does my organisation see?'),
        q('what_we_do', 'Vad kan min verksamhet göra – vilken insats?', 'What can my organisation do — which action?'),
        q('when_where', 'När, hur ofta och var sker insatsen?', 'When, how often and where does the action take place?'),
        q('performer', 'Vem utför insatsen?', 'Who performs the action?'),
        q('from_others', 'Vad behöver jag av de andra för att insatsen ska fungera?', 'What do I need from the others for the action to work?'),
      ],
      during: l(
        'Föreslå konkreta insatser med tid, frekvens, plats och utförare, och skriv in dem i din verksamhets del av planen. Förklara fackord.',
        'Propose concrete actions with time, frequency, place and performer, and write them into your organisation’s part of the plan. Explain jargon.',
      ),
    },
    sammanfattning: {
      purpose: l('Kontrollera att det som står om din verksamhet stämmer.', 'Check that what is said about your organisation is right.'),
      questions: [
        q('correct', 'Stämmer det som läses upp om min verksamhet?', 'Is what is read back about my organisation right?'),
        q('disagreements', 'Vad är vi inte överens om?', 'What do we disagree on?'),
        q('lead', 'Kan min verksamhet ta huvudansvar eller samordningsansvar?', 'Could my organisation take the lead or the coordination?'),
      ],
      during: l(
        'Lyssna när ordföranden läser upp. Rätta det som inte stämmer. Säg till om du inte är överens – det skrivs ner.',
        'Listen while the chair reads back. Correct what is wrong. Say so if you disagree — it is written down.',
      ),
    },
    avslutning: {
      purpose: l('Se till att uppföljningen är bestämd och att personen vet hur hen når dig.', 'Make sure the follow-up is set and that the person knows how to reach you.'),
      questions: [
        q('follow_up', 'När följs insatserna upp, och vem kallar?', 'When are the actions followed up, and who calls the meeting?'),
        q('contact', 'Hur når personen mig?', 'How does the person reach me?'),
        q('bring_back', 'Vad tar jag med mig tillbaka till min verksamhet?', 'What do I take back to my organisation?'),
      ],
      during: l(
        'Kontrollera datum för uppföljning. Ge personen dina kontaktuppgifter. Svara på de tre frågorna om mötet.',
        'Check the follow-up date. Give the person your contact details. Answer the three questions about the meeting.',
      ),
    },
  },
};
