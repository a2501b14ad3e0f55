// Over 350 lines on purpose: seventeen indicator records in two languages, read as one list.
/**
 * The indicators, as data: what each one counts, in words a manager reads beside the figure
 * (Swedish and English), how it is measured and what it waits for. The server computes them
 * from facts (server/src/statistics/indicator-facts.sql.ts) — transitions, calls, meetings,
 * actions and their history, consents — never from the plan's text. There is no national SIP
 * register: these are the platform's own definitions, grounded in the law (SoL 2 kap. 7 §,
 * HSL 16 kap. 4 §, lag 2017:612) and in how SIP is worked.
 *
 * Longer than our usual file on purpose: seventeen records of data with their definitions in
 * two languages, read as one list (the dashboard, the CSV and the tests all walk it).
 *
 * Adding an indicator is a record here, its facts SQL on the server and a hand-worked case in
 * test/integration/statistics-indicators.test.ts.
 */

export const INDICATOR_IDS = [
  'active_plans',
  'new_plans',
  'days_initiation_to_call',
  'discharge_call_in_time',
  'days_call_to_meeting',
  'person_participation',
  'child_view_recorded',
  'relatives_took_part',
  'statutory_completeness',
  'lead_and_coordinator_named',
  'follow_up_date_set',
  'follow_ups_on_time',
  'actions_done_on_time',
  'person_access_to_plan',
  'called_principals_attending',
  'closings',
  'person_rating',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** count: a number of cases; share: numerator among denominator; median: the middle value among cases. */
export type IndicatorKind = 'count' | 'share' | 'median';
/** What a count or a denominator counts; shares are shown in percent, medians in days. */
export type IndicatorUnit = 'plans' | 'meetings' | 'actions' | 'follow_ups' | 'closings' | 'calls' | 'evaluations' | 'days';
/** 'not_yet_available': defined and shown with its definition; its facts are not stored yet. */
export type IndicatorStatus = 'available' | 'not_yet_available';
/** A breakdown of its own, always shown with the indicator. */
export type IndicatorCategory = 'closing_reason' | 'principal';

export interface IndicatorText {
  name: string;
  definition: string;
  /** Share: what is counted among the denominator. Median: the value whose median is shown. */
  numerator?: string;
  /** Share: the cases. Median: the cases measured. Count: what is counted. */
  denominator: string;
  /** The date that places a case in a month and gives the person's age. */
  event: string;
}

export interface IndicatorDefinition {
  id: IndicatorId;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  status: IndicatorStatus;
  /**
   * A stock (plans open at the end of each month) is not a sum over months: a period shows
   * its last month, and the months of a trend do not add up to it.
   */
  stock?: boolean;
  category?: IndicatorCategory;
  /** For indicators not yet available: which facts they wait for. */
  awaits?: { sv: string; en: string };
  text: { sv: IndicatorText; en: IndicatorText };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'active_plans',
    kind: 'count',
    unit: 'plans',
    status: 'available',
    stock: true,
    text: {
      sv: {
        name: 'Pågående planer',
        definition: 'Planer som var öppna (påbörjade och inte avslutade) den sista dagen i perioden. I trenden: den sista dagen i varje månad.',
        denominator: 'Planer som påbörjats och inte avslutats den dagen',
        event: 'Dagen planen påbörjades (ålder)',
      },
      en: {
        name: 'Active plans',
        definition: 'Plans open (started and not closed) on the last day of the period. In the trend: on the last day of each month.',
        denominator: 'Plans started and not closed by that day',
        event: 'The day the plan was started (age)',
      },
    },
  },
  {
    id: 'new_plans',
    kind: 'count',
    unit: 'plans',
    status: 'available',
    text: {
      sv: { name: 'Nya planer', definition: 'Planer som påbörjades under perioden.', denominator: 'Påbörjade planer', event: 'Dagen planen påbörjades' },
      en: { name: 'New plans', definition: 'Plans started during the period.', denominator: 'Plans started', event: 'The day the plan was started' },
    },
  },
  {
    id: 'days_initiation_to_call',
    kind: 'median',
    unit: 'days',
    status: 'available',
    text: {
      sv: {
        name: 'Dagar från initiering till kallelse',
        definition: 'Median av antalet kalenderdagar från att planen påbörjades till att den första kallelsen eller inbjudan skickades, för planer vars första kallelse skickades under perioden.',
        numerator: 'Kalenderdagar från påbörjad plan till första kallelsen',
        denominator: 'Planer vars första kallelse skickades under perioden',
        event: 'Dagen den första kallelsen skickades',
      },
      en: {
        name: 'Days from initiation to call',
        definition: 'Median number of calendar days from the start of the plan to the first call or invitation sent, for plans whose first call was sent during the period.',
        numerator: 'Calendar days from the plan’s start to its first call',
        denominator: 'Plans whose first call was sent during the period',
        event: 'The day the first call was sent',
      },
    },
  },
  {
    id: 'discharge_call_in_time',
    kind: 'share',
    unit: 'plans',
    status: 'available',
    text: {
      sv: {
        name: 'Kallelse inom tre dagar vid utskrivning',
        definition: 'Andel SIP vid utskrivning (lag 2017:612) där kallelsen skickades senast vid tidsgränsen — tre dagar efter att patienten bedömdes utskrivningsklar, eller det antal dagar länet har bestämt.',
        numerator: 'Planer vars första kallelse skickades senast vid tidsgränsen',
        denominator: 'SIP vid utskrivning vars tidsgräns infaller under perioden och har passerats eller mötts',
        event: 'Tidsgränsen för kallelsen',
      },
      en: {
        name: 'Discharge calls within three days',
        definition: 'Share of discharge SIPs (Act 2017:612) whose call was sent by the deadline — three days after the patient was declared ready for discharge, or the number of days the county has set.',
        numerator: 'Plans whose first call was sent by the deadline',
        denominator: 'Discharge SIPs whose deadline falls in the period and has passed or been met',
        event: 'The call’s deadline',
      },
    },
  },
  {
    id: 'days_call_to_meeting',
    kind: 'median',
    unit: 'days',
    status: 'available',
    text: {
      sv: {
        name: 'Dagar från kallelse till första mötet',
        definition: 'Median av antalet kalenderdagar från den första kallelsen till det första hållna SIP-mötet, för planer vars första SIP-möte hölls under perioden.',
        numerator: 'Kalenderdagar från första kallelsen till första hållna SIP-mötet',
        denominator: 'Planer vars första SIP-möte hölls under perioden',
        event: 'Dagen det första SIP-mötet hölls',
      },
      en: {
        name: 'Days from call to first meeting',
        definition: 'Median number of calendar days from the first call to the first SIP meeting held, for plans whose first SIP meeting was held during the period.',
        numerator: 'Calendar days from the first call to the first SIP meeting held',
        denominator: 'Plans whose first SIP meeting was held during the period',
        event: 'The day the first SIP meeting was held',
      },
    },
  },
  {
    id: 'person_participation',
    kind: 'share',
    unit: 'meetings',
    status: 'available',
    text: {
      sv: {
        name: 'Personen deltog och egna mål finns',
        definition: 'Andel hållna SIP- och uppföljningsmöten där den enskilde deltog och hade egna mål skrivna i sin del av planen (Min del) senast den dag mötet hölls.',
        numerator: 'Möten där personen deltog och egna mål fanns',
        denominator: 'Hållna SIP- och uppföljningsmöten',
        event: 'Dagen mötet hölls',
      },
      en: {
        name: 'The person took part, own goals recorded',
        definition: 'Share of SIP and follow-up meetings held at which the person took part and had goals of their own written in their part of the plan by the day of the meeting.',
        numerator: 'Meetings at which the person took part and had own goals recorded',
        denominator: 'SIP and follow-up meetings held',
        event: 'The day the meeting was held',
      },
    },
  },
  {
    id: 'child_view_recorded',
    kind: 'share',
    unit: 'plans',
    status: 'available',
    text: {
      sv: {
        name: 'Barnets åsikt dokumenterad',
        definition: 'Andel planer för barn (under 18 år) där barnets egen åsikt var dokumenterad senast den dag det första SIP-mötet hölls.',
        numerator: 'Planer där barnets åsikt var dokumenterad',
        denominator: 'Planer för barn vars första SIP-möte hölls under perioden',
        event: 'Dagen det första SIP-mötet hölls',
      },
      en: {
        name: 'The child’s view recorded',
        definition: 'Share of plans for children (under 18) in which the child’s own view was recorded by the day the first SIP meeting was held.',
        numerator: 'Plans with the child’s view recorded',
        denominator: 'Plans for children whose first SIP meeting was held during the period',
        event: 'The day the first SIP meeting was held',
      },
    },
  },
  {
    id: 'relatives_took_part',
    kind: 'share',
    unit: 'meetings',
    status: 'available',
    text: {
      sv: {
        name: 'Närstående deltog',
        definition: 'Andel hållna SIP- och uppföljningsmöten där närstående deltog.',
        numerator: 'Möten där närstående deltog',
        denominator: 'Hållna SIP- och uppföljningsmöten',
        event: 'Dagen mötet hölls',
      },
      en: {
        name: 'Relatives took part',
        definition: 'Share of SIP and follow-up meetings held at which relatives took part.',
        numerator: 'Meetings at which relatives took part',
        denominator: 'SIP and follow-up meetings held',
        event: 'The day the meeting was held',
      },
    },
  },
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

export const indicatorById = (id: IndicatorId): IndicatorDefinition => INDICATORS.find((i) => i.id === id)!;
export const AVAILABLE_INDICATOR_IDS = INDICATORS.filter((i) => i.status === 'available').map((i) => i.id);
