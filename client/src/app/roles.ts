import type { SystemRole } from '@sip/shared';

/** A manager who is not also a practitioner works in no plan: the worklist has nothing for them. */
export const isManagerOnly = (user: { kind: string; systemRoles: readonly SystemRole[] }) =>
  user.kind === 'staff' && user.systemRoles.includes('manager') && !user.systemRoles.includes('practitioner');

export const isManager = (user: { kind: string; systemRoles: readonly SystemRole[] }) => user.kind === 'staff' && user.systemRoles.includes('manager');
