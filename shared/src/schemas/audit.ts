import { isoDateTimeSchema } from './common';
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'directory.organisation.create',
  'directory.organisation.update',
  'directory.organisation.delete',
  'directory.unit.create',
  'directory.unit.update',
  'directory.unit.delete',
  'directory.staff.create',
  'directory.staff.update',
  'directory.person.create',
  'directory.person.update',
  'directory.person.read',
  'directory.person.lookup',
  'directory.relation.create',
  'directory.relation.delete',
  'plan.person_lookup',
  'plan.initiate',
  'plan.read',
  'plan.transition',
  'plan.consent.record',
  'plan.consent.withdraw',
  'plan.consent.end',
  'plan.participant.add',
  'plan.participant.remove',
  'plan.relative.allow',
  'plan.relative.remove',
  'plan.preparation.update',
  'plan.child_view.update',
  'plan.meeting.create',
  'plan.meeting.held',
  'plan.call.send',
  'plan.call.acknowledge',
  'plan.call.calendar',
  'plan.content.read',
  'plan.content.write',
  'plan.version.read',
  'plan.comment.read',
  'plan.comment.add',
  'plan.comment.remove',
  'plan.action.done',
  'plan.follow_up.review',
  'audit.read',
  'audit.verify',
  'settings.county.update',
  // Mötescirkeln: preparation and meeting mode. Never the words of an answer or a note.
  'plan.meeting.setup',
  'plan.meeting.preparation.read',
  'plan.meeting.preparation.write',
  'plan.meeting.preparation.share',
  'plan.meeting.agenda.read',
  'plan.meeting.live.read',
  'plan.meeting.start',
  'plan.meeting.part',
  'plan.meeting.update',
  'plan.meeting.attendance',
  'plan.meeting.decision',
  'plan.meeting.evaluation',
  'meeting.evaluation.summary',
  // No longer written (the shares are county settings: settings.county.update); kept so that
  // older rows in the log still filter and read by name.
  'directory.county.update',
  'statistics.read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  /** The actor's name and username as they are now (null for no actor, or a removed account). */
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  planId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first row whose hash or link does not match, when ok is false. */
  brokenAtSeq: z.number().int().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/**
 * Newest first, a page at a time (`beforeSeq`: the last seq of the page before), narrowed
 * by plan, actor (username), action and time: `from` inclusive, `to` exclusive.
 */
export const auditListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    planId: z.uuid().optional(),
    actorUsername: z.string().trim().toLowerCase().min(1).max(100).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: isoDateTimeSchema.optional(),
    to: isoDateTimeSchema.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    path: ['to'],
    message: 'The end must be after the start',
    params: { reason: 'range_reversed' },
  });
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
