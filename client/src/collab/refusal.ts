import { type CollabErrorCode, type SectionName, sectionFields, sectionSchema } from '@sip/shared';
import { itemTextLimit } from './limits';

/** A piece of text the user wrote that the server does not have. */
export interface LostText {
  field: string;
  /** For a list: the item's position (0-based) and the property. */
  index?: number;
  property?: string;
  text: string;
}

/** Why the server refused, as far as the client can tell from what it sent. */
export type RefusalReason = { kind: 'tooLong'; max: number } | { kind: 'tooMany'; max: number } | { kind: 'code'; code: CollabErrorCode };

/**
 * What the local copy held (`before`, the section's JSON just before it was reset) that the
 * server's copy (`after`) lacks, limited to the fields edited here since the last save:
 * others' changes this copy had not yet received are not the user's loss.
 */
export function lostText(section: SectionName, before: Record<string, unknown>, after: Record<string, unknown>, edited: ReadonlySet<string>): LostText[] {
  const lost: LostText[] = [];
  for (const [field, kind] of Object.entries(sectionFields(section))) {
    if (!edited.has(field)) continue;
    const mine = before[field];
    if (kind === 'rich') {
      if (typeof mine === 'string' && mine.trim() && mine !== after[field]) lost.push({ field, text: mine });
      continue;
    }
    if (!Array.isArray(mine)) continue;
    const theirs = new Map((Array.isArray(after[field]) ? (after[field] as Record<string, unknown>[]) : []).map((item) => [item?.id, item]));
    mine.forEach((item: Record<string, unknown>, index) => {
      if (!item || typeof item !== 'object') return;
      const stored = theirs.get(item.id);
      for (const [property, value] of Object.entries(item)) {
        if (itemTextLimit(property) === undefined || typeof value !== 'string' || !value.trim()) continue;
        if (stored?.[property] !== value) lost.push({ field, index, property, text: value });
      }
    });
  }
  return lost;
}

/**
 * The reason for a refusal in terms the user can act on: for a schema violation, the first
 * limit the local content broke (checked with the same schema the server uses).
 */
export function explainRefusal(section: SectionName, before: Record<string, unknown>, code: CollabErrorCode): RefusalReason {
  if (code === 'schema_violation') {
    const check = sectionSchema(section).safeParse(before);
    const issue = check.success ? undefined : check.error.issues.find((i) => i.code === 'too_big');
    if (issue && issue.code === 'too_big') {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { kind: 'tooLong', max };
      if (issue.origin === 'array') return { kind: 'tooMany', max };
    }
  }
  return { kind: 'code', code };
}
