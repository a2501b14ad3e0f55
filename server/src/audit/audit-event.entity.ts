import { Column, Entity } from 'typeorm';

/** One row of the append-only, hash-chained audit log. */
@Entity('audit_event')
export class AuditEventEntity {
  @Column({ type: 'bigint', primary: true, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'target_type', type: 'text', nullable: true }) targetType: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'prev_hash', type: 'bytea' }) prevHash: Buffer;
  @Column({ type: 'bytea' }) hash: Buffer;
}
