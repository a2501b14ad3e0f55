/**
 * The plan's fixed vocabularies (roles, kinds of information, consent forms, meeting kinds,
 * attendance, deadline statuses), apart from the zod schemas built from them
 * (schemas/plans.ts): the client's pages need the lists, and importing them from the
 * schema module would build every plan schema at start-up (a tenth of a second on a phone).
 */
/** Roles someone can hold in a plan. */
export const PLAN_ROLES = [
  'huvudperson',
  'initiativtagare',
  'ordforande',
  'antecknare',
  'samordningsansvarig',
  'kallad_personal',
  'inbjuden',
  'narstaende',
  'vardnadshavare',
  'god_man',
] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

/** Kinds of information a consent can let cross between organisations. */
export const INFORMATION_KINDS = ['social_services', 'health_care', 'psychiatry', 'school', 'employment', 'financial', 'other'] as const;
export const CONSENT_FORMS = ['written', 'oral'] as const;
export const MEETING_KINDS = ['formote', 'sip', 'uppfoljning'] as const;
export const ATTENDANCE_MODES = ['in_person', 'video', 'phone', 'absent'] as const;
export const DEADLINE_STATUSES = ['not_applicable', 'met', 'pending', 'near', 'missed'] as const;
