import { randomUUID } from 'node:crypto';
import {
  publishEvent,
  Role,
  runIdempotent,
  scope,
  unitCode,
  Validation,
  type EventTopic,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { assertKnownUnit } from '../clients/known-units';
import type { ComplaintsConfig } from '../complaints-config';
import type { ComplaintRow } from './complaint-row';
import { complaintTrace } from './complaint-trace';
import { complaintVisibility } from './complaint-visibility';
import { complaintError, ComplaintErrorCode } from './complaint.errors';
import { complaintEventPayload, COMPLAINTS_SCHEMA } from './complaint-filing.service';
import type { Conclusion } from './complaint.input';
import { complaintStatusLabel } from './complaint-status-label';
import { complaintClock, type ClockDecision } from '../jobs/complaint-clock';

/** Each handling operation: the kind of its trace event and the topic of its outbox event. */
const OPERATIONS = {
  acceptComplaint: { kind: 'ACCEPT', topic: 'complaint.accept' },
  investigateComplaint: { kind: 'INVESTIGATE', topic: 'complaint.investigate' },
  concludeComplaint: { kind: 'CONCLUDE', topic: 'complaint.conclude' },
  giveFeedbackComplaint: { kind: 'GIVE_FEEDBACK', topic: 'complaint.give_feedback' },
  transferComplaint: { kind: 'TRANSFER', topic: 'complaint.transfer' },
  extendComplaint: { kind: 'EXTEND', topic: 'complaint.extend' },
  revealIdentityComplaint: { kind: 'REVEAL_IDENTITY', topic: 'complaint.reveal_identity' },
} as const satisfies Record<string, { kind: string; topic: EventTopic }>;

interface Act {
  em: EntityManager;
  c: ComplaintRow;
  now: Date;
}

function text(v: Validation, value: string, field: string, min = 2, max = 5000): void {
  v.check(value.trim().length >= min && value.length <= max, field, `长度须为 ${min}-${max} 个字符`);
}

/**
 * Handling by the inspectors of the jurisdiction: accept (the accepting inspector becomes the
 * handler), investigate, conclude, give feedback; or transfer to another jurisdiction; one
 * approved extension; and the recorded reveal of a named complainant's identity.
 */
export class ComplaintHandlingService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
  ) {}

  /** Where a complaint stands against the limit of its stage now: elapsed, deadline, provisional or not. */
  clock(c: ComplaintRow): ClockDecision {
    return complaintClock(c, this.config, this.config.now());
  }

  private async act(
    principal: Principal,
    id: string,
    key: string,
    operation: keyof typeof OPERATIONS,
    input: unknown,
    body: (a: Act) => Promise<Record<string, unknown>>,
  ): Promise<{ id: string }> {
    scope.assertRole(principal, [Role.INSPECTOR], '办理投诉举报');
    return runIdempotent(this.ds, { principal, key, operation: `${operation}:${id}`, input }, async (em) => {
      const [c]: ComplaintRow[] = isUuid(id)
        ? await em.query('SELECT * FROM complaint WHERE id = $1 FOR UPDATE', [id])
        : [];
      if (!c || !complaintVisibility.canSee(principal, c))
        throw complaintError(ComplaintErrorCode.COMPLAINT_NOT_FOUND, `您的管辖范围内没有投诉 ${id}`, 'id');
      const now = this.config.now();
      const payload = await body({ em, c, now });
      const [after]: ComplaintRow[] = await em.query('SELECT * FROM complaint WHERE id = $1', [id]);
      const { kind, topic } = OPERATIONS[operation];
      await complaintTrace.append(
        em,
        { id, lastSeq: c.last_seq, lastHash: c.last_hash },
        { kind, actor: principal.subject, at: now, payload, idempotencyKey: key },
      );
      await publishEvent(em, COMPLAINTS_SCHEMA, {
        topic,
        unitCode: after!.handler_unit,
        aggregateId: id,
        payload: { ...complaintEventPayload(after!), status: after!.status },
      });
      return { id };
    });
  }

  /** The inspectors of the handling unit itself act; inspectors above see but do not handle. */
  private assertJurisdiction(p: Principal, c: ComplaintRow): void {
    if (p.unit !== c.handler_unit)
      throw complaintError(ComplaintErrorCode.NOT_HANDLER, `该投诉由单位 ${c.handler_unit} 的纪检监察人员办理`, 'id');
  }

  private assertHandler(p: Principal, c: ComplaintRow): void {
    if (c.handler_subject !== p.subject)
      throw complaintError(ComplaintErrorCode.NOT_HANDLER, '只有受理该投诉的纪检监察人员才能办理', 'id');
  }

  private assertStatus(c: ComplaintRow, allowed: string[], action: string): void {
    if (!allowed.includes(c.status))
      throw complaintError(
        ComplaintErrorCode.INVALID_TRANSITION,
        `投诉当前状态为“${complaintStatusLabel(c.status)}”，不能${action}`,
        'id',
      );
  }

  accept(principal: Principal, id: string, note: string, key: string) {
    return this.act(principal, id, key, 'acceptComplaint', { note }, async ({ em, c, now }) => {
      this.assertStatus(c, ['RECEIVED', 'TRANSFERRED'], '受理');
      this.assertJurisdiction(principal, c);
      await em.query(
        `UPDATE complaint SET status = 'ACCEPTED', handler_subject = $2, accepted_at = $3, stage_started_at = $3, stage_entry = stage_entry + 1 WHERE id = $1`,
        [c.id, principal.subject, now],
      );
      return { note };
    });
  }

  investigate(principal: Principal, id: string, note: string, key: string) {
    return this.act(principal, id, key, 'investigateComplaint', { note }, async ({ em, c }) => {
      this.assertStatus(c, ['ACCEPTED'], '开始调查核实');
      this.assertHandler(principal, c);
      await em.query(`UPDATE complaint SET status = 'INVESTIGATING' WHERE id = $1`, [c.id]);
      return { note };
    });
  }

  conclude(principal: Principal, id: string, conclusion: Conclusion, finding: string, key: string) {
    return this.act(principal, id, key, 'concludeComplaint', { conclusion, finding }, async ({ em, c, now }) => {
      this.assertStatus(c, ['ACCEPTED', 'INVESTIGATING'], '办结');
      this.assertHandler(principal, c);
      const v = new Validation();
      text(v, finding, 'finding');
      v.throwIfAny();
      const days = this.config.calendar.workingDaysBetween(c.accepted_at ?? c.received_at, now);
      await em.query(
        `UPDATE complaint SET status = 'CONCLUDED', conclusion = $2, finding = $3, concluded_at = $4, working_days_to_conclude = $5 WHERE id = $1`,
        [c.id, conclusion, finding, now, days],
      );
      return { conclusion, workingDays: days };
    });
  }

  giveFeedback(principal: Principal, id: string, feedback: string, key: string) {
    return this.act(principal, id, key, 'giveFeedbackComplaint', {}, async ({ em, c, now }) => {
      this.assertStatus(c, ['CONCLUDED'], '反馈');
      this.assertHandler(principal, c);
      const v = new Validation();
      text(v, feedback, 'feedback');
      v.throwIfAny();
      await em.query(`UPDATE complaint SET status = 'FEEDBACK_GIVEN', feedback = $2, feedback_at = $3 WHERE id = $1`, [
        c.id,
        feedback,
        now,
      ]);
      return {};
    });
  }

  async transfer(principal: Principal, id: string, toUnit: string, reason: string, key: string) {
    if (unitCode.isValid(toUnit)) await assertKnownUnit(this.config.knownUnits, toUnit, 'toUnit');
    return this.act(principal, id, key, 'transferComplaint', { toUnit, reason }, async ({ em, c, now }) => {
      this.assertStatus(c, ['RECEIVED', 'TRANSFERRED', 'ACCEPTED', 'INVESTIGATING'], '转办');
      this.assertJurisdiction(principal, c);
      const v = new Validation();
      v.check(unitCode.isValid(toUnit) && toUnit !== c.handler_unit, 'toUnit', '须为另一单位的 12 位代码');
      v.check(
        !(c.against_leadership && toUnit === c.accused_unit),
        'toUnit',
        '反映领导班子的投诉不能转给该班子所在单位办理',
      );
      text(v, reason, 'reason');
      v.throwIfAny();
      await em.query(
        `UPDATE complaint SET status = 'TRANSFERRED', handler_unit = $2, handler_subject = NULL, stage_started_at = $3, stage_entry = stage_entry + 1 WHERE id = $1`,
        [c.id, toUnit, now],
      );
      return { from: c.handler_unit, to: toUnit, reason };
    });
  }

  /** One extension of the concluding time, approved by another inspector who can see the complaint. */
  extend(principal: Principal, id: string, reason: string, key: string) {
    return this.act(principal, id, key, 'extendComplaint', { reason }, async ({ em, c }) => {
      this.assertStatus(c, ['ACCEPTED', 'INVESTIGATING'], '延期');
      if (c.handler_subject === principal.subject)
        throw complaintError(ComplaintErrorCode.NOT_HANDLER, '延期须由承办人以外的另一名纪检监察人员批准', 'id');
      if (c.extension_days > 0) throw complaintError(ComplaintErrorCode.ALREADY_EXTENDED, '办结期限只能延长一次', 'id');
      const v = new Validation();
      text(v, reason, 'reason');
      v.throwIfAny();
      await em.query('UPDATE complaint SET extension_days = $2 WHERE id = $1', [
        c.id,
        this.config.limits.extensionDays,
      ]);
      return { days: this.config.limits.extensionDays, reason };
    });
  }

  /** The handler reads a named complainant's identity; the reveal and its reason are recorded. */
  async reveal(
    principal: Principal,
    id: string,
    reason: string,
    key: string,
  ): Promise<{ name?: string; phone?: string; email?: string; address?: string }> {
    const v = new Validation();
    text(v, reason, 'reason', 5, 1000);
    v.throwIfAny();
    let cipher: string | null = null;
    await this.act(principal, id, key, 'revealIdentityComplaint', { reason }, async ({ em, c, now }) => {
      this.assertHandler(principal, c);
      if (!c.identity_cipher)
        throw complaintError(ComplaintErrorCode.NO_IDENTITY, '该投诉为匿名投诉，没有投诉人身份信息', 'id');
      await em.query(
        'INSERT INTO identity_reveal (id, complaint_id, revealed_by, reason, revealed_at) VALUES ($1, $2, $3, $4, $5)',
        [randomUUID(), c.id, principal.subject, reason, now],
      );
      cipher = c.identity_cipher;
      return { reason };
    });
    if (cipher === null) {
      // a retry: the reveal was recorded the first time; read the identity again for the same handler
      const [c]: ComplaintRow[] = await this.ds.query('SELECT * FROM complaint WHERE id = $1', [id]);
      this.assertHandler(principal, c!);
      cipher = c!.identity_cipher;
    }
    return this.config.cipher.decrypt(cipher!, id);
  }
}
