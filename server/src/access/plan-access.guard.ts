import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { uuidSchema } from '@sip/shared';
import type { RequestWithSession } from '../auth/current-actor.decorator';
import { PLAN_NEED, type PlanNeed } from './plan-needs.decorator';
import { PlanAccessService } from './plan-access.service';

@Injectable()
export class PlanAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: PlanAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const need = this.reflector.get<PlanNeed | undefined>(PLAN_NEED, context.getHandler());
    if (!need || context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const planId = request.params?.id as string | undefined;
    // A malformed id is the validation pipe's to answer (400), after the guards.
    if (!uuidSchema.safeParse(planId).success || !request.sip?.actor) return true;
    await this.access.require(request.sip.actor, planId!, 'reach' in need ? {} : need);
    return true;
  }
}
