import type { EntityManager } from 'typeorm';
import type { CircleVersion, MeetingPart, PreparationAnswer, SharedAnswer } from '@sip/shared';

/**
 * Every query that reads or writes the words of a preparation answer lives here, and each
 * one is bound either to the author (`author_id = $actor`) or to shared answers
 * (`shared`): no query returns another author's unshared answer, whoever asks. Writes are
 * bound to the author too, so that sharing or changing someone else's answer finds nothing
 * (and is answered 404). The words are never logged or audited.
 */

interface AnswerRow {
  id: string;
  version: CircleVersion;
  part: MeetingPart;
  question_key: string;
  body: string;
  shared: boolean;
  updated_at: Date;
}

const toAnswer = (r: AnswerRow): PreparationAnswer => ({
  id: r.id,
  version: r.version,
  part: r.part,
  questionKey: r.question_key,
  text: r.body,
  shared: r.shared,
  updatedAt: r.updated_at.toISOString(),
});

const COLUMNS = 'id, version, part, question_key, body, shared, updated_at';

/** The author's own answers for the meeting. */
export async function ownAnswers(m: EntityManager, meetingId: string, authorId: string): Promise<PreparationAnswer[]> {
  const rows: AnswerRow[] = await m.query(
    `SELECT ${COLUMNS} FROM preparation_answer WHERE meeting_id = $1 AND author_id = $2 ORDER BY created_at, id`,
    [meetingId, authorId],
  );
  return rows.map(toAnswer);
}

export interface AnswerKey {
  meetingId: string;
  planId: string;
  authorId: string;
  version: CircleVersion;
  part: MeetingPart;
  questionKey: string;
}

/** Stores the author's answer (`shared` unchanged when undefined); returns it and whether it was shared before. */
export async function saveOwnAnswer(m: EntityManager, key: AnswerKey, text: string, shared: boolean | undefined, now: Date): Promise<{ answer: PreparationAnswer; wasShared: boolean }> {
  const [before]: { shared: boolean }[] = await m.query(
    `SELECT shared FROM preparation_answer WHERE meeting_id = $1 AND author_id = $2 AND version = $3 AND part = $4 AND question_key = $5`,
    [key.meetingId, key.authorId, key.version, key.part, key.questionKey],
  );
  const [row]: AnswerRow[] = await m.query(
    `INSERT INTO preparation_answer (meeting_id, plan_id, author_id, version, part, question_key, body, shared, shared_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, false), CASE WHEN coalesce($8, false) THEN $9::timestamptz END, $9, $9)
     ON CONFLICT (meeting_id, author_id, version, part, question_key) DO UPDATE
       SET body = excluded.body, updated_at = excluded.updated_at,
           shared = coalesce($8, preparation_answer.shared),
           shared_at = CASE WHEN coalesce($8, preparation_answer.shared) THEN coalesce(preparation_answer.shared_at, $9::timestamptz) END
     RETURNING ${COLUMNS}`,
    [key.meetingId, key.planId, key.authorId, key.version, key.part, key.questionKey, text, shared ?? null, now],
  );
  return { answer: toAnswer(row!), wasShared: before?.shared ?? false };
}

/** Removes the author's answer to a question (emptied text); whether it was shared. */
export async function removeOwnAnswer(m: EntityManager, key: AnswerKey): Promise<{ removed: boolean; wasShared: boolean }> {
  // TypeORM answers a DELETE … RETURNING with [rows, count].
  const [rows]: [{ shared: boolean }[], number] = await m.query(
    `DELETE FROM preparation_answer WHERE meeting_id = $1 AND author_id = $2 AND version = $3 AND part = $4 AND question_key = $5 RETURNING shared`,
    [key.meetingId, key.authorId, key.version, key.part, key.questionKey],
  );
  return { removed: rows.length > 0, wasShared: rows[0]?.shared ?? false };
}

/** Shares or withdraws one of the author's answers by id; null when it is not theirs (or not there). */
export async function shareOwnAnswer(m: EntityManager, meetingId: string, answerId: string, authorId: string, shared: boolean, now: Date): Promise<PreparationAnswer | null> {
  const [rows]: [AnswerRow[], number] = await m.query(
    `UPDATE preparation_answer SET shared = $4, shared_at = CASE WHEN $4 THEN coalesce(shared_at, $5::timestamptz) END
      WHERE id = $1 AND meeting_id = $2 AND author_id = $3 RETURNING ${COLUMNS}`,
    [answerId, meetingId, authorId, shared, now],
  );
  return rows[0] ? toAnswer(rows[0]) : null;
}

/** Deletes one of the author's answers by id; whether it was theirs, and was shared. */
export async function deleteOwnAnswer(m: EntityManager, meetingId: string, answerId: string, authorId: string): Promise<{ removed: boolean; wasShared: boolean }> {
  const [rows]: [{ shared: boolean }[], number] = await m.query(
    `DELETE FROM preparation_answer WHERE id = $1 AND meeting_id = $2 AND author_id = $3 RETURNING shared`,
    [answerId, meetingId, authorId],
  );
  return { removed: rows.length > 0, wasShared: rows[0]?.shared ?? false };
}

interface SharedRow extends AnswerRow {
  author_id: string;
  author_name: string;
  author_relation: SharedAnswer['authorRelation'];
  shared_at: Date;
}

/**
 * The answers shared into the meeting's agenda, in the order the meeting takes them: by
 * part, the person's first, then guardians, representatives, relatives and staff. With
 * `withoutPersonAccountId`, the person's own answers are left out (a child's answers under
 * recorded secrecy, or to relatives).
 */
export async function sharedAnswers(m: EntityManager, meetingId: string, readerId: string, withoutPersonAccountId: string | null): Promise<SharedAnswer[]> {
  const rows: SharedRow[] = await m.query(
    `WITH shared AS (
       SELECT a.id, a.version, a.part, a.question_key, a.body, a.shared, a.updated_at, a.shared_at, a.author_id,
              ac.display_name AS author_name,
              CASE WHEN pe.account_id = a.author_id THEN 'person'
                   WHEN ac.kind = 'staff' THEN 'staff'
                   WHEN EXISTS (SELECT 1 FROM person_relation r WHERE r.person_id = pe.id AND r.account_id = a.author_id AND r.kind = 'guardian') THEN 'guardian'
                   WHEN EXISTS (SELECT 1 FROM person_relation r WHERE r.person_id = pe.id AND r.account_id = a.author_id AND r.kind = 'representative') THEN 'representative'
                   ELSE 'relative' END AS author_relation
         FROM preparation_answer a
         JOIN account ac ON ac.id = a.author_id
         JOIN plan p ON p.id = a.plan_id JOIN person pe ON pe.id = p.person_id
        WHERE a.meeting_id = $1 AND a.shared
          AND ($2::uuid IS NULL OR a.author_id <> $2::uuid))
     SELECT * FROM shared
      ORDER BY array_position(ARRAY['inledning','aktuell_situation','behov','sammanfattning','avslutning'], part),
               array_position(ARRAY['person','guardian','representative','relative','staff'], author_relation),
               shared_at, id`,
    [meetingId, withoutPersonAccountId],
  );
  return rows.map((r) => ({
    ...toAnswer(r),
    authorName: r.author_name,
    authorRelation: r.author_relation,
    mine: r.author_id === readerId,
    sharedAt: r.shared_at.toISOString(),
  }));
}

/** Who has prepared for the meeting, and how many answers each shared — never what. */
export async function preparedCounts(m: EntityManager, meetingId: string): Promise<Map<string, { answers: number; shared: number }>> {
  const rows: { author_id: string; answers: number; shared: number }[] = await m.query(
    `SELECT author_id, count(*)::int AS answers, count(*) FILTER (WHERE shared)::int AS shared
       FROM preparation_answer WHERE meeting_id = $1 GROUP BY author_id`,
    [meetingId],
  );
  return new Map(rows.map((r) => [r.author_id, { answers: r.answers, shared: r.shared }]));
}
