import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PowerStatus, VersionState } from './power-status';
import type { PowerCategory } from './power-category';

/** A power's identity and lifecycle; its content lives in versions. */
@Entity('power')
export class PowerRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'unit_code', type: 'char', length: 12 })
  unitCode: string;

  @Column()
  code: string;

  /** `unit_code-code`, unique in the city; computed by the database (a generated column). */
  @Column({ name: 'catalog_code', type: 'text', insert: false, update: false })
  catalogCode: string;

  @Column({ type: 'text' })
  status: PowerStatus;

  @Column({ name: 'latest_version', type: 'int' })
  latestVersion: number;

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion: number | null;

  @Column({ name: 'retired_reason', type: 'text', nullable: true })
  retiredReason: string | null;

  @Column({ name: 'created_by' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One version of a power's content. */
@Entity('power_version')
export class PowerVersionRecord {
  @PrimaryColumn({ name: 'power_id', type: 'uuid' })
  powerId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  state: VersionState;

  @Column()
  name: string;

  @Column({ type: 'text' })
  category: PowerCategory;

  @Column({ name: 'legal_basis' })
  legalBasis: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @Column()
  conditions: string;

  @Column()
  fees: string;

  @Column({ name: 'statutory_days', type: 'int' })
  statutoryDays: number;

  @Column({ name: 'promised_days', type: 'int' })
  promisedDays: number;

  @Column({ name: 'supervisor_department_id', type: 'uuid', nullable: true })
  supervisorDepartmentId: string | null;

  /** Held by the unit's principal leader (一把手职权). */
  @Column({ name: 'principal_leader', type: 'boolean', default: false })
  principalLeader: boolean;

  @Column({ name: 'edited_by' })
  editedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
