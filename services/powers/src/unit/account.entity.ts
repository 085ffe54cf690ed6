import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who can sign in: the subject of a token, with a role at a unit. */
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
}
