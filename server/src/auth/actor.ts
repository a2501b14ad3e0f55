import type { AccountKind, SystemRole } from '@sip/shared';

/** Who is making the request, as established by their session. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  kind: AccountKind;
  systemRoles: SystemRole[];
  unitIds: string[];
  organisationIds: string[];
}

/** The role label written into audit rows. */
export function auditRole(actor: Actor | null | undefined): string | null {
  if (!actor) return null;
  return actor.kind === 'staff' ? actor.systemRoles.join('+') || 'staff' : 'citizen';
}
