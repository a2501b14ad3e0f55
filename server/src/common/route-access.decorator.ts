import { SetMetadata } from '@nestjs/common';
import type { SystemRole } from '@sip/shared';

/**
 * Who may reach a route. Every route declares one; a route without a declaration is
 * refused (fail closed). The route-permission snapshot test lists them all.
 *  - public: anyone, signed in or not
 *  - signed-in: any signed-in account
 *  - staff: any signed-in staff account
 *  - roles: staff holding at least one of the roles
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'staff' }
  | { kind: 'roles'; roles: SystemRole[] };

export const ROUTE_ACCESS = 'sip:route-access';

export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, { kind: 'signed-in' } satisfies RouteAccess);
export const StaffOnly = () => SetMetadata(ROUTE_ACCESS, { kind: 'staff' } satisfies RouteAccess);
export const Roles = (...roles: SystemRole[]) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'roles', roles } satisfies RouteAccess);

export function describeRouteAccess(access: RouteAccess | undefined): string {
  if (!access) return 'UNDECLARED (refused)';
  return access.kind === 'roles' ? `roles:${access.roles.join('|')}` : access.kind;
}
