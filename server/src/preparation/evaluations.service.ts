import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  EVALUATION_GROUPS,
  EVALUATION_MIN_ANSWERS,
  EVALUATION_QUESTIONS,
  EVALUATION_SCALE,
  type EvaluationSummary,
  type MeetingEvaluation,
  addStockholmDays,
  stockholmDate,
  stockholmDateTime,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { PlanCommands } from '../access/plan-commands';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../jobs/clock';
import { loadMeetingPlace, meetingRefused } from './meeting-place';

/**
 * After the meeting each participant — the person first — answers three short questions.
 * Stored once per participant and meeting; shown only as counts over many meetings, and a
 * group with fewer than five answers shows none (so no single meeting, and nobody's answer,
 * can be read off).
 */
@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly commands: PlanCommands,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor, planId: string, meetingId: string): Promise<{ answered: boolean; may: boolean }> {
    const m = this.dataSource.manager;
    const access = await this.access.require(actor, planId, { section: 'meetings' });
    const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
    const [row] = await m.query('SELECT 1 FROM meeting_evaluation WHERE meeting_id = $1 AND account_id = $2', [meetingId, actor.accountId]);
    // A read of the plan's meeting, however small: in the person's "who has read my plan".
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.read', targetType: 'meeting', targetId: meetingId, planId });
    return { answered: Boolean(row), may: place.rights.evaluate && place.meeting.status === 'held' && !row };
  }

  async answer(actor: Actor, planId: string, meetingId: string, input: MeetingEvaluation): Promise<{ answered: true }> {
    return this.commands.run(actor, planId, { section: 'meetings' }, async ({ m, access, audit }) => {
      const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
      if (!place.rights.evaluate) throw meetingRefused('evaluate', ['not_a_meeting_participant'], 403);
      if (place.meeting.status !== 'held') throw meetingRefused('evaluate', ['meeting_not_held']);
      const rows: unknown[] = await m.query(
        `INSERT INTO meeting_evaluation (meeting_id, account_id, plan_id, respondent, satisfied, understood, knows_contact, comment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (meeting_id, account_id) DO NOTHING RETURNING 1`,
        [meetingId, actor.accountId, planId, actor.kind === 'staff' ? 'staff' : 'person_side', input.satisfied, input.understood, input.knows_contact, input.comment?.trim() || null, this.clock.now()],
      );
      if (!rows.length) throw meetingRefused('evaluate', ['already_evaluated']);
      // Neither the answers nor the comment: only that it was given.
      await audit('plan.meeting.evaluation', { type: 'meeting', id: meetingId });
      return { answered: true as const };
    });
  }

  /**
   * Counts over the meetings of the plans the actor's organisations take part in (all, for
   * the admin), by who answered — the person's side first, then staff. Only answers given in
   * whole past months (Stockholm) count: a live count would let someone who sat in a meeting
   * read the person's answer off the difference before and after it was given.
   */
  async summary(actor: Actor): Promise<EvaluationSummary> {
    const all = actor.systemRoles.includes('admin');
    const monthStart = stockholmDateTime(`${this.clock.today().slice(0, 7)}-01`, '00:00');
    const through = stockholmDate(addStockholmDays(monthStart, -1));
    const inScope = `(e.created_at < $3) AND ($1 OR p.initiating_organisation_id = ANY($2::uuid[])
         OR EXISTS (SELECT 1 FROM plan_participant pp WHERE pp.plan_id = p.id AND pp.organisation_id = ANY($2::uuid[])))`;
    const rows: { respondent: string; question: string; answer: string; n: number }[] = await this.dataSource.query(
      `WITH scope AS (SELECT e.* FROM meeting_evaluation e JOIN plan p ON p.id = e.plan_id WHERE ${inScope})
       SELECT respondent, q.question, q.answer, count(*)::int AS n
         FROM scope CROSS JOIN LATERAL (VALUES ('satisfied', satisfied), ('understood', understood), ('knows_contact', knows_contact)) q(question, answer)
        GROUP BY respondent, q.question, q.answer`,
      [all, actor.organisationIds, monthStart],
    );
    const [{ meetings, answers }]: { meetings: number; answers: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT e.meeting_id)::int AS meetings, count(*)::int AS answers FROM meeting_evaluation e JOIN plan p ON p.id = e.plan_id WHERE ${inScope}`,
      [all, actor.organisationIds, monthStart],
    );
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'meeting.evaluation.summary' });
    const groups = EVALUATION_GROUPS.map((group) => {
      const mine = rows.filter((r) => r.respondent === group);
      // Every answer holds all three questions: the count of one question is the group's answers.
      const n = mine.filter((r) => r.question === 'satisfied').reduce((a, r) => a + r.n, 0);
      const suppressed = n < EVALUATION_MIN_ANSWERS;
      const counts = suppressed
        ? null
        : (Object.fromEntries(
            EVALUATION_QUESTIONS.map((q) => [q, Object.fromEntries(EVALUATION_SCALE.map((a) => [a, mine.find((r) => r.question === q && r.answer === a)?.n ?? 0]))]),
          ) as NonNullable<EvaluationSummary['groups'][number]['counts']>);
      return { group, answers: suppressed ? 0 : n, suppressed, counts };
    });
    // The totals only when no group is hidden: else total minus the groups shown is the hidden one.
    const shown = answers >= EVALUATION_MIN_ANSWERS && groups.every((g) => !g.suppressed || !rows.some((r) => r.respondent === g.group));
    return { through, meetings: shown ? meetings : 0, answers: shown ? answers : 0, groups };
  }
}
