import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PowerCategory } from './power-category';
import type { PowerRecord, PowerVersionRecord } from './power.entity';
import { PowerStatus, VersionState } from './power-status';

/**
 * One version of a power in the catalog (权力事项). Referenced by `id` (the version a caller
 * may see: latest for staff in scope, published for the public) or by `id` and `version`.
 */
@Directive('@key(fields: "id version")')
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A power (权力事项) as of one version. Staff in scope see drafts; the public sees published versions only.',
})
export class Power {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Code, unique within its unit (事项编码).' })
  code: string;

  @Field({
    description:
      "City-wide unique code (唯一编号): the unit's 12-digit division code and the power's code, e.g. 139901000000-CF-001. Never changes across versions.",
  })
  catalogCode: string;

  @Field()
  name: string;

  @Field(() => PowerCategory)
  category: PowerCategory;

  @Field({ description: 'Legal basis (行使依据).' })
  legalBasis: string;

  @Field({ description: 'Conditions for applying (申请条件).' })
  conditions: string;

  @Field({ description: 'Fees and their basis (收费标准).' })
  fees: string;

  @Field(() => Int, { description: 'Statutory time limit in working days (法定时限).' })
  statutoryDays: number;

  @Field(() => Int, { description: 'Promised time limit in working days (承诺时限), at most the statutory one.' })
  promisedDays: number;

  @Field({
    description:
      'Held by the principal leader (一把手) of the unit or department exercising it (一把手职权): major decisions, appointments, large spending, project awards.',
  })
  principalLeader: boolean;

  @Field(() => PowerStatus)
  status: PowerStatus;

  @Field(() => VersionState)
  state: VersionState;

  @Field(() => Int, { nullable: true, description: 'The version in force, if any.' })
  publishedVersion: number | null;

  @Field(() => Int)
  latestVersion: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field({ description: 'When this version was written.' })
  editedAt: Date;

  @Field()
  unitCode: string;

  departmentId: string;
  postId: string | null;
  supervisorDepartmentId: string | null;
  editedBy: string;
}

/** Combines a power's record and one of its versions into the GraphQL view. */
export function toPower(record: PowerRecord, version: PowerVersionRecord): Power {
  const p = new Power();
  p.id = record.id;
  p.version = version.version;
  p.code = record.code;
  p.catalogCode = record.catalogCode;
  p.name = version.name;
  p.category = version.category;
  p.legalBasis = version.legalBasis;
  p.conditions = version.conditions;
  p.fees = version.fees;
  p.statutoryDays = version.statutoryDays;
  p.promisedDays = version.promisedDays;
  p.principalLeader = version.principalLeader;
  p.status = record.status;
  p.state = version.state;
  p.publishedVersion = record.publishedVersion;
  p.latestVersion = record.latestVersion;
  p.publishedAt = version.publishedAt;
  p.editedAt = version.createdAt;
  p.unitCode = record.unitCode;
  p.departmentId = version.departmentId;
  p.postId = version.postId;
  p.supervisorDepartmentId = version.supervisorDepartmentId;
  p.editedBy = version.editedBy;
  return p;
}
