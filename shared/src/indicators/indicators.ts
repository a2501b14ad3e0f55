/**
 * The indicators, as data: what each one counts, in words a manager reads beside the figure
 * (Swedish and English), how it is measured and what it waits for. The server computes them
 * from facts (server/src/statistics/indicator-facts.sql.ts) — transitions, calls, meetings,
 * actions and their history, consents — never from the plan's text. There is no national SIP
 * register: these are the platform's own definitions, grounded in the law (SoL 2 kap. 7 §,
 * HSL 16 kap. 4 §, lag 2017:612) and in how SIP is worked.
 *
 * The records live in indicators-process.ts and indicators-outcomes.ts, their shape in
 * indicator-types.ts. Adding an indicator is a record there, its facts SQL on the server and
 * a hand-worked case in test/integration/statistics-indicators.test.ts.
 */
import type { IndicatorDefinition, IndicatorId } from './indicator-types';
import { OUTCOME_INDICATORS } from './indicators-outcomes';
import { PROCESS_INDICATORS } from './indicators-process';

export * from './indicator-types';

/** Every indicator, in the order the dashboard shows them. */
export const INDICATORS: readonly IndicatorDefinition[] = [...PROCESS_INDICATORS, ...OUTCOME_INDICATORS];

export const indicatorById = (id: IndicatorId): IndicatorDefinition => INDICATORS.find((i) => i.id === id)!;
export const AVAILABLE_INDICATOR_IDS = INDICATORS.filter((i) => i.status === 'available').map((i) => i.id);
