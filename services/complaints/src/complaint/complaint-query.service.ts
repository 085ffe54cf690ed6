import {
  checkPageSize,
  cursor,
  platformError,
  PlatformErrorCode,
  Role,
  scope,
  toPage,
  unitCode,
  type Page,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { ComplaintRow } from './complaint-row';
import { complaintVisibility } from './complaint-visibility';
import { complaintError, ComplaintErrorCode } from './complaint.errors';
import { toComplaint, type Complaint, type ComplaintEvent } from './complaint.type';

/** Reads complaints for the inspectors allowed to see them; everyone else finds nothing. */
export class ComplaintQueryService {
  constructor(private readonly ds: DataSource) {}

  async find(principal: Principal, id: string): Promise<ComplaintRow | null> {
    if (!isUuid(id)) return null;
    const [c]: ComplaintRow[] = await this.ds.query('SELECT * FROM complaint WHERE id = $1', [id]);
    return c && complaintVisibility.canSee(principal, c) ? c : null;
  }

  async get(principal: Principal, id: string): Promise<Complaint> {
    const c = await this.find(principal, id);
    if (!c) throw complaintError(ComplaintErrorCode.COMPLAINT_NOT_FOUND, `您的管辖范围内没有投诉 ${id}`, 'id');
    return toComplaint(c);
  }

  /** Complaints handled in `unit`'s subtree (default: the caller's unit), newest first. */
  async list(
    principal: Principal,
    unit: string | undefined,
    status: string | null | undefined,
    first: number,
    after?: string | null,
  ): Promise<Page<Complaint>> {
    scope.assertRole(principal, [Role.INSPECTOR], '查看投诉举报');
    checkPageSize(first);
    const root = unit ?? principal.unit!;
    if (!unitCode.isValid(root))
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, '单位须为 12 位行政区划代码', 'unit');
    scope.assertCanRead(principal, root);
    const params: unknown[] = [];
    const where = [complaintVisibility.sqlFilter(principal, root, params)];
    if (status) {
      params.push(status);
      where.push(`c.status = $${params.length}`);
    }
    if (after) {
      const [at, id] = cursor.decode(after, 2);
      params.push(new Date(String(at)), String(id));
      where.push(`(c.received_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    const rows: ComplaintRow[] = await this.ds.query(
      `SELECT c.* FROM complaint c WHERE ${where.join(' AND ')} ORDER BY c.received_at DESC, c.id DESC LIMIT ${first + 1}`,
      params,
    );
    return toPage(rows.map(toComplaint), first, (c) => [c.receivedAt.toISOString(), c.id]);
  }

  async events(complaintId: string): Promise<ComplaintEvent[]> {
    const rows: {
      seq: number;
      kind: string;
      actor: string;
      at: Date;
      attachments: { sha256: string }[];
      hash: string;
    }[] = await this.ds.query(
      'SELECT seq, kind, actor, at, attachments, hash FROM complaint_event WHERE complaint_id = $1 ORDER BY seq',
      [complaintId],
    );
    return rows.map((r) => ({
      seq: r.seq,
      kind: r.kind,
      actor: r.actor,
      at: r.at,
      hash: r.hash,
      attachmentHashes: r.attachments.map((a) => a.sha256),
    }));
  }
}
