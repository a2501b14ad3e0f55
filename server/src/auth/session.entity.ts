import { Column, Entity } from 'typeorm';

/** A server-side session. Only the SHA-256 of the cookie value is stored. */
@Entity('session')
export class SessionEntity {
  @Column({ name: 'id_hash', type: 'bytea', primary: true }) idHash: Buffer;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'csrf_token', type: 'text' }) csrfToken: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
}
