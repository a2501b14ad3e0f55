import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { parseDocumentName } from '@sip/shared';
import { contentToJSON } from '@sip/shared/yjs';
import type { DocumentStore } from '../collaboration/document-store';

export type VersionReason = 'finalised' | 'meeting';

/**
 * Freezes every section of the plan into the next immutable plan_version: its JSON and its
 * Yjs state. Sections are read through the transaction, so a freeze sees what the same
 * transaction wrote (the demo seed writes content and freezes in one). `at` is now unless
 * given (the seed's history); the row can never be changed afterwards.
 */
export async function freezePlanVersion(
  m: EntityManager,
  store: Pick<DocumentStore, 'load'>,
  planId: string,
  reason: VersionReason,
  actorId: string,
  at: Date | null = null,
): Promise<number> {
  const names: { doc_name: string }[] = await m.query(
    `SELECT doc_name FROM doc_update WHERE doc_name LIKE $1 UNION SELECT doc_name FROM doc_snapshot WHERE doc_name LIKE $1`,
    [`plan:${planId}:%`],
  );
  const content: Record<string, Record<string, unknown>> = {};
  const states: Record<string, string> = {};
  for (const { doc_name } of names) {
    const parsed = parseDocumentName(doc_name);
    if (!parsed) continue;
    const { doc } = await store.load(doc_name, m);
    content[parsed.section] = contentToJSON(doc, parsed.section);
    states[parsed.section] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    doc.destroy();
  }
  const [{ next }] = await m.query('SELECT coalesce(max(version_no), 0) + 1 AS next FROM plan_version WHERE plan_id = $1', [planId]);
  await m.query(
    `INSERT INTO plan_version (plan_id, version_no, reason, content, states, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
    [planId, next, reason, JSON.stringify(content), JSON.stringify(states), actorId, at],
  );
  return Number(next);
}
