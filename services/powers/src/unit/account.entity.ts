import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ACTIVE accounts may act; a DISABLED account's tokens are refused. */
export type AccountStatus = 'ACTIVE' | 'DISABLED';

/**
 * A person who can sign in: the subject of a token, with a role at a unit.
 * Invariant: `disabledAt` is set exactly when the status is DISABLED.
 */
@Entity('account')
export class Account {
  @PrimaryColumn()
  subject: string;

  @Column()
  name: string;

  @Column()
  role: string;

  @Column({ name: 'unit_code', type: 'char', length: 12 })
  unitCode: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: AccountStatus;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Tokens issued before this instant are refused (sign-out everywhere, a password reset). */
  @Column({ name: 'tokens_valid_after', type: 'timestamptz', nullable: true })
  tokensValidAfter: Date | null;
}
