import type { IndicatorDefinition } from './indicator-types';

/** Indicators 1–8: the process from initiation to the meeting (counts, times, participation). */
export const PROCESS_INDICATORS: readonly IndicatorDefinition[] = [
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
];
