import { SetMetadata } from '@nestjs/common';
import type { PlanCapability, PlanSection } from '@sip/shared';

/**
 * What a plan route needs from the access policy for the plan in its `:id` parameter:
 * just to reach it, to read a section, or a capability. PlanAccessGuard enforces it before
 * the handler runs (404 when the plan is out of reach, 403 when the need is not met); the
 * services check again inside their transactions. The route snapshot lists these.
 */
export type PlanNeed = { reach: true } | { section: PlanSection } | { capability: PlanCapability };

export const PLAN_NEED = 'sip:plan-need';
export const PlanNeeds = (need: PlanNeed) => SetMetadata(PLAN_NEED, need);

export function describePlanNeed(need: PlanNeed | undefined): string {
  if (!need) return '';
  if ('capability' in need) return ` plan:can:${need.capability}`;
  if ('section' in need) return ` plan:read:${need.section}`;
  return ' plan:reach';
}
