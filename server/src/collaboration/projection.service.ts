import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type * as Y from 'yjs';
import { type ProjectionKind, type SectionName, actionsOrganisationId, documentName, sectionKind, sectionSchema } from '@sip/shared';
import { contentToJSON } from '@sip/shared/yjs';
import type { ActionChange } from './action-changes';

const DEBOUNCE_MS = 150;

type Item = Record<string, string | undefined>;
const nullIfEmpty = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/** One status or due-date change of an action, with who made it and when. */
export type ActionHistoryEntry = ActionChange & { actorId: string; at: Date };

type Projector = (m: EntityManager, planId: string, section: SectionName, content: Record<string, unknown>, history: ActionHistoryEntry[]) => Promise<void>;

/** The fields each kind of projection reads: an update touching none of them changes no row. */
const PROJECTED_FIELDS: Record<ProjectionKind, readonly string[]> = {
  needs_and_goals: ['needs', 'goals'],
  actions: ['actions'],
  other_measures: ['measures'],
  person_goals: ['longTermGoal', 'shortTermGoals'],
  child_view: ['childView'],
};

const list = (content: Record<string, unknown>, field: string) => (Array.isArray(content[field]) ? (content[field] as Item[]) : []);

/**
 * Turns sections into rows — plan_need, plan_goal, plan_action (with plan_action_history),
 * plan_other_measure — that follow-up, finalising and statistics read, never Yjs bytes.
 * Debounced per document: a burst of typing becomes one projection shortly after it
 * settles. Which rows a section projects into is its registry record's `projection`.
 */
@Injectable()
export class ProjectionService implements OnModuleDestroy {
  private readonly logger = new Logger('Projection');
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; run: () => Promise<void> }>();
  private readonly running = new Map<string, Promise<void>>();
  /** Action changes waiting for their document's next projection. */
  private readonly history = new Map<string, ActionHistoryEntry[]>();

  private readonly projectors: Record<ProjectionKind, Projector> = {
    needs_and_goals: async (m, planId, _section, content) => {
      await m.query('DELETE FROM plan_need WHERE plan_id = $1', [planId]);
      await m.query('DELETE FROM plan_goal WHERE plan_id = $1', [planId]);
      for (const n of list(content, 'needs')) await m.query('INSERT INTO plan_need (plan_id, need_id, text) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [planId, n.id, n.text ?? '']);
      for (const g of list(content, 'goals')) await m.query('INSERT INTO plan_goal (plan_id, goal_id, text, term) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [planId, g.id, g.text ?? '', g.term]);
    },
    other_measures: async (m, planId, _section, content) => {
      await m.query('DELETE FROM plan_other_measure WHERE plan_id = $1', [planId]);
      for (const o of list(content, 'measures')) {
        await m.query(
          'INSERT INTO plan_other_measure (plan_id, measure_id, actor, what, when_text, responsible) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
          [planId, o.id, o.actor, o.what, nullIfEmpty(o.when), nullIfEmpty(o.responsible)],
        );
      }
    },
    actions: (m, planId, section, content, history) => this.projectActions(m, planId, actionsOrganisationId(section)!, content, history),
    // Statistics need to know that the person's own goals and the child's view were recorded,
    // and since when (the last stored edit: the seed writes its edits at their own times).
    // The long-term goal and the child's view are written here only; their text is kept on the
    // plan for the preparation, the kallelse and the plan page.
    person_goals: async (m, planId, section, content) => {
      await m.query('UPDATE plan SET long_term_goal = $2 WHERE id = $1', [planId, plainOrNull(content.longTermGoal)]);
      await recordedFact(m, planId, section, 'person_goals', hasText(content.longTermGoal) || hasText(content.shortTermGoals));
    },
    child_view: async (m, planId, section, content) => {
      // The fact first: plan's own trigger on child_view (from when it was a form field) would
      // otherwise stamp it with the plan's last update instead of the edit's time.
      await recordedFact(m, planId, section, 'child_view', hasText(content.childView));
      await m.query('UPDATE plan SET child_view = $2 WHERE id = $1', [planId, plainOrNull(content.childView)]);
    },
  };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether an update that touched these roots (null: any) can change the section's rows. */
  affects(section: SectionName, touched: ReadonlySet<string> | null): boolean {
    const kind = sectionKind(section).projection;
    if (!kind) return false;
    return touched === null || PROJECTED_FIELDS[kind].some((f) => touched.has(f));
  }

  schedule(docName: string, planId: string, section: SectionName, doc: () => Y.Doc, history: ActionHistoryEntry[] = []) {
    if (history.length) this.history.set(docName, [...(this.history.get(docName) ?? []), ...history]);
    const existing = this.timers.get(docName);
    if (existing) clearTimeout(existing.timer);
    let attempts = 0;
    const run = async () => {
      this.timers.delete(docName);
      const content = contentToJSON(doc(), section);
      // The copy is read when the timer fires: an update being refused may be in it for a
      // moment, until the reload puts the copy back. Rows only ever hold valid content: try
      // again shortly (the stored state this run is for is valid).
      if (!sectionSchema(section).safeParse(content).success) {
        if (++attempts <= 40 && !this.timers.has(docName)) this.timers.set(docName, { timer: setTimeout(run, DEBOUNCE_MS), run });
        else if (attempts > 40) this.logger.warn({ docName }, 'Projection skipped: the section does not validate');
        return;
      }
      const pending = this.history.get(docName) ?? [];
      this.history.delete(docName);
      const job = this.project(planId, section, content, undefined, pending).catch((e) => {
        // Keep the changes for the next run rather than lose who did what.
        this.history.set(docName, [...pending, ...(this.history.get(docName) ?? [])]);
        this.logger.error({ err: { message: (e as Error).message } }, 'Projection failed');
      });
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

  async project(planId: string, section: SectionName, content: Record<string, unknown>, manager?: EntityManager, history: ActionHistoryEntry[] = []) {
    const kind = sectionKind(section).projection;
    if (!kind) return;
    const work = (m: EntityManager) => this.projectors[kind](m, planId, section, content, history);
    if (manager) return work(manager);
    await this.dataSource.transaction(work);
  }

  /**
   * Actions are kept by their stable id: upserted, and marked removed rather than deleted,
   * so their history stays readable. Each change is recorded with its author and time.
   */
  private async projectActions(m: EntityManager, planId: string, organisationId: string, content: Record<string, unknown>, history: ActionHistoryEntry[]) {
    // The plan row first, as the plan's commands lock it: the triggers keeping the plan's
    // summary of open actions write it after the action rows, and two writers taking the two
    // in opposite order could deadlock.
    await m.query('SELECT 1 FROM plan WHERE id = $1 FOR NO KEY UPDATE', [planId]);
    const actions = list(content, 'actions');
    for (const a of actions) {
      await m.query(
        `INSERT INTO plan_action (plan_id, organisation_id, action_id, what, need_id, goal_id, performer, performing_unit_id, responsible_person,
                                  when_text, frequency, start_date, due_date, status, not_done_reason, follow_up_notes, done_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, CASE WHEN $14 = 'done' THEN now() END)
         ON CONFLICT (plan_id, organisation_id, action_id) DO UPDATE SET
           what = excluded.what, need_id = excluded.need_id, goal_id = excluded.goal_id, performer = excluded.performer,
           performing_unit_id = excluded.performing_unit_id, responsible_person = excluded.responsible_person,
           when_text = excluded.when_text, frequency = excluded.frequency, start_date = excluded.start_date,
           due_date = excluded.due_date, status = excluded.status, not_done_reason = excluded.not_done_reason,
           follow_up_notes = excluded.follow_up_notes, removed_at = NULL, projected_at = now(),
           done_at = CASE WHEN excluded.status <> 'done' THEN NULL
                          WHEN plan_action.status = 'done' AND plan_action.removed_at IS NULL THEN plan_action.done_at
                          ELSE now() END`,
        [planId, organisationId, a.id, a.what, nullIfEmpty(a.needId), nullIfEmpty(a.goalId), nullIfEmpty(a.performer), nullIfEmpty(a.performingUnitId),
         nullIfEmpty(a.responsiblePerson), nullIfEmpty(a.when), nullIfEmpty(a.frequency), nullIfEmpty(a.startDate),
         nullIfEmpty(a.dueDate), a.status, nullIfEmpty(a.notDoneReason), nullIfEmpty(a.followUpNotes)],
      );
    }
    await m.query(
      `UPDATE plan_action SET removed_at = now() WHERE plan_id = $1 AND organisation_id = $2 AND removed_at IS NULL AND NOT (action_id = ANY($3))`,
      [planId, organisationId, actions.map((a) => a.id)],
    );
    for (const h of history) {
      await m.query(
        `INSERT INTO plan_action_history (plan_id, organisation_id, action_id, change, from_value, to_value, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [planId, organisationId, h.actionId, h.change, h.from, h.to, h.actorId, h.at],
      );
    }
  }

  onModuleDestroy() {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
  }
}

const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const plainOrNull = (v: unknown) => (hasText(v) ? (v as string).trim() : null);

/** The first time the fact held is kept; emptying the field later does not undo that it was recorded. */
async function recordedFact(m: EntityManager, planId: string, section: SectionName, fact: 'person_goals' | 'child_view', holds: boolean) {
  if (!holds) return;
  await m.query(
    `INSERT INTO plan_content_fact (plan_id, fact, recorded_at)
     SELECT $1, $2, coalesce((SELECT max(at) FROM doc_update WHERE doc_name = $3), now())
     ON CONFLICT DO NOTHING`,
    [planId, fact, documentName(planId, section)],
  );
}
