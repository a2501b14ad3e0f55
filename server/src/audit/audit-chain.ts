import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  planId: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = Buffer.alloc(32);

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical(row n)). */
export function chainHash(prevHash: Buffer, row: ChainedFields): Buffer {
  const canonical = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.action,
    row.targetType,
    row.targetId,
    row.planId,
    row.details,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest();
}
