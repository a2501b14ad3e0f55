import type { CollabError } from '@sip/shared';

/**
 * What the co-editing provider (socket-yjs-provider.ts) works with, apart from its state
 * machine: the socket it needs, the save states it reports, and what it does on each refusal.
 */

/** The parts of a socket.io client socket the provider uses (browser and Node alike). */
export interface CollabSocketLike {
  connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: any[]): unknown;
}

export type SaveStatus = 'connecting' | 'synced' | 'saving' | 'saved' | 'refused' | 'offline';

/** Refusals after which the local copy no longer matches the server: start again from it. */
export const RESET_ON: CollabError['code'][] = ['read_only', 'forbidden', 'schema_violation', 'malformed_update', 'too_large', 'document_too_large', 'incomplete_update', 'access_revoked'];
/** Refusals of an edit that the server did not keep but the local copy still holds: send it again. */
export const RESEND_ON: CollabError['code'][] = ['storage_failed', 'server_error'];
