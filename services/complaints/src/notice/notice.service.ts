import { randomUUID } from 'node:crypto';
import {
  attachmentStore,
  platformError,
  PlatformErrorCode,
  publishEvent,
  Role,
  runIdempotent,
  scope,
  unitCode,
  Validation,
  type AttachmentUpload,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { assertKnownUnit } from '../clients/known-units';
import type { ComplaintsConfig } from '../complaints-config';
import type { ComplaintRow } from '../complaint/complaint-row';
import { complaintVisibility } from '../complaint/complaint-visibility';
import { complaintError, ComplaintErrorCode } from '../complaint/complaint.errors';
import { COMPLAINTS_SCHEMA } from '../complaint/complaint-filing.service';
import type { IssueNoticeInput, Notice } from './notice.type';
import { noticeItemStatusLabel } from './notice-item-status-label';

interface NoticeRow {
  id: string;
  number: string;
  kind: string;
  unit_code: string;
  issuer_unit: string;
  title: string;
  body: string;
  deadline: string;
  status: string;
  cited_complaints: string[];
  cited_cases: string[];
  cited_alerts: string[];
  overdue_at: Date | null;
  issued_at: Date;
}

/**
 * Notices and rectification (整改): an inspector issues a notice to a unit in scope; the unit's
 * leader answers each item with a report and evidence; an inspector accepts or returns each
 * answer; the notice closes when every item is accepted.
 */
export class NoticeService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
  ) {}

  /** The unit's leader and inspectors whose scope holds the unit. */
  private canSee(p: Principal, n: Pick<NoticeRow, 'unit_code'>): boolean {
    return (
      (p.role === Role.LEADER && p.unit === n.unit_code) ||
      (p.role === Role.INSPECTOR && scope.canRead(p, n.unit_code)) ||
      p.role === Role.SERVICE
    );
  }

  private async row(p: Principal, id: string, lock = false): Promise<NoticeRow> {
    const [n]: NoticeRow[] = isUuid(id)
      ? await this.ds.query(
          `SELECT *, deadline::text AS deadline FROM notice WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
          [id],
        )
      : [];
    if (!n || !this.canSee(p, n))
      throw complaintError(
        ComplaintErrorCode.NOTICE_NOT_FOUND,
        `您的管辖范围内没有检查（监察）建议书 ${id}`,
        'noticeId',
      );
    return n;
  }

  async issue(p: Principal, input: IssueNoticeInput, key: string): Promise<string> {
    scope.assertRole(p, [Role.INSPECTOR], '下发检查（监察）建议书');
    const v = new Validation();
    v.check(unitCode.isValid(input.unitCode) && scope.canRead(p, input.unitCode), 'unitCode', '须为您管辖范围内的单位');
    v.check(input.title.trim().length >= 2 && input.title.length <= 200, 'title', '长度须为 2-200 个字符');
    v.check(input.body.trim().length >= 2 && input.body.length <= 10000, 'body', '长度须为 2-10000 个字符');
    v.check(
      /^\d{4}-\d{2}-\d{2}$/.test(input.deadline) && input.deadline > this.config.calendar.localDate(this.config.now()),
      'deadline',
      '须为今天以后的日期（YYYY-MM-DD）',
    );
    v.check(
      input.items.length >= 1 &&
        input.items.length <= 50 &&
        input.items.every((i) => i.trim().length >= 2 && i.length <= 2000),
      'items',
      '须列出 1-50 项整改事项，每项 2-2000 个字符',
    );
    for (const [field, ids] of [
      ['citedComplaints', input.citedComplaints],
      ['citedCases', input.citedCases],
      ['citedAlerts', input.citedAlerts],
    ] as const) {
      v.check(
        (ids ?? []).every((id) => isUuid(id)),
        field,
        '须为编号',
      );
    }
    v.throwIfAny();
    await assertKnownUnit(this.config.knownUnits, input.unitCode, 'unitCode');
    for (const id of input.citedComplaints ?? []) {
      const [c]: ComplaintRow[] = await this.ds.query('SELECT * FROM complaint WHERE id = $1', [id]);
      if (!c || !complaintVisibility.canSee(p, c))
        throw platformError(PlatformErrorCode.VALIDATION_FAILED, `您的管辖范围内没有投诉 ${id}`, 'citedComplaints');
    }
    return (
      await runIdempotent(this.ds, { principal: p, key, operation: 'issueNotice', input }, async (em) => {
        const id = randomUUID();
        const [{ n }] = await em.query('SELECT count(*)::int + 1 AS n FROM notice WHERE issuer_unit = $1', [p.unit]);
        const number = `JC-${p.unit}-${String(n).padStart(4, '0')}`;
        await em.query(
          `INSERT INTO notice (id, number, kind, unit_code, issuer_unit, issued_by, title, body, deadline, status, cited_complaints, cited_cases, cited_alerts, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10, $11, $12, $13)`,
          [
            id,
            number,
            input.kind,
            input.unitCode,
            p.unit,
            p.subject,
            input.title.trim(),
            input.body,
            input.deadline,
            input.citedComplaints ?? [],
            input.citedCases ?? [],
            input.citedAlerts ?? [],
            this.config.now(),
          ],
        );
        for (const [i, item] of input.items.entries()) {
          await em.query(
            `INSERT INTO notice_item (notice_id, item_no, description, status) VALUES ($1, $2, $3, 'PENDING')`,
            [id, i + 1, item.trim()],
          );
        }
        await publishEvent(em, COMPLAINTS_SCHEMA, {
          topic: 'notice.issued',
          unitCode: input.unitCode,
          aggregateId: id,
          payload: {
            noticeId: id,
            number,
            unitCode: input.unitCode,
            issuerUnit: p.unit!,
            deadline: input.deadline,
            items: input.items.length,
          },
        });
        return { id };
      })
    ).id;
  }

  async answer(
    p: Principal,
    noticeId: string,
    itemNo: number,
    report: string,
    evidence: AttachmentUpload[],
    key: string,
  ): Promise<string> {
    scope.assertRole(p, [Role.LEADER], '报告整改情况');
    const v = new Validation();
    v.check(report.trim().length >= 2 && report.length <= 10000, 'report', '长度须为 2-10000 个字符');
    const contents = attachmentStore.validate(v, evidence, 'evidence');
    v.throwIfAny();
    return this.onItem(p, noticeId, itemNo, key, 'answerNoticeItem', { report, evidence }, async (em, n, item) => {
      if (p.unit !== n.unit_code)
        throw complaintError(ComplaintErrorCode.NOT_HANDLER, '整改情况由被建议单位的领导报告', 'noticeId');
      if (!['PENDING', 'RETURNED'].includes(item.status))
        throw complaintError(
          ComplaintErrorCode.INVALID_TRANSITION,
          `第${itemNo}项整改事项${noticeItemStatusLabel(item.status)}，不能再报告`,
          'itemNo',
        );
      const refs = await attachmentStore.store(em, evidence, contents);
      await em.query(
        `UPDATE notice_item SET status = 'ANSWERED', report = $3, evidence = $4, answered_by = $5, answered_at = $6 WHERE notice_id = $1 AND item_no = $2`,
        [noticeId, itemNo, report, JSON.stringify(refs), p.subject, this.config.now()],
      );
    });
  }

  async review(
    p: Principal,
    noticeId: string,
    itemNo: number,
    accept: boolean,
    comment: string,
    key: string,
  ): Promise<string> {
    scope.assertRole(p, [Role.INSPECTOR], '审核整改情况');
    return this.onItem(p, noticeId, itemNo, key, 'reviewNoticeItem', { accept, comment }, async (em, n, item) => {
      if (!scope.canRead(p, n.issuer_unit) && p.unit !== n.issuer_unit)
        throw complaintError(ComplaintErrorCode.NOT_HANDLER, '整改情况由下发建议书单位的纪检监察人员审核', 'noticeId');
      if (item.status !== 'ANSWERED')
        throw complaintError(
          ComplaintErrorCode.INVALID_TRANSITION,
          `第${itemNo}项整改事项${noticeItemStatusLabel(item.status)}，尚无待审核的整改报告`,
          'itemNo',
        );
      await em.query(
        'UPDATE notice_item SET status = $3, reviewed_by = $4, review_comment = $5, reviewed_at = $6 WHERE notice_id = $1 AND item_no = $2',
        [noticeId, itemNo, accept ? 'ACCEPTED' : 'RETURNED', p.subject, comment, this.config.now()],
      );
      const [{ open }] = await em.query(
        `SELECT count(*)::int AS open FROM notice_item WHERE notice_id = $1 AND status <> 'ACCEPTED'`,
        [noticeId],
      );
      if (open === 0) {
        await em.query(`UPDATE notice SET status = 'CLOSED', closed_at = $2 WHERE id = $1`, [
          noticeId,
          this.config.now(),
        ]);
        await publishEvent(em, COMPLAINTS_SCHEMA, {
          topic: 'notice.closed',
          unitCode: n.unit_code,
          aggregateId: noticeId,
          payload: { noticeId, number: n.number, unitCode: n.unit_code },
        });
      }
    });
  }

  private async onItem(
    p: Principal,
    noticeId: string,
    itemNo: number,
    key: string,
    operation: string,
    input: unknown,
    body: (em: EntityManager, n: NoticeRow, item: { status: string }) => Promise<void>,
  ): Promise<string> {
    await this.row(p, noticeId);
    await runIdempotent(
      this.ds,
      { principal: p, key, operation: `${operation}:${noticeId}:${itemNo}`, input },
      async (em) => {
        const [n]: NoticeRow[] = await em.query('SELECT * FROM notice WHERE id = $1 FOR UPDATE', [noticeId]);
        if (n!.status === 'CLOSED')
          throw complaintError(ComplaintErrorCode.INVALID_TRANSITION, `建议书 ${n!.number} 已办结`, 'noticeId');
        const [item]: { status: string }[] = await em.query(
          'SELECT status FROM notice_item WHERE notice_id = $1 AND item_no = $2',
          [noticeId, itemNo],
        );
        if (!item) throw complaintError(ComplaintErrorCode.ITEM_NOT_FOUND, `建议书没有第${itemNo}项整改事项`, 'itemNo');
        await body(em, n!, item);
        return { id: noticeId };
      },
    );
    return noticeId;
  }

  async get(p: Principal, id: string): Promise<Notice> {
    const n = await this.row(p, id);
    const items: {
      item_no: number;
      description: string;
      status: string;
      report: string | null;
      evidence: { sha256: string }[];
      review_comment: string | null;
    }[] = await this.ds.query('SELECT * FROM notice_item WHERE notice_id = $1 ORDER BY item_no', [id]);
    const visibleComplaints: string[] = [];
    if (p.role === Role.INSPECTOR) {
      for (const cid of n.cited_complaints) {
        const [c]: ComplaintRow[] = await this.ds.query('SELECT * FROM complaint WHERE id = $1', [cid]);
        if (c && complaintVisibility.canSee(p, c)) visibleComplaints.push(cid);
      }
    }
    return {
      id: n.id,
      number: n.number,
      kind: n.kind as Notice['kind'],
      unitCode: n.unit_code,
      issuerUnit: n.issuer_unit,
      title: n.title,
      body: n.body,
      deadline: n.deadline,
      status: n.status,
      overdue: n.status === 'OPEN' && n.deadline < this.config.calendar.localDate(this.config.now()),
      issuedAt: n.issued_at,
      items: items.map((i) => ({
        itemNo: i.item_no,
        description: i.description,
        status: i.status,
        report: i.report,
        evidenceHashes: i.evidence.map((e) => e.sha256),
        reviewComment: i.review_comment,
      })),
      citedComplaints: visibleComplaints,
      citedCases: n.cited_cases,
      citedAlerts: n.cited_alerts,
    };
  }

  /** Notices to `unit`'s subtree (inspectors) or to the leader's own unit. */
  async list(p: Principal, unit: string | undefined): Promise<Notice[]> {
    scope.assertRole(p, [Role.LEADER, Role.INSPECTOR], '查看检查（监察）建议书');
    const root = unit ?? p.unit!;
    scope.assertCanRead(p, root);
    const { low, high } = unitCode.subtreeRange(root);
    const rows: { id: string; unit_code: string }[] = await this.ds.query(
      'SELECT id, unit_code FROM notice WHERE unit_code BETWEEN $1 AND $2 ORDER BY issued_at DESC LIMIT 200',
      [low, high],
    );
    return Promise.all(rows.filter((r) => this.canSee(p, r)).map((r) => this.get(p, r.id)));
  }

  /** Publishes `notice.overdue` once for each open notice past its deadline. */
  async raiseOverdue(now: Date): Promise<number> {
    const today = this.config.calendar.localDate(now);
    const rows = await this.ds.transaction(async (em) => {
      const due: { id: string; number: string; unit_code: string; issuer_unit: string }[] = await em.query(
        // (a CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count])
        `WITH due AS (UPDATE notice SET overdue_at = $2 WHERE status = 'OPEN' AND overdue_at IS NULL AND deadline < $1::date RETURNING id, number, unit_code, issuer_unit)
         SELECT * FROM due`,
        [today, now],
      );
      for (const n of due) {
        await publishEvent(em, COMPLAINTS_SCHEMA, {
          topic: 'notice.overdue',
          unitCode: n.unit_code,
          aggregateId: n.id,
          payload: { noticeId: n.id, number: n.number, unitCode: n.unit_code, issuerUnit: n.issuer_unit },
        });
      }
      return due;
    });
    return rows.length;
  }
}
