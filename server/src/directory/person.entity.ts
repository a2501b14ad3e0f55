import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RelationKind, Sex } from '@sip/shared';

/**
 * A person (huvudperson). The personnummer is never stored in clear: `personnummerEnc`
 * is AES-256-GCM ciphertext and `personnummerHash` a keyed HMAC for exact lookup,
 * both under PERSONNUMMER_KEY (see personnummer-vault.ts).
 */
@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'personnummer_enc', type: 'bytea', select: false }) personnummerEnc: Buffer;
  @Column({ name: 'personnummer_hash', type: 'bytea', select: false }) personnummerHash: Buffer;
  @Column({ name: 'is_samordningsnummer', type: 'boolean' }) isSamordningsnummer: boolean;
  @Column({ name: 'birth_date', type: 'date' }) birthDate: string;
  @Column({ type: 'text' }) sex: Sex;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A guardian (vårdnadshavare), relative (närstående) or representative linked to a person. */
@Entity('person_relation')
export class PersonRelationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ type: 'text' }) kind: RelationKind;
  @Column({ name: 'has_custody', type: 'boolean' }) hasCustody: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
