import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { type PlanVersion, type PlanVersionSummary, type SectionName, type VersionChange, type VersionComparison, parseDocumentName } from '@sip/shared';
import { contentToJSON } from '@sip/shared/yjs';
import { PlanAccessService } from '../access/plan-access.service';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { SectionAccessService } from '../access/section-access.service';
import { DocumentStore } from '../collaboration/document-store';
import { notFound, validationFailed } from '../common/problem.exception';

type Content = Record<string, Record<string, unknown>>;

/**
 * The plan as agreed: when a meeting is recorded or the plan is finalised, every section
 * is frozen into an immutable plan_version (its JSON and its Yjs state). Readers see only
 * the sections they may read today.
 */
@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly planAccess: PlanAccessService,
    private readonly collabAccess: SectionAccessService,
    private readonly audit: AuditService,
  ) {}

  async freeze(m: EntityManager, planId: string, reason: 'finalised' | 'meeting', actorId: string): Promise<number> {
    const names: { doc_name: string }[] = await m.query(
      `SELECT doc_name FROM doc_update WHERE doc_name LIKE $1 UNION SELECT doc_name FROM doc_snapshot WHERE doc_name LIKE $1`,
      [`plan:${planId}:%`],
    );
    const content: Content = {};
    const states: Record<string, string> = {};
    for (const { doc_name } of names) {
      const parsed = parseDocumentName(doc_name);
      if (!parsed) continue;
      const { doc } = await this.store.load(doc_name);
      content[parsed.section] = contentToJSON(doc, parsed.section);
      states[parsed.section] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      doc.destroy();
    }
    const [{ next }] = await m.query('SELECT coalesce(max(version_no), 0) + 1 AS next FROM plan_version WHERE plan_id = $1', [planId]);
    await m.query(
      `INSERT INTO plan_version (plan_id, version_no, reason, content, states, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, next, reason, JSON.stringify(content), JSON.stringify(states), actorId],
    );
    return Number(next);
  }

  async list(actor: Actor, planId: string): Promise<PlanVersionSummary[]> {
    await this.planAccess.require(actor, planId);
    const rows = await this.dataSource.query(
      `SELECT v.id, v.version_no, v.reason, v.created_at, a.display_name FROM plan_version v LEFT JOIN account a ON a.id = v.created_by
        WHERE v.plan_id = $1 ORDER BY v.version_no`,
      [planId],
    );
    return rows.map((r: Record<string, never>) => ({ id: r.id, number: r.version_no, reason: r.reason, createdAt: new Date(r.created_at).toISOString(), createdBy: r.display_name }));
  }

  /** A version's sections, limited to those the reader may read. */
  async read(actor: Actor, planId: string, versionId: string): Promise<PlanVersion> {
    await this.planAccess.require(actor, planId);
    const [row] = await this.dataSource.query('SELECT version_no, reason, content, created_at FROM plan_version WHERE id = $1 AND plan_id = $2', [versionId, planId]);
    if (!row) throw notFound();
    const sections = await this.readable(actor, planId, row.content);
    await this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action: 'plan.version.read',
      targetType: 'plan_version',
      targetId: versionId,
      planId,
      details: { version: row.version_no, sections: Object.keys(sections) },
    });
    return { number: row.version_no, reason: row.reason, createdAt: new Date(row.created_at).toISOString(), sections };
  }

  private async readable(actor: Actor, planId: string, content: Content): Promise<Content> {
    const access = await this.collabAccess.sectionsAccess(actor, planId, Object.keys(content) as SectionName[]);
    return Object.fromEntries(Object.entries(content).filter(([section]) => access.get(section as SectionName)?.read));
  }

  /** Actions and goals added, changed and removed between two versions. */
  async compare(actor: Actor, planId: string, fromId: string, toId: string): Promise<VersionComparison> {
    const [from, to] = await Promise.all([this.read(actor, planId, fromId), this.read(actor, planId, toId)]);
    if (from.number >= to.number) throw validationFailed([{ path: 'query.to', code: 'not_later', message: 'Compare an earlier version with a later one' }]);
    const items = (v: { sections: Content }) => {
      const map = new Map<string, { section: string; kind: 'action' | 'goal'; value: Record<string, unknown> }>();
      for (const [section, content] of Object.entries(v.sections)) {
        if (section.startsWith('actions:')) for (const a of (content.actions as { id: string }[] | undefined) ?? []) map.set(`${section}/${a.id}`, { section, kind: 'action', value: a });
        if (section === 'shared') for (const g of (content.goals as { id: string }[]) ?? []) map.set(`shared/${g.id}`, { section, kind: 'goal', value: g });
      }
      return map;
    };
    const before = items(from);
    const after = items(to);
    const changes: VersionChange[] = [];
    for (const [key, a] of after) {
      const b = before.get(key);
      const id = key.split('/')[1]!;
      if (!b) changes.push({ id, section: a.section, kind: a.kind, change: 'added', after: a.value });
      else if (JSON.stringify(b.value) !== JSON.stringify(a.value)) changes.push({ id, section: a.section, kind: a.kind, change: 'changed', before: b.value, after: a.value });
    }
    for (const [key, b] of before) if (!after.has(key)) changes.push({ id: key.split('/')[1]!, section: b.section, kind: b.kind, change: 'removed', before: b.value });
    return { from: from.number, to: to.number, changes };
  }
}
