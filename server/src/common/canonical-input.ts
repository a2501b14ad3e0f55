import type { FieldError } from '@sip/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 control characters other than tab, line feed and carriage return: PostgreSQL refuses
// NUL in text, and none of them belongs in anything a person writes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Input as the server stores and compares it, before any schema sees it: ids in lower case
 * (zod accepts an upper-case uuid, and ids are compared as strings — in rooms, document
 * names, access rechecks), and no control characters in any text. Returns the canonical
 * value, or the fields that carry a control character.
 */
export function canonicalInput(value: unknown, part: string): { value: unknown } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (CONTROL.test(v)) errors.push({ path, code: 'control_character', message: 'Text may not contain control characters' });
      return UUID.test(v) ? v.toLowerCase() : v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}.${i}`));
    if (v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, `${path}.${k}`)]));
    }
    return v;
  };
  const canonical = walk(value, part);
  return errors.length ? { errors: errors.slice(0, 20) } : { value: canonical };
}
