import { z } from 'zod';
import type { PlanAccessChangeReason } from '../policy/plan-access-changes';

/**
 * The /collab socket.io protocol. Payloads are objects; Yjs bytes travel as binary
 * attachments (never base64). `data` in `sync` is a y-protocols sync message (step 1,
 * step 2 or update); in `awareness` a y-protocols awareness update.
 */
const bytes = z.instanceof(Uint8Array);
const docName = z.string().min(1).max(200);

export const collabJoinSchema = z.object({ doc: docName }).strict();
export const collabLeaveSchema = collabJoinSchema;
export const collabSyncSchema = z
  .object({
    doc: docName,
    data: bytes,
    /** Echoed in `saved`, so the client knows which of its edits are durable. */
    ref: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();
export const collabAwarenessSchema = z.object({ doc: docName, data: bytes }).strict();

export const COLLAB_ERROR_CODES = [
  'invalid_message',
  'unknown_event',
  'unknown_document',
  'not_joined',
  'forbidden',
  'read_only',
  'too_large',
  'document_too_large',
  'malformed_update',
  'incomplete_update',
  'schema_violation',
  'access_revoked',
  'session_expired',
  'storage_failed',
  'server_error',
  'rate_limited',
] as const;
export type CollabErrorCode = (typeof COLLAB_ERROR_CODES)[number];

export interface CollabError {
  code: CollabErrorCode;
  doc?: string;
  ref?: number;
  reason: string;
  /** For `access_revoked`: what changed, so the user can be told why. */
  cause?: PlanAccessChangeReason;
}

/**
 * Server → client when a change of rights leaves a joined section readable but changes
 * whether it may be written (e.g. the plan was closed): the editor switches at once.
 */
export interface CollabAccessUpdate {
  doc: string;
  read: boolean;
  write: boolean;
  cause: PlanAccessChangeReason;
}

export interface CollabJoined {
  ok: true;
  doc: string;
  read: boolean;
  write: boolean;
}

export interface CollabSaved {
  doc: string;
  ref?: number;
  /** The stored update's sequence; null when the message held nothing new. */
  seq: number | null;
}

/** Events a client may send, with what each needs; listed in the permission snapshot. */
export const COLLAB_CLIENT_EVENTS = {
  join: 'read the section',
  sync: 'step 1: read the section; step 2 / update: write the section (a step 2 without changes: read)',
  awareness: 'joined to the section',
  leave: 'joined to the section',
} as const;
