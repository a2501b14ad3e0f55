import type { EntityManager } from 'typeorm';
import type { FollowUpReview } from '@sip/shared';

/**
 * The review a follow-up meeting makes, action by action (and needs and goals as they
 * choose): what came of it, and whether it continues, changes or ends. Recorded with the
 * meeting; the next follow-up date becomes the plan's.
 */

/** Actions the review leaves out (every current action must be reviewed). */
export async function actionsNotReviewed(m: EntityManager, planId: string, review: FollowUpReview | undefined): Promise<string[]> {
  const rows: { key: string }[] = await m.query(
    `SELECT organisation_id || ':' || action_id AS key FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL`,
    [planId],
  );
  const reviewed = new Set((review?.items ?? []).filter((i) => i.itemKind === 'action').map((i) => i.itemKey));
  return rows.map((r) => r.key).filter((key) => !reviewed.has(key));
}

export async function recordReview(m: EntityManager, planId: string, meetingId: string, review: FollowUpReview, actorId: string) {
  for (const item of review.items) {
    await m.query(
      `INSERT INTO follow_up_review (meeting_id, plan_id, item_kind, item_key, status, outcome, decision, note, reviewed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (meeting_id, item_kind, item_key) DO UPDATE SET status = excluded.status, outcome = excluded.outcome,
         decision = excluded.decision, note = excluded.note, reviewed_by = excluded.reviewed_by, reviewed_at = now()`,
      [meetingId, planId, item.itemKind, item.itemKey, item.status ?? null, item.outcome ?? null, item.decision, item.note ?? null, actorId],
    );
  }
  await m.query('UPDATE meeting SET next_follow_up_date = $2 WHERE id = $1', [meetingId, review.nextFollowUpDate]);
  await m.query('UPDATE plan SET follow_up_date = $2, updated_at = now() WHERE id = $1', [planId, review.nextFollowUpDate]);
}
