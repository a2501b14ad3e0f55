import { z } from 'zod';
import { ACCOUNT_KINDS, ORGANISATION_KINDS, SYSTEM_ROLES } from '../domain/directory';
import { MIN_PASSWORD_LENGTH } from '../domain/session';

export const signInRequestSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(100),
    password: z.string().min(1).max(256),
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  title: z.string().nullable(),
  systemRoles: z.array(z.enum(SYSTEM_ROLES)),
  units: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      organisationKind: z.enum(ORGANISATION_KINDS),
    }),
  ),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** What GET /api/auth/session and a successful sign-in answer. */
export const sessionInfoSchema = z.object({
  /** Send this back in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
  user: currentUserSchema.nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(256);
