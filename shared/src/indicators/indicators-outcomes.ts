import type { IndicatorDefinition } from './indicator-types';

/** Indicators 9–17: the plan's content, follow-up, access, attendance, closings and ratings. */
export const OUTCOME_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'statutory_completeness',
    kind: 'share',
    unit: 'plans',
    status: 'available',
    text: {
      sv: {
        name: 'Lagens krav uppfyllda',
        definition: 'Andel planer som innehåller det lagen kräver (SoL 2 kap. 7 §, HSL 16 kap. 4 §): vilka insatser som behövs, varje huvudmans insatser, andra aktörers åtgärder och vilken huvudman som har det övergripande ansvaret. Räknas på planens rader, inte dess text, när statistiken togs fram.',
        numerator: 'Planer med behov, insatser från varje deltagande huvudman, andras åtgärder och huvudansvarig',
        denominator: 'Planer vars första SIP-möte hölls under perioden',
        event: 'Dagen det första SIP-mötet hölls',
      },
      en: {
        name: 'Statutory content complete',
        definition: 'Share of plans that hold what the law requires (SoL 2:7, HSL 16:4): the needs, each principal’s efforts, others’ measures and which principal has overall responsibility. Counted on the plan’s rows, never its text, when the figures were made.',
        numerator: 'Plans with needs, efforts from every principal taking part, others’ measures and a lead principal',
        denominator: 'Plans whose first SIP meeting was held during the period',
        event: 'The day the first SIP meeting was held',
      },
    },
  },
  {
    id: 'lead_and_coordinator_named',
    kind: 'share',
    unit: 'plans',
    status: 'available',
    text: {
      sv: {
        name: 'Huvudansvarig och samordningsansvarig utsedda',
        definition: 'Andel planer där både den huvudansvariga huvudmannen och en samordningsansvarig är utsedda, när statistiken togs fram.',
        numerator: 'Planer med huvudansvarig huvudman och samordningsansvarig',
        denominator: 'Planer vars första SIP-möte hölls under perioden',
        event: 'Dagen det första SIP-mötet hölls',
      },
      en: {
        name: 'Lead principal and coordinator named',
        definition: 'Share of plans in which both the principal with overall responsibility and a coordinator are named, when the figures were made.',
        numerator: 'Plans with a lead principal and a coordinator',
        denominator: 'Plans whose first SIP meeting was held during the period',
        event: 'The day the first SIP meeting was held',
      },
    },
  },
  {
    id: 'follow_up_date_set',
    kind: 'share',
    unit: 'meetings',
    status: 'available',
    text: {
      sv: {
        name: 'Uppföljningsdatum bestämt vid mötet',
        definition: 'Andel hållna SIP- och uppföljningsmöten efter vilka planen hade ett kommande uppföljningsdatum, satt senast den dag mötet registrerades som hållet.',
        numerator: 'Möten med ett uppföljningsdatum efter mötet',
        denominator: 'Hållna SIP- och uppföljningsmöten',
        event: 'Dagen mötet hölls',
      },
      en: {
        name: 'Follow-up date set at the meeting',
        definition: 'Share of SIP and follow-up meetings held after which the plan had a coming follow-up date, set by the day the meeting was recorded as held.',
        numerator: 'Meetings with a follow-up date after them',
        denominator: 'SIP and follow-up meetings held',
        event: 'The day the meeting was held',
      },
    },
  },
  {
    id: 'follow_ups_on_time',
    kind: 'share',
    unit: 'follow_ups',
    status: 'available',
    text: {
      sv: {
        name: 'Uppföljningar i tid',
        definition: 'Andel uppföljningsdatum där ett uppföljningsmöte hölls senast det datumet. Ett datum som flyttades innan det inträffade räknas inte; inte heller ett i en plan som avslutades dessförinnan.',
        numerator: 'Uppföljningsdatum med ett uppföljningsmöte hållet senast det datumet',
        denominator: 'Uppföljningsdatum under perioden som har inträffat',
        event: 'Uppföljningsdatumet',
      },
      en: {
        name: 'Follow-ups held on time',
        definition: 'Share of follow-up dates by which a follow-up meeting was held. A date moved before it came is not counted, nor one in a plan closed before it.',
        numerator: 'Follow-up dates with a follow-up meeting held by that date',
        denominator: 'Follow-up dates in the period that have come',
        event: 'The follow-up date',
      },
    },
  },
  {
    id: 'actions_done_on_time',
    kind: 'share',
    unit: 'actions',
    status: 'available',
    category: 'principal',
    text: {
      sv: {
        name: 'Insatser klara i tid, per huvudman',
        definition: 'Andel insatser med slutdatum under perioden som markerades klara senast slutdatumet, per ansvarig huvudman. Borttagna insatser räknas inte.',
        numerator: 'Insatser klara senast sitt slutdatum',
        denominator: 'Insatser vars slutdatum under perioden har passerat',
        event: 'Insatsens slutdatum',
      },
      en: {
        name: 'Actions done by their due date, per principal',
        definition: 'Share of actions due during the period that were marked done by their due date, per responsible principal. Removed actions are not counted.',
        numerator: 'Actions done by their due date',
        denominator: 'Actions whose due date in the period has passed',
        event: 'The action’s due date',
      },
    },
  },
  {
    id: 'person_access_to_plan',
    kind: 'share',
    unit: 'plans',
    status: 'available',
    text: {
      sv: {
        name: 'Personen har tillgång till sin plan',
        definition: 'Andel planer fastställda första gången under perioden där det är bestämt hur den enskilde får planen — digitalt eller som kopia.',
        numerator: 'Planer där personen fått planen digitalt eller som kopia',
        denominator: 'Planer fastställda första gången under perioden',
        event: 'Dagen planen fastställdes första gången',
      },
      en: {
        name: 'The person has access to the plan',
        definition: 'Share of plans first finalised during the period for which it is settled how the person gets the plan — digitally or as a copy.',
        numerator: 'Plans the person received digitally or as a copy',
        denominator: 'Plans first finalised during the period',
        event: 'The day the plan was first finalised',
      },
    },
  },
  {
    id: 'called_principals_attending',
    kind: 'share',
    unit: 'calls',
    status: 'available',
    text: {
      sv: {
        name: 'Kallade huvudmän deltog med mandat',
        definition: 'Andel kallade huvudmän (kommun eller region) till SIP- och uppföljningsmöten som hållits där någon deltog för huvudmannen med mandat att besluta om dess insatser. Flera kallelser till samma huvudman inför samma möte räknas en gång.',
        numerator: 'Kallelser där huvudmannen deltog med mandat',
        denominator: 'Kallelser till huvudmän inför möten hållna under perioden',
        event: 'Dagen mötet hölls',
      },
      en: {
        name: 'Called principals attending with a mandate',
        definition: 'Share of principals (municipality or region) called to SIP and follow-up meetings held at which someone took part for the principal with a mandate to decide on its efforts. Several calls to the same principal for the same meeting count once.',
        numerator: 'Calls after which the principal took part with a mandate',
        denominator: 'Calls to principals for meetings held during the period',
        event: 'The day the meeting was held',
      },
    },
  },
  {
    id: 'closings',
    kind: 'count',
    unit: 'closings',
    status: 'available',
    category: 'closing_reason',
    text: {
      sv: {
        name: 'Avslutade planer per orsak',
        definition: 'Planer som avslutades under perioden, per orsak. Återkallat samtycke visas som en egen orsak.',
        denominator: 'Avslutade planer',
        event: 'Dagen planen avslutades',
      },
      en: {
        name: 'Closings by reason',
        definition: 'Plans closed during the period, by reason. Consent withdrawn is a reason of its own.',
        denominator: 'Plans closed',
        event: 'The day the plan was closed',
      },
    },
  },
  {
    id: 'person_rating',
    kind: 'share',
    unit: 'evaluations',
    status: 'available',
    text: {
      sv: {
        name: 'Personens egen bedömning efter mötet',
        definition: 'Andel utvärderingar från den enskildes sida (personen, närstående, vårdnadshavare) efter hållna möten med ja på alla tre frågorna: nöjd med mötet, förstår vem som gör vad, vet vem hen ska kontakta. Visas bara över minst fem svar.',
        numerator: 'Utvärderingar med ja på alla tre frågorna',
        denominator: 'Utvärderingar från den enskildes sida efter möten hållna under perioden',
        event: 'Dagen mötet hölls',
      },
      en: {
        name: 'The person’s own rating after meetings',
        definition: 'Share of evaluations from the person’s side (the person, relatives, guardians) after meetings held with yes to all three questions: satisfied with the meeting, understands who does what, knows whom to contact. Shown only over five answers or more.',
        numerator: 'Evaluations with yes to all three questions',
        denominator: 'Evaluations from the person’s side after meetings held during the period',
        event: 'The day the meeting was held',
      },
    },
  },
];
