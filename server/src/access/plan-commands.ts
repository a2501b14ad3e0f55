import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, PlanAccessChangeReason, PlanCapability, PlanChange, PlanSection, PlanState } from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { PlanAccessEvents } from './plan-access-events';
import { type PlanAccess, PlanAccessService } from './plan-access.service';

export interface PlanCommandContext {
  m: EntityManager;
  access: PlanAccess;
  /** Appends an audit row for this plan, in the command's transaction. */
  audit(action: AuditAction, target: { type: string; id?: string | null }, details?: Record<string, unknown>): Promise<void>;
  /** Declares that this command changes who reaches the plan or what they may do in it. */
  accessChanged(reason: PlanAccessChangeReason): void;
}

export type CommandNeed = { section?: PlanSection; capability?: PlanCapability };

/**
 * Every write to a plan goes through here: one transaction, the plan row locked (so that
 * commands on one plan run one at a time and a right withdrawn meanwhile is honoured), the
 * access check inside the transaction, audit in the same transaction, and — after commit —
 * the access-changed event. The event cannot be forgotten: besides the reasons a command
 * declares, the plan's access facts (participants, relatives, consents, open calls, state,
 * child secrecy) are compared before and after, and any undeclared change is announced too.
 */
@Injectable()
export class PlanCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly audits: AuditService,
    private readonly events: PlanAccessEvents,
  ) {}

  async run<T>(actor: Actor, planId: string, need: CommandNeed, work: (ctx: PlanCommandContext) => Promise<T>): Promise<T> {
    const reasons = new Set<PlanAccessChangeReason>();
    const result = await this.dataSource.transaction(async (m) => {
      // The plan first, always: the copies of its facts on its calls and participations (their
      // triggers read the plan FOR SHARE; a plan update rewrites them) then never wait in a circle.
      await m.query('SELECT 1 FROM plan WHERE id = $1 FOR UPDATE', [planId]);
      const access = await this.access.require(actor, planId, need, m);
      const before = await accessFingerprint(m, planId);
      const out = await work({
        m,
        access,
        audit: (action, target, details) =>
          this.audits.append({ actorId: actor.accountId, actorRole: auditRole(actor), action, targetType: target.type, targetId: target.id ?? null, planId, details }, m),
        accessChanged: (reason) => reasons.add(reason),
      });
      if (!reasons.size && (await accessFingerprint(m, planId)) !== before) reasons.add('plan_changed');
      return out;
    });
    // One event per command, with its first declared reason: every listener re-checks the
    // whole plan anyway, and two events raced across instances, so a socket could be told the
    // consequence (state_changed) rather than the cause (consent_withdrawn).
    const [reason] = reasons;
    if (reason) await this.events.planChanged({ planId, reason });
    return result;
  }

  /**
   * As `run`, answering with what the command changed and the plan's state after it — a
   * write answers with its change, never with the whole plan (which is a read of its own).
   */
  change(actor: Actor, planId: string, need: CommandNeed, work: (ctx: PlanCommandContext) => Promise<Changed>): Promise<PlanChange> {
    return this.run(actor, planId, need, async (ctx) => {
      const changed = await work(ctx);
      const [{ state }]: { state: PlanState }[] = await ctx.m.query('SELECT state FROM plan WHERE id = $1', [planId]);
      return { planId, state, changed };
    });
  }
}

/** What a command created or changed, for its answer. */
export type Changed = PlanChange['changed'];

/** A digest of everything the access policy reads about one plan. */
async function accessFingerprint(m: EntityManager, planId: string): Promise<string> {
  const [row] = await m.query(
    `SELECT md5(concat_ws('|',
              (SELECT p.state || ':' || p.child_secrecy FROM plan p WHERE p.id = $1),
              (SELECT string_agg(pp.id || ':' || pp.role || ':' || coalesce(pp.account_id::text, '') || ':' || (pp.removed_at IS NULL), ',' ORDER BY pp.id)
                 FROM plan_participant pp WHERE pp.plan_id = $1),
              (SELECT string_agg(c.id || ':' || coalesce(c.withdrawn_at::text, '') || ':' || c.valid_from || ':' || coalesce(c.valid_to::text, '') || ':' || array_to_string(c.scope_organisation_ids, ';'), ',' ORDER BY c.id)
                 FROM consent c WHERE c.plan_id = $1),
              (SELECT string_agg(pc.id || ':' || coalesce(pc.unit_id::text, '') || ':' || (pc.acknowledged_at IS NULL), ',' ORDER BY pc.id)
                 FROM plan_call pc WHERE pc.plan_id = $1))) AS digest`,
    [planId],
  );
  return row.digest;
}
