import { z } from 'zod';

export const uuidSchema = z.uuid();
export const idParamSchema = z.object({ id: z.uuid() });
export type IdParam = z.infer<typeof idParamSchema>;

/** A trimmed, non-empty line of text with a sensible upper bound. */
export const nameSchema = (max = 200) => z.string().trim().min(1).max(max);

export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
