import { ITEM_TEXT_LIMITS, type ItemTextProperty } from '@sip/shared';

/** From this share of a limit on, the editors show how much room is left. */
export const COUNTER_FROM = 0.9;

/** The schema's limit for a list item's text property; undefined for ids, dates and choices. */
export function itemTextLimit(property: string): number | undefined {
  return Object.hasOwn(ITEM_TEXT_LIMITS, property) ? ITEM_TEXT_LIMITS[property as ItemTextProperty] : undefined;
}

export const showCounter = (length: number, max: number) => length >= Math.floor(max * COUNTER_FROM);

export interface Fitted {
  /** The field's new value: the text around the selection with as much inserted as fits. */
  value: string;
  /** Where the caret goes: just after what was inserted. */
  caret: number;
  /** What did not fit ('' when everything did). */
  overflow: string;
}

/**
 * Inserts text in place of the selection [start, end) as far as `max` allows. The cut never
 * splits a surrogate pair (an emoji would turn into a broken character); the length is
 * counted in UTF-16 units, as the schema counts it.
 */
export function fitInsertion(value: string, start: number, end: number, inserted: string, max: number): Fitted {
  const before = value.slice(0, start);
  const after = value.slice(end);
  let room = Math.max(0, max - before.length - after.length);
  if (inserted.length <= room) return { value: before + inserted + after, caret: before.length + inserted.length, overflow: '' };
  if (room > 0 && isHighSurrogate(inserted.charCodeAt(room - 1))) room -= 1;
  const kept = inserted.slice(0, room);
  return { value: before + kept + after, caret: before.length + kept.length, overflow: inserted.slice(room) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
