import { type Problem, problemSchema } from '@sip/shared';

/**
 * The server's problem document, checked by its shared schema. In a module of its own, loaded
 * when an error arrives: the schema library is not part of the first load, which every
 * page — the person's on a slow phone above all — waits for before it paints.
 */
export function parseProblem(data: unknown, status: number, statusText: string): Problem {
  const parsed = problemSchema.safeParse(data);
  return parsed.success ? parsed.data : { type: 'about:blank', title: 'Error', status, code: 'internal_error', detail: statusText };
}
