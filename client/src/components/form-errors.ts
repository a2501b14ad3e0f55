import type { z } from 'zod';
import type { FieldError, FieldIssue } from '@sip/shared';

/** What is wrong, per field: the key is the field's path without array indexes (`newAccount.username`). */
export type FieldErrors = Record<string, FieldIssue>;

const fieldKey = (path: readonly PropertyKey[]) => path.filter((p) => typeof p !== 'number').map(String).join('.');

/** The first issue per field, from the client's own check; zod's issues carry their bounds ("at least 10"). */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // An unknown key is named by the object it is in; there is no field of its own to mark.
    const key = issue.code === 'unrecognized_keys' ? fieldKey([...issue.path, ...issue.keys.slice(0, 1)]) : fieldKey(issue.path);
    const i = issue as z.core.$ZodIssue & Partial<FieldIssue> & { params?: { reason?: string } };
    // A field left empty (read as undefined) is "required", not "a value of the wrong type".
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    errors[key] ??= { code: i.params?.reason ?? (missing ? 'required' : issue.code), origin: i.origin, minimum: i.minimum, maximum: i.maximum, format: i.format };
  }
  return errors;
}

/** The server's field errors (`body.username`, `query.to`), keyed like the form's own. */
export function errorsFromFieldErrors(fieldErrors: readonly FieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of fieldErrors) {
    errors[fieldKey(e.path.split('.').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p)))] ??= { code: e.code };
  }
  return errors;
}
