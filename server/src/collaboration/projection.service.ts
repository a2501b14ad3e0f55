import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type * as Y from 'yjs';
import { type SectionName, actionsOrganisationId } from '@sip/shared';
import { contentToJSON } from '@sip/shared/yjs';

const DEBOUNCE_MS = 150;

type Item = Record<string, string | undefined>;
const nullIfEmpty = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/**
 * Turns sections into rows — plan_need, plan_goal, plan_action, plan_other_measure — that
 * follow-up, finalising and statistics read. Debounced per document: a burst of typing
 * becomes one projection shortly after it settles.
 */
@Injectable()
export class ProjectionService implements OnModuleDestroy {
  private readonly logger = new Logger('Projection');
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; run: () => Promise<void> }>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  schedule(docName: string, planId: string, section: SectionName, doc: () => Y.Doc) {
    const existing = this.timers.get(docName);
    if (existing) clearTimeout(existing.timer);
    const run = async () => {
      this.timers.delete(docName);
      const job = this.project(planId, section, contentToJSON(doc(), section)).catch((e) =>
        this.logger.error({ err: { message: (e as Error).message } }, 'Projection failed'),
      );
      this.running.set(docName, job);
      await job;
      this.running.delete(docName);
    };
    this.timers.set(docName, { timer: setTimeout(() => void run(), DEBOUNCE_MS), run });
  }

  /** Runs a plan's pending projections now, e.g. before finalising checks the rows. */
  async flushPlan(planId: string) {
    const prefix = `plan:${planId}:`;
    const pending = [...this.timers.entries()].filter(([name]) => name.startsWith(prefix));
    for (const [, { timer, run }] of pending) {
      clearTimeout(timer);
      await run();
    }
    await Promise.all([...this.running.entries()].filter(([name]) => name.startsWith(prefix)).map(([, p]) => p));
  }

  async project(planId: string, section: SectionName, content: Record<string, unknown>, manager?: EntityManager) {
    const work = async (m: EntityManager) => {
      const list = (field: string) => (Array.isArray(content[field]) ? (content[field] as Item[]) : []);
      if (section === 'shared') {
        await m.query('DELETE FROM plan_need WHERE plan_id = $1', [planId]);
        await m.query('DELETE FROM plan_goal WHERE plan_id = $1', [planId]);
        for (const n of list('needs')) await m.query('INSERT INTO plan_need (plan_id, need_id, text) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [planId, n.id, n.text ?? '']);
        for (const g of list('goals')) await m.query('INSERT INTO plan_goal (plan_id, goal_id, text, term) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [planId, g.id, g.text ?? '', g.term]);
      } else if (section === 'others') {
        await m.query('DELETE FROM plan_other_measure WHERE plan_id = $1', [planId]);
        for (const o of list('measures')) {
          await m.query(
            'INSERT INTO plan_other_measure (plan_id, measure_id, actor, what, when_text, responsible) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
            [planId, o.id, o.actor, o.what, nullIfEmpty(o.when), nullIfEmpty(o.responsible)],
          );
        }
      } else if (section.startsWith('actions:')) {
        const organisationId = actionsOrganisationId(section)!;
        await m.query('DELETE FROM plan_action WHERE plan_id = $1 AND organisation_id = $2', [planId, organisationId]);
        for (const a of list('actions')) {
          await m.query(
            `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, need_id, goal_id, performing_unit_id, responsible_person,
                                      when_text, frequency, start_date, due_date, status, not_done_reason, follow_up_notes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT DO NOTHING`,
            [planId, organisationId, a.id, a.what, nullIfEmpty(a.needId), nullIfEmpty(a.goalId), nullIfEmpty(a.performingUnitId),
             nullIfEmpty(a.responsiblePerson), nullIfEmpty(a.when), nullIfEmpty(a.frequency), nullIfEmpty(a.startDate),
             nullIfEmpty(a.dueDate), a.status, nullIfEmpty(a.notDoneReason), nullIfEmpty(a.followUpNotes)],
          );
        }
      }
    };
    if (manager) return work(manager);
    await this.dataSource.transaction(work);
  }

  onModuleDestroy() {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
  }
}
