import type { SystemRole } from '@sip/shared';

type UserRoles = { kind: string; systemRoles: readonly SystemRole[] };

/** A manager who is not also a practitioner works in no plan: the worklist has nothing for them. */
export const isManagerOnly = (user: UserRoles) =>
  user.kind === 'staff' && user.systemRoles.includes('manager') && !user.systemRoles.includes('practitioner');

export const isManager = (user: UserRoles) => user.kind === 'staff' && user.systemRoles.includes('manager');

/** An administrator who is not also a practitioner: their work is the admin area. */
export const isAdminOnly = (user: UserRoles) => user.systemRoles.includes('admin') && !user.systemRoles.includes('practitioner');
