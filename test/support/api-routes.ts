import type { z } from 'zod';
import type {
  AccessLogEntry,
  AddParticipant,
  AuditEvent,
  AuditVerification,
  ChildView,
  CommentList,
  NewComment,
  Organisation,
  Person,
  PlanChange,
  PlanComment,
  PlanDetail,
  PlanVersion,
  PlanVersionSummary,
  Preparation,
  RecordMeetingHeld,
  SessionInfo,
  SignInRequest,
  Staff,
  StaffDirectoryEntry,
  TransitionRequest,
  Unit,
  UpdateOrganisation,
  UpdatePerson,
  UpdateStaff,
  UpdateUnit,
  VersionComparison,
  Worklist,
  createMeetingSchema,
  createOrganisationSchema,
  createStaffSchema,
  initiatePlanSchema,
  recordConsentSchema,
  sendCallSchema,
  CreatePersonInput,
  CreateRelationInput,
  CreateUnit,
} from '@sip/shared';

/**
 * The API as the tests see it: for each method, the paths the tests call (as template literal
 * patterns, most specific first), what they send and what a success answers, from the shared
 * zod schemas. `ApiSession.get/post/…` look a path up here, so that a test reading a field the
 * answer does not have — or sending a body the route does not take — fails to compile. A path
 * that is not listed answers `unknown`; a test that sends garbage on purpose uses
 * `ApiSession.request`, which takes any body.
 */

// Request bodies as the client sends them (before the schema's defaults are applied).
export type InitiatePlanInput = z.input<typeof initiatePlanSchema>;
export type RecordConsentInput = z.input<typeof recordConsentSchema>;
export type SendCallInput = z.input<typeof sendCallSchema>;
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;
export type CreateStaffInput = z.input<typeof createStaffSchema>;

/** 204 No Content: the body is the empty string. */
export type NoContent = '';
/** What POST /api/plans/person-lookup answers (a practitioner's view of the person). */
export interface PlanPerson {
  id: string;
  name: string;
  birthDate: string;
  age: number;
}
export interface PersonPage {
  items: Person[];
  total: number;
}

type Id = string;
type List<P extends string> = P | `${P}?${string}`;
/** [path pattern, request body, success body] */
type Route = [pattern: string, request: unknown, response: unknown];

export type GetRoutes = [
  [`/api/plans/${Id}/versions/compare?${string}`, never, VersionComparison],
  [`/api/plans/${Id}/versions/${Id}`, never, PlanVersion],
  [`/api/plans/${Id}/versions`, never, PlanVersionSummary[]],
  [`/api/plans/${Id}/comments`, never, CommentList],
  [`/api/plans/${Id}/access-log`, never, AccessLogEntry[]],
  [`/api/plans/${Id}/calls/${Id}/calendar.ics`, never, string],
  [List<'/api/plans'>, never, Worklist],
  [`/api/plans/${Id}`, never, PlanDetail],
  ['/api/auth/session', never, SessionInfo],
  ['/api/health', never, { status: string }],
  [List<'/api/organisations'>, never, Organisation[]],
  [`/api/organisations/${Id}`, never, Organisation],
  [List<'/api/units'>, never, Unit[]],
  [`/api/units/${Id}`, never, Unit],
  [List<'/api/staff-directory'>, never, StaffDirectoryEntry[]],
  ['/api/staff', never, Staff[]],
  [`/api/staff/${Id}`, never, Staff],
  [List<'/api/persons'>, never, PersonPage],
  [`/api/persons/${Id}`, never, Person],
  ['/api/audit/verify', never, AuditVerification],
  [List<'/api/audit'>, never, AuditEvent[]],
];

export type PostRoutes = [
  ['/api/auth/sign-in', SignInRequest, SessionInfo],
  ['/api/auth/sign-out', undefined, NoContent],
  ['/api/organisations', CreateOrganisationInput, Organisation],
  ['/api/units', CreateUnit, Unit],
  ['/api/staff', CreateStaffInput, Staff],
  ['/api/persons/lookup', { personnummer: string }, Person],
  [`/api/persons/${Id}/relations`, CreateRelationInput, Person],
  ['/api/persons', CreatePersonInput, Person],
  ['/api/plans/person-lookup', { personnummer: string }, PlanPerson],
  ['/api/plans', InitiatePlanInput, PlanChange],
  [`/api/plans/${Id}/transitions`, TransitionRequest, PlanChange],
  [`/api/plans/${Id}/consents/${Id}/withdraw`, { note?: string }, PlanChange],
  [`/api/plans/${Id}/consents`, RecordConsentInput, PlanChange],
  [`/api/plans/${Id}/participants`, AddParticipant, PlanChange],
  [`/api/plans/${Id}/relatives`, { accountId: string }, PlanChange],
  [`/api/plans/${Id}/calls/${Id}/acknowledge`, undefined, PlanChange],
  [`/api/plans/${Id}/calls`, SendCallInput, PlanChange],
  [`/api/plans/${Id}/meetings/${Id}/held`, RecordMeetingHeld, PlanChange],
  [`/api/plans/${Id}/meetings`, CreateMeetingInput, PlanChange],
  [`/api/plans/${Id}/comments`, NewComment, PlanComment],
];

export type PatchRoutes = [
  [`/api/plans/${Id}/preparation`, Preparation, PlanChange],
  [`/api/organisations/${Id}`, UpdateOrganisation, Organisation],
  [`/api/units/${Id}`, UpdateUnit, Unit],
  [`/api/staff/${Id}`, UpdateStaff, Staff],
  [`/api/persons/${Id}`, UpdatePerson, Person],
];

export type PutRoutes = [[`/api/plans/${Id}/child-view`, ChildView, PlanChange]];

export type DeleteRoutes = [
  [`/api/plans/${Id}/participants/${Id}`, never, PlanChange],
  [`/api/plans/${Id}/relatives/${Id}`, never, PlanChange],
  [`/api/plans/${Id}/comments/${Id}`, never, PlanComment],
  [`/api/persons/${Id}/relations/${Id}`, never, Person],
  [`/api/organisations/${Id}`, never, NoContent],
  [`/api/units/${Id}`, never, NoContent],
];

export interface Routes {
  GET: GetRoutes;
  POST: PostRoutes;
  PATCH: PatchRoutes;
  PUT: PutRoutes;
  DELETE: DeleteRoutes;
}
export type Method = keyof Routes;

/** The first route whose pattern the path matches, or undefined. */
type Find<R, P extends string> = R extends [infer First extends Route, ...infer Rest] ? (P extends First[0] ? First : Find<Rest, P>) : undefined;

/**
 * What a success on `path` answers; for a path the map does not list yet, `any` — such tests
 * read their bodies as they always did (listing the route is how they become checked).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResponseOf<M extends Method, P extends string> = Find<Routes[M], P> extends infer R extends Route ? R[2] : any;
/** What `path` takes as its body (`unknown` for a path the map does not list). */
export type RequestOf<M extends Method, P extends string> = Find<Routes[M], P> extends infer R extends Route ? R[1] : unknown;
