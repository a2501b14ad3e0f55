import { z } from 'zod';

/** A frozen plan version: the plan as agreed when a meeting was held or the plan finalised. */
export const planVersionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  reason: z.enum(['meeting', 'finalised']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type PlanVersionSummary = z.infer<typeof planVersionSummarySchema>;

/** One version's sections (their JSON form), only those the reader may read today. */
export const planVersionSchema = z.object({
  number: z.number().int(),
  reason: z.enum(['meeting', 'finalised']),
  createdAt: z.string(),
  sections: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const versionChangeSchema = z.object({
  id: z.string(),
  section: z.string(),
  kind: z.enum(['action', 'goal']),
  change: z.enum(['added', 'changed', 'removed']),
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type VersionChange = z.infer<typeof versionChangeSchema>;

export const versionComparisonSchema = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(versionChangeSchema) });
export type VersionComparison = z.infer<typeof versionComparisonSchema>;
