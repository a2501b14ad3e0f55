import { z } from 'zod';
import { BREAKDOWNS, MAX_BREAKDOWNS } from '../indicators/dimensions';
import { INDICATOR_IDS } from '../indicators/indicators';
import { MAX_PERIOD_MONTHS, MONTH_PATTERN, PERIOD_KINDS, monthsBetween } from '../indicators/periods';
import { STATISTICS_SCOPE_LEVELS } from '../indicators/statistics-policy';

const month = z.string().regex(MONTH_PATTERN, 'YYYY-MM');

/** `GET /api/statistics` and its CSV: one view, whole months, up to two breakdowns. */
export const statisticsQuerySchema = z
  .object({
    /** A view key from /api/statistics/views (o:<organisation> or c:<county>); default: the first. */
    view: z.string().regex(/^(o:[0-9a-f-]{36}|c:\d{2})$/).optional(),
    period: z.enum(PERIOD_KINDS).default('year'),
    from: month,
    to: month,
    /** Comma-separated, e.g. `sex,age`; empty for none. */
    breakdown: z
      .string()
      .max(60)
      .default('sex')
      .transform((s, ctx) => {
        const list = s.split(',').map((b) => b.trim()).filter(Boolean);
        if (list.length > MAX_BREAKDOWNS || new Set(list).size !== list.length || list.some((b) => !(BREAKDOWNS as readonly string[]).includes(b))) {
          ctx.addIssue({ code: 'custom', message: `Up to ${MAX_BREAKDOWNS} different of: ${BREAKDOWNS.join(', ')}` });
          return z.NEVER;
        }
        if (list.includes('age') && list.includes('ageFine')) {
          ctx.addIssue({ code: 'custom', message: 'Choose one of age and ageFine' });
          return z.NEVER;
        }
        return list as (typeof BREAKDOWNS)[number][];
      }),
    lang: z.enum(['sv', 'en']).default('sv'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Ends before it starts' })
  .refine((q) => monthsBetween(q.from, q.to) <= MAX_PERIOD_MONTHS, { path: ['from'], message: `At most ${MAX_PERIOD_MONTHS} months` });
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export const statisticsViewSchema = z.object({
  key: z.string(),
  kind: z.enum(['organisation', 'county']),
  name: z.string(),
  /** The units this view covers (a unit manager's own), or every unit of the organisation. */
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const statisticsViewsSchema = z.object({
  level: z.enum(STATISTICS_SCOPE_LEVELS),
  views: z.array(statisticsViewSchema),
  threshold: z.number().int(),
  refreshedAt: z.string().nullable(),
});
export type StatisticsViews = z.infer<typeof statisticsViewsSchema>;

/**
 * One figure. shown: value (a count, a share 0–1, or a median in days) and n (the cases);
 * small: 1 to threshold − 1 cases ("<5"; a share or median over them is not shown);
 * hidden: withheld so that a small figure elsewhere cannot be worked out (".."); none: no cases.
 */
export const statisticsCellSchema = z.object({
  status: z.enum(['shown', 'small', 'hidden', 'none']),
  value: z.number().nullable(),
  n: z.number().int().nullable(),
});
export type StatisticsCell = z.infer<typeof statisticsCellSchema>;

export const statisticsGroupSchema = z.object({ key: z.string(), label: z.string().nullable() });

export const indicatorResultSchema = z.object({
  id: z.enum(INDICATOR_IDS),
  status: z.enum(['available', 'not_yet_available']),
  total: statisticsCellSchema.nullable(),
  /** Rows by the first breakdown; each row's cells by the second (empty with one breakdown). */
  rows: z.array(z.object({ key: z.string(), total: statisticsCellSchema, cells: z.array(statisticsCellSchema) })),
  /** Column totals by the second breakdown. */
  columns: z.array(statisticsCellSchema),
  trend: z.array(z.object({ month: z.string(), cell: statisticsCellSchema })),
  /** The indicator's own breakdown (closing reasons, principals). */
  categories: z.array(z.object({ key: z.string(), label: z.string().nullable(), cell: statisticsCellSchema })),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

export const statisticsResultSchema = z.object({
  view: statisticsViewSchema,
  period: z.enum(PERIOD_KINDS),
  from: z.string(),
  to: z.string(),
  breakdown: z.array(z.enum(BREAKDOWNS)),
  /** The groups of each breakdown, in order (labels for units, organisations and counties). */
  rowGroups: z.array(statisticsGroupSchema),
  columnGroups: z.array(statisticsGroupSchema),
  threshold: z.number().int(),
  refreshedAt: z.string().nullable(),
  indicators: z.array(indicatorResultSchema),
});
export type StatisticsResult = z.infer<typeof statisticsResultSchema>;
