import { randomUUID } from 'node:crypto';
import {
  attachmentStore,
  GENESIS_HASH,
  publishEvent,
  requestScope,
  runIdempotent,
  unitCode,
  Validation,
  isPhoneNumber,
  type EventPayloads,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { assertKnownUnit } from '../clients/known-units';
import type { ComplaintsConfig } from '../complaints-config';
import { hashFollowUpCode, newFollowUpCode } from '../identity/follow-up-code';
import { routeComplaint, type RoutingRule } from '../routing/route-complaint';
import { complaintTrace } from './complaint-trace';
import { AccusedKind, type FileComplaintInput } from './complaint.input';

/** The service's Postgres schema. */
export const COMPLAINTS_SCHEMA = 'complaints';

/** What filing returns: the number and the follow-up code (shown once). */
export interface FiledComplaint {
  number: string;
  followUpCode: string;
  receivedAt: Date;
}

/** The payload every complaint event carries: where it sits, never who complained. */
export function complaintEventPayload(c: {
  id: string;
  number: string;
  category: string;
  accused_unit: string;
  accused_department: string | null;
  against_leadership: boolean;
  handler_unit: string;
}): EventPayloads['complaint.filed'] {
  return {
    complaintId: c.id,
    number: c.number,
    category: c.category,
    accusedUnit: c.accused_unit,
    accusedDepartment: c.accused_department,
    againstLeadership: c.against_leadership,
    handlerUnit: c.handler_unit,
  };
}

/**
 * Takes complaints from anyone, named or anonymous, on any channel, and routes each to the
 * inspectors who manage the accused (按照干部管理权限). The complainant's identity is encrypted;
 * the follow-up code is kept only as a slow hash.
 */
export class ComplaintFilingService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
  ) {}

  /**
   * Files a complaint. The complainant (often the public) has no scope of its own: the complaint is
   * written with the system scope, at the unit the routing decides.
   */
  file(principal: Principal, input: FileComplaintInput, key: string): Promise<FiledComplaint> {
    return requestScope.asSystem(() => this.fileAsSystem(principal, input, key));
  }

  private async fileAsSystem(principal: Principal, input: FileComplaintInput, key: string): Promise<FiledComplaint> {
    const v = new Validation();
    const a = input.accused;
    v.check(unitCode.isValid(a.unitCode), 'accused.unitCode', '须为 12 位行政区划代码');
    const needsDepartment = a.kind === AccusedKind.DEPARTMENT || a.kind === AccusedKind.PERSON;
    v.check(
      !needsDepartment || (a.departmentId !== undefined && isUuid(a.departmentId)),
      'accused.departmentId',
      '反映部门或个人时必填',
    );
    v.check(a.postId === undefined || a.postId === null || isUuid(a.postId), 'accused.postId', '须为岗位编号');
    v.check(
      a.kind !== AccusedKind.PERSON ||
        (a.personName !== undefined && a.personName.trim().length >= 1 && a.personName.length <= 50),
      'accused.personName',
      '反映个人时必填（1-50 个字符）',
    );
    v.check(
      input.description.trim().length >= 10 && input.description.length <= 5000,
      'description',
      '长度须为 10-5000 个字符',
    );
    v.check(input.caseId === undefined || input.caseId === null || isUuid(input.caseId), 'caseId', '须为办件编号');
    v.check(
      input.powerId === undefined || input.powerId === null || isUuid(input.powerId),
      'powerId',
      '须为权力事项编号',
    );
    if (input.complainant) {
      v.check(
        input.complainant.name.trim().length >= 1 && input.complainant.name.length <= 50,
        'complainant.name',
        '长度须为 1-50 个字符',
      );
      v.check(
        !input.complainant.phone || isPhoneNumber(input.complainant.phone),
        'complainant.phone',
        '应为 11 位手机号码（如 13812345678）或带区号的固定电话（如 0318-2345678）',
      );
      v.check(
        !input.complainant.email ||
          (input.complainant.email.length <= 254 && /^[^@\s]+@[^@\s]+$/.test(input.complainant.email)),
        'complainant.email',
        '须为电子邮箱地址',
      );
      v.check(
        !input.complainant.address || input.complainant.address.length <= 200,
        'complainant.address',
        '长度不得超过 200 个字符',
      );
    }
    const contents = attachmentStore.validate(v, input.evidence ?? [], 'evidence');
    v.throwIfAny();
    await assertKnownUnit(this.config.knownUnits, a.unitCode, 'accused.unitCode');
    const rules: RoutingRule[] = (await this.ds.query(
      'SELECT accused_tier AS "accusedTier", against_leadership AS "againstLeadership", route_to AS "routeTo" FROM routing_rule',
    )) as RoutingRule[];
    const route = routeComplaint(a.unitCode, a.kind, rules);

    const { id, number, receivedAt } = await runIdempotent(
      this.ds,
      { principal, key, operation: 'fileComplaint', input },
      async (em) => {
        const now = this.config.now();
        const year = Number(this.config.calendar.localDate(now).slice(0, 4));
        const [counter]: { last: number }[] = await em.query(
          'INSERT INTO complaint_counter (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = complaint_counter.last + 1 RETURNING last',
          [year],
        );
        const id = randomUUID();
        const number = `TS${year}-${String(counter!.last).padStart(6, '0')}`;
        const identity = input.complainant
          ? this.config.cipher.encrypt(
              {
                name: input.complainant.name.trim(),
                phone: input.complainant.phone,
                email: input.complainant.email,
                address: input.complainant.address,
              },
              id,
            )
          : null;
        const row = {
          id,
          number,
          category: input.category,
          accused_unit: a.unitCode,
          accused_department: a.departmentId ?? null,
          against_leadership: route.againstLeadership,
          handler_unit: route.handlerUnit,
        };
        await em.query(
          `INSERT INTO complaint (id, number, channel, category, accused_kind, accused_unit, accused_department, accused_post, accused_person, against_leadership,
           handler_unit, case_id, power_id, description, anonymous, identity_cipher, follow_up_hash, status, received_at, stage_started_at, last_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'pending', 'RECEIVED', $17, $17, $18)`,
          [
            id,
            number,
            input.channel,
            input.category,
            a.kind,
            a.unitCode,
            a.departmentId ?? null,
            a.postId ?? null,
            a.personName?.trim() ?? null,
            route.againstLeadership,
            route.handlerUnit,
            input.caseId ?? null,
            input.powerId ?? null,
            input.description.trim(),
            !input.complainant,
            identity,
            now,
            GENESIS_HASH,
          ],
        );
        const evidence = await attachmentStore.store(em, input.evidence ?? [], contents);
        await complaintTrace.append(
          em,
          { id, lastSeq: 0, lastHash: GENESIS_HASH },
          {
            kind: 'FILED',
            actor: 'complainant',
            at: now,
            payload: {
              channel: input.channel,
              category: input.category,
              anonymous: !input.complainant,
              handlerUnit: route.handlerUnit,
            },
            attachments: evidence,
            idempotencyKey: key,
          },
        );
        await publishEvent(em, COMPLAINTS_SCHEMA, {
          topic: 'complaint.filed',
          unitCode: route.handlerUnit,
          aggregateId: id,
          payload: complaintEventPayload(row),
        });
        return { id, number, receivedAt: now.toISOString() };
      },
    );
    // The code is never stored in clear, so it cannot be replayed: every answer (first or retry)
    // issues a fresh code and only the latest one is valid.
    const followUpCode = newFollowUpCode();
    await this.ds.query('UPDATE complaint SET follow_up_hash = $2 WHERE id = $1', [
      id,
      await hashFollowUpCode(followUpCode),
    ]);
    return { number, followUpCode, receivedAt: new Date(receivedAt) };
  }
}
