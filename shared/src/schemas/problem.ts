import { z } from 'zod';

/**
 * Every error the API returns is an RFC 9457 problem document
 * (`application/problem+json`) with a stable `code` the client can act on.
 */
export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'malformed_compressed_body',
  'incomplete_body',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_content_encoding',
  'unsupported_charset',
  'not_found',
  'route_not_found',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'csrf_invalid',
  'invalid_credentials',
  'sign_in_throttled',
  'rate_limited',
  'conflict',
  'in_use',
  'transition_refused',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const fieldErrorSchema = z.object({
  /** Dotted path into the request, e.g. `body.personnummer` or `query.limit`. */
  path: z.string(),
  message: z.string(),
  /** Machine-readable reason, such as zod's issue code or `checksum`. */
  code: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(PROBLEM_CODES),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  retryAfterSeconds: z.number().int().optional(),
  /** For transition_refused: the guard failures, each with a message in plan-messages. */
  reasons: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
