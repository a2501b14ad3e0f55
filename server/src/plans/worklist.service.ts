import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NEXT_STEP, type PlanState, type PlanTrigger, type Worklist, type WorklistQuery, dischargeDeadlineStatus } from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../jobs/clock';

interface WorklistRow {
  id: string;
  name: string;
  birth_date: string;
  state: PlanState;
  trigger: PlanTrigger;
  next_meeting_at: Date | null;
  discharge_call_due_at: Date | null;
  first_call_at: Date | null;
  updated_at: Date;
  total: string;
}

/** "Min arbetslista": the plans the actor reaches, scoped in SQL by the same policy as the plan page. */
@Injectable()
export class WorklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async worklist(actor: Actor, query: WorklistQuery): Promise<Worklist> {
    // The plan columns come with the reachable set: each plan is read once. Without the closed
    // plans, those are left out of the candidates already (openOnly).
    const reachable = this.access.reachableSql(actor, ', p.person_id, p.state, p.trigger, p.next_meeting_at, p.discharge_call_due_at, p.first_call_at, p.updated_at', {
      openOnly: !query.includeClosed,
    });
    const n = reachable.params.length;
    // Order and page over plan columns alone; the person's name is joined for the page only.
    const rows: WorklistRow[] = await this.dataSource.query(
      `WITH reachable AS (${reachable.sql}),
       page AS (
         SELECT p.*, count(*) OVER () AS total
           FROM reachable p
          WHERE ($${n + 1}::boolean OR p.state <> 'avslutad')
            AND ($${n + 2}::text IS NULL OR p.state = $${n + 2})
          ORDER BY (p.discharge_call_due_at IS NOT NULL AND p.first_call_at IS NULL) DESC,
                   p.next_meeting_at NULLS LAST, p.updated_at DESC, p.id
          LIMIT $${n + 3} OFFSET $${n + 4})
       SELECT page.*, pe.name, pe.birth_date FROM page JOIN person pe ON pe.id = page.person_id
        ORDER BY (page.discharge_call_due_at IS NOT NULL AND page.first_call_at IS NULL) DESC,
                 page.next_meeting_at NULLS LAST, page.updated_at DESC, page.id`,
      [...reachable.params, query.includeClosed ?? false, query.state ?? null, query.limit, query.offset],
    );
    const now = this.clock.now();
    const items = rows.map((r) => {
      const dischargeStatus = dischargeDeadlineStatus(r.discharge_call_due_at, r.first_call_at, now);
      const meetingPassed = r.state === 'kallad' && r.next_meeting_at !== null && r.next_meeting_at < now;
      return {
        id: r.id,
        personName: r.name,
        personBirthDate: r.birth_date,
        state: r.state,
        nextStep: NEXT_STEP[r.state],
        trigger: r.trigger,
        nextMeetingAt: r.next_meeting_at?.toISOString() ?? null,
        dischargeStatus,
        dischargeDueAt: r.discharge_call_due_at?.toISOString() ?? null,
        // A closed plan waits for nothing: never "Försenad".
        overdue: r.state !== 'avslutad' && (dischargeStatus === 'missed' || meetingPassed),
        updatedAt: r.updated_at.toISOString(),
      };
    });
    if (items.length) {
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'worklist', details: { planIds: items.map((i) => i.id) } });
    }
    return { items, total: rows[0] ? Number(rows[0].total) : 0 };
  }
}
