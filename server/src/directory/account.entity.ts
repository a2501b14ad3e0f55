import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AccountKind, SystemRole } from '@sip/shared';

/** Anyone who signs in: staff of an organisation, or a citizen (person, relative, guardian). */
@Entity('account')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) username: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text' }) kind: AccountKind;
  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ name: 'system_roles', type: 'text', array: true }) systemRoles: SystemRole[];
  @Column({ type: 'boolean' }) disabled: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('account_unit')
export class AccountUnitEntity {
  @Column({ name: 'account_id', type: 'uuid', primary: true }) accountId: string;
  @Column({ name: 'unit_id', type: 'uuid', primary: true }) unitId: string;
}
