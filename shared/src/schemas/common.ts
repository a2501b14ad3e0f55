import { z } from 'zod';

export const uuidSchema = z.uuid();
export const idParamSchema = z.object({ id: z.uuid() });
export type IdParam = z.infer<typeof idParamSchema>;

/** A trimmed, non-empty line of text with a sensible upper bound. */
export const nameSchema = (max = 200) => z.string().trim().min(1).max(max);

/** Years a plan can sensibly name; also keeps dates within what PostgreSQL stores. */
export const YEAR_RANGE = { min: 1900, max: 2199 } as const;
const yearInRange = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
};
const outOfRange = { message: `The year must be between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`, params: { reason: 'year_out_of_range' } };

export const isoDateSchema = z.iso.date().refine(yearInRange, outOfRange);
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).refine(yearInRange, outOfRange);
