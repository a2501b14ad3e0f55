import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Actor } from '../auth/actor';

/** One client's entry in a y-protocols awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text; null when the client is gone. */
  state: string | null;
}

/** The entries of a y-protocols awareness update, or null when it is not one. */
export function readAwarenessEntries(data: Uint8Array): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(data);
    const count = decoding.readVarUint(decoder);
    if (count > 1000) return null;
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      entries.push({ clientId, clock, state: state === 'null' ? null : state });
    }
    return decoding.hasContent(decoder) ? null : entries;
  } catch {
    return null;
  }
}

/**
 * The state with `user` set to the signed-in actor's name (and the client's colour when it
 * is a plain #rrggbb); undefined when the state is not a JSON object.
 */
export function withIdentity(state: string, actor: Pick<Actor, 'displayName'>): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const claimed = (parsed as { user?: { colour?: unknown } }).user?.colour;
  const colour = typeof claimed === 'string' && /^#[0-9a-f]{6}$/i.test(claimed) ? claimed : '#444444';
  return JSON.stringify({ ...parsed, user: { name: actor.displayName, colour } });
}

/**
 * An awareness update. A removal keeps the client's clock: y-protocols takes a removal at
 * the current clock, and the client's next announcement (a higher clock) brings it back.
 */
export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}
