import {
  ADMIN_ALERT_KINDS,
  canSeeAlert,
  checkPageSize,
  cursor,
  platformError,
  PlatformErrorCode,
  Role,
  runIdempotent,
  scope,
  toPage,
  unitCode,
  Validation,
  type Page,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { alertDetails } from './alert-details';
import { alertError, AlertErrorCode } from './alert.errors';
import {
  FEED_LIMIT,
  LEVEL_RANK,
  type Alert,
  type AlertFeedItem,
  type AlertKind,
  type AlertFilter,
  type AlertLevel,
  type DisposalKind,
} from './alert.type';

/** An alert as stored. */
export interface AlertRow {
  id: string;
  seq: string;
  kind: string;
  level: AlertLevel;
  unit_code: string;
  subject_type: string;
  subject_id: string;
  accused_unit: string | null;
  accused_department: string | null;
  against_leadership: boolean;
  title: string;
  details: unknown;
  raised_at: Date;
  status: string;
  disposal_kind: string | null;
  disposal_note: string | null;
  disposed_by: string | null;
  disposed_at: Date | null;
}

const facts = (r: AlertRow) => ({
  kind: r.kind,
  unitCode: r.unit_code,
  accusedUnit: r.accused_unit,
  accusedDepartment: r.accused_department,
  againstLeadership: r.against_leadership,
});

export function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    seq: String(r.seq),
    kind: r.kind as Alert['kind'],
    level: r.level,
    unit: { code: r.unit_code },
    subjectType: r.subject_type,
    case: r.subject_type === 'Case' ? { id: r.subject_id } : null,
    complaint: r.subject_type === 'Complaint' ? { id: r.subject_id } : null,
    notice: r.subject_type === 'Notice' ? { id: r.subject_id } : null,
    title: r.title,
    details: alertDetails(r.kind as AlertKind, r.details),
    raisedAt: r.raised_at,
    status: r.status as Alert['status'],
    disposal: r.disposal_kind
      ? {
          kind: r.disposal_kind as DisposalKind,
          note: r.disposal_note ?? '',
          by: r.disposed_by ?? '',
          at: r.disposed_at!,
        }
      : null,
  };
}

/** Reads and disposes of alerts for those allowed to see them (see `canSeeAlert`). */
export class AlertService {
  constructor(private readonly ds: DataSource) {}

  async find(p: Principal, id: string): Promise<AlertRow | null> {
    if (!isUuid(id)) return null;
    const [r]: AlertRow[] = await this.ds.query('SELECT * FROM alert WHERE id = $1', [id]);
    return r && canSeeAlert(p, facts(r)) ? r : null;
  }

  async get(p: Principal, id: string): Promise<Alert> {
    const r = await this.find(p, id);
    if (!r) throw alertError(AlertErrorCode.ALERT_NOT_FOUND, `您的管辖范围内没有预警 ${id}`, 'id');
    return toAlert(r);
  }

  /** Alerts of a subtree, newest first. Rows the caller may not see are filtered by the same rule as everywhere. */
  async list(p: Principal, filter: AlertFilter, first: number, after?: string | null): Promise<Page<Alert>> {
    scope.assertRole(p, [Role.INSPECTOR, Role.LEADER, Role.SCREEN, Role.ADMIN], '查看预警');
    checkPageSize(first);
    const root = filter.unit ?? p.unit!;
    if (!unitCode.isValid(root))
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, '单位须为 12 位行政区划代码', 'filter.unit');
    scope.assertCanRead(p, root, 'filter.unit');
    const params: unknown[] = [];
    const add = (v: unknown) => `$${params.push(v)}`;
    const where = [scope.subtreeCondition('unit_code', root, add)];
    // the complaint rule, in SQL: not about the caller's own leadership or department
    where.push(
      `NOT (against_leadership AND accused_unit = ${add(p.unit ?? '')})`,
      `(accused_department IS NULL OR accused_department::text <> ${add(p.department ?? '')})`,
    );
    if (p.role === Role.LEADER || p.role === Role.SCREEN)
      where.push(`kind IN ('CARD', 'CHECKPOINT_BLOCKED', 'LOW_RATING')`);
    // Administrators see only the platform's upkeep alerts (ADMIN_ALERT_KINDS), and only they do.
    if (p.role === Role.ADMIN) where.push(`kind = ANY(${add([...ADMIN_ALERT_KINDS])})`);
    else where.push(`NOT (kind = ANY(${add([...ADMIN_ALERT_KINDS])}))`);
    if (filter.minLevel)
      where.push(
        `level = ANY(${add(
          Object.entries(LEVEL_RANK)
            .filter(([, r]) => r >= LEVEL_RANK[filter.minLevel!])
            .map(([l]) => l),
        )})`,
      );
    if (filter.kinds?.length) where.push(`kind = ANY(${add(filter.kinds)})`);
    if (filter.status) where.push(`status = ${add(filter.status)}`);
    if (filter.from) where.push(`raised_at >= ${add(filter.from)}`);
    if (filter.to) where.push(`raised_at < ${add(filter.to)}`);
    if (after) {
      const [seq] = cursor.decode(after, 1);
      where.push(`seq < ${add(String(seq))}::bigint`);
    }
    const rows: AlertRow[] = await this.ds.query(
      `SELECT * FROM alert WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ${add(first + 1)}`,
      params,
    );
    return toPage(rows.filter((r) => canSeeAlert(p, facts(r))).map(toAlert), first, (a) => [a.seq]);
  }

  /** Alerts after `afterSeq` (or after the alert `afterId`) in seq order, for the gateway's feed. Services only. */
  async feed(p: Principal, afterSeq: string | null, afterId: string | null, limit: number): Promise<AlertFeedItem[]> {
    if (p.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, '仅供阳光平台内部服务调用');
    let from = afterSeq ?? '0';
    if (afterId) {
      const [r]: { seq: string }[] = isUuid(afterId)
        ? await this.ds.query('SELECT seq FROM alert WHERE id = $1', [afterId])
        : [];
      if (!r) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'after 不是预警编号', 'after');
      from = String(r.seq);
    }
    const rows: AlertRow[] = await this.ds.query('SELECT * FROM alert WHERE seq > $1::bigint ORDER BY seq LIMIT $2', [
      from,
      Math.min(limit, FEED_LIMIT),
    ]);
    return rows.map((r) => ({
      id: r.id,
      seq: String(r.seq),
      kind: r.kind,
      level: r.level,
      unitCode: r.unit_code,
      accusedUnit: r.accused_unit,
      accusedDepartment: r.accused_department,
      againstLeadership: r.against_leadership,
      raisedAt: r.raised_at,
    }));
  }

  async head(p: Principal): Promise<string> {
    if (p.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, '仅供阳光平台内部服务调用');
    const [r]: { seq: string | null }[] = await this.ds.query('SELECT max(seq)::text AS seq FROM alert');
    return r?.seq ?? '0';
  }

  async acknowledge(p: Principal, id: string, key: string): Promise<Alert> {
    scope.assertRole(p, [Role.INSPECTOR, Role.LEADER, Role.ADMIN], '签收预警');
    await this.get(p, id);
    await runIdempotent(this.ds, { principal: p, key, operation: `acknowledgeAlert:${id}`, input: {} }, async (em) => {
      await em.query(
        `UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 AND status = 'OPEN'`,
        [id, p.subject],
      );
      return { id };
    });
    return this.get(p, id);
  }

  async dispose(p: Principal, id: string, kind: DisposalKind, note: string, key: string): Promise<Alert> {
    scope.assertRole(p, [Role.INSPECTOR, Role.LEADER, Role.ADMIN], '处置预警');
    const v = new Validation();
    v.check(note.trim().length >= 2 && note.length <= 2000, 'note', '长度须为 2-2000 个字符');
    v.throwIfAny();
    await this.get(p, id); // in scope and visible, or an error
    // A retry is answered by runIdempotent before this runs; a second, different disposal waits
    // for the row lock and is refused, so no disposal ever overwrites another.
    await runIdempotent(
      this.ds,
      { principal: p, key, operation: `disposeAlert:${id}`, input: { kind, note } },
      async (em) => {
        const [row]: { status: string }[] = await em.query('SELECT status FROM alert WHERE id = $1 FOR UPDATE', [id]);
        if (row?.status === 'DISPOSED') throw alertError(AlertErrorCode.ALERT_DISPOSED, `预警 ${id} 已处置`, 'id');
        await em.query(
          `UPDATE alert SET status = 'DISPOSED', disposal_kind = $2, disposal_note = $3, disposed_by = $4, disposed_at = now() WHERE id = $1`,
          [id, kind, note, p.subject],
        );
        return { id };
      },
    );
    return this.get(p, id);
  }
}
