import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CountyCode, OrganisationKind } from '@sip/shared';

/** A principal (huvudman): a kommun, a region, or another actor such as Försäkringskassan. */
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: OrganisationKind;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'county_code', type: 'text', nullable: true }) countyCode: CountyCode | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
