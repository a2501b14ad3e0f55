import { z } from 'zod';
import { parseSectionName } from '../document/section-names';

export const COMMENT_MAX_LENGTH = 2000;

const sectionName = z
  .string()
  .max(100)
  .refine((s) => parseSectionName(s) !== null, { message: 'Not a plan section' });

export const newCommentSchema = z
  .object({
    section: sectionName,
    body: z.string().trim().min(1).max(COMMENT_MAX_LENGTH),
  })
  .strict();
export type NewComment = z.infer<typeof newCommentSchema>;

export const commentParamsSchema = z.object({ id: z.uuid(), commentId: z.uuid() }).strict();

export const planCommentSchema = z.object({
  id: z.uuid(),
  section: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  /** null once the author removed the comment: who and when stay, the words go. */
  body: z.string().nullable(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
});
export type PlanComment = z.infer<typeof planCommentSchema>;

/** The comments of every section the reader may read, oldest first. */
export const commentListSchema = z.object({ comments: z.array(planCommentSchema) });
export type CommentList = z.infer<typeof commentListSchema>;

/** Pushed on /collab to everyone in the section's room when a comment is added or removed. */
export interface CollabCommentEvent {
  doc: string;
  comment: PlanComment;
}
