import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type CollabCommentEvent, type NewComment, type PlanComment, type SectionName, documentName, parseSectionName } from '@sip/shared';
import { AuditService } from '../audit/audit.service';
import { type Actor, auditRole } from '../auth/actor';
import { SectionAccessService } from '../access/section-access.service';
import { CollaborationService } from '../collaboration/collaboration.service';
import { conflict, forbidden, notFound } from '../common/problem.exception';

interface CommentRow {
  id: string;
  section: string;
  author_id: string;
  author_name: string;
  body: string | null;
  created_at: Date;
  removed_at: Date | null;
}

const toComment = (r: CommentRow): PlanComment => ({
  id: r.id,
  section: r.section,
  author: { id: r.author_id, name: r.author_name },
  body: r.body,
  createdAt: r.created_at.toISOString(),
  removedAt: r.removed_at ? r.removed_at.toISOString() : null,
});

const SELECT = `SELECT c.id, c.section, c.author_id, a.display_name AS author_name, c.body, c.created_at, c.removed_at
                  FROM plan_comment c JOIN account a ON a.id = c.author_id`;

/**
 * A comment thread per section. Whoever may read a section may comment on it until the plan
 * closes (relatives included: they comment, never edit). Each new or removed comment is
 * pushed at once to everyone who has the section open, on every instance.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SectionAccessService,
    private readonly audit: AuditService,
    private readonly collaboration: CollaborationService,
  ) {}

  /** The comments of every section the actor may read, oldest first. */
  async list(actor: Actor, planId: string): Promise<PlanComment[]> {
    const rows: CommentRow[] = await this.dataSource.query(`${SELECT} WHERE c.plan_id = $1 ORDER BY c.created_at, c.id`, [planId]);
    const sections = [...new Set(rows.map((r) => r.section))].map(parseSectionName).filter((s): s is SectionName => s !== null);
    const access = await this.access.sectionsAccess(actor, planId, sections);
    const readable = rows.filter((r) => access.get(r.section as SectionName)?.read);
    await this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action: 'plan.comment.read',
      targetType: 'plan',
      targetId: planId,
      planId,
      details: { sections: [...new Set(readable.map((r) => r.section))] },
    });
    return readable.map(toComment);
  }

  async add(actor: Actor, planId: string, input: NewComment): Promise<PlanComment> {
    const section = parseSectionName(input.section)!;
    await this.requireComment(actor, planId, section);
    return this.change(actor, planId, section, 'plan.comment.add', async (m) => {
      const [{ id }] = await m.query(`INSERT INTO plan_comment (plan_id, section, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id`, [
        planId,
        section,
        actor.accountId,
        input.body,
      ]);
      return id;
    });
  }

  /** The author removes their own comment: who wrote when stays, the words go. */
  async remove(actor: Actor, planId: string, commentId: string): Promise<PlanComment> {
    const [existing]: CommentRow[] = await this.dataSource.query(`${SELECT} WHERE c.id = $1 AND c.plan_id = $2`, [commentId, planId]);
    const section = existing ? parseSectionName(existing.section) : null;
    if (!existing || !section) throw notFound();
    await this.requireComment(actor, planId, section);
    if (existing.author_id !== actor.accountId) throw forbidden();
    if (existing.removed_at) throw conflict('The comment is already removed');
    return this.change(actor, planId, section, 'plan.comment.remove', async (m) => {
      await m.query(`UPDATE plan_comment SET body = NULL, removed_at = now() WHERE id = $1 AND removed_at IS NULL`, [commentId]);
      return commentId;
    });
  }

  /** Writes, audits (in the same transaction) and pushes the comment to the section's room. */
  private async change(actor: Actor, planId: string, section: SectionName, action: 'plan.comment.add' | 'plan.comment.remove', write: (m: EntityManager) => Promise<string>) {
    const comment = await this.dataSource.transaction(async (m) => {
      const id = await write(m);
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action, targetType: 'comment', targetId: id, planId, details: { section } }, m);
      const [row] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
      return toComment(row);
    });
    const doc = documentName(planId, section);
    this.collaboration.notifySection(doc, 'comment', { doc, comment } satisfies CollabCommentEvent);
    return comment;
  }

  /** 404 for a section the actor cannot read (as for a plan out of reach); 403 once closed. */
  private async requireComment(actor: Actor, planId: string, section: SectionName) {
    const access = (await this.access.sectionsAccess(actor, planId, [section])).get(section)!;
    if (!access.read) throw notFound();
    if (!access.comment) throw forbidden();
  }
}
