import type { FieldError, Language, ProblemCode } from '@sip/shared';

/** Thrown anywhere in the server to answer with a problem document of this code. */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly options: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      detail?: string | ((language: Language) => string);
      reasons?: string[];
    } = {},
  ) {
    super(code);
    this.name = 'ProblemException';
  }
}

export const notFound = () => new ProblemException(404, 'not_found');
export const forbidden = () => new ProblemException(403, 'forbidden');
/** `errors` names the field that conflicts, so that a form can say so beside it. */
export const conflict = (detail?: string, errors?: FieldError[]) => new ProblemException(409, 'conflict', { detail, errors });
export const inUse = (detail?: string) => new ProblemException(409, 'in_use', { detail });
export const validationFailed = (errors: FieldError[]) =>
  new ProblemException(400, 'validation_failed', { errors });
