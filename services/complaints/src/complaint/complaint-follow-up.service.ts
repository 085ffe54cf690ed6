import {
  attachmentStore,
  platformError,
  PlatformErrorCode,
  publishEvent,
  requestScope,
  runIdempotent,
  Validation,
  type AttachmentUpload,
  type Principal,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { ComplaintsConfig } from '../complaints-config';
import { verifyFollowUpCode } from '../identity/follow-up-code';
import type { ComplaintRow } from './complaint-row';
import { complaintTrace } from './complaint-trace';
import { complaintError, ComplaintErrorCode } from './complaint.errors';
import { complaintEventPayload, COMPLAINTS_SCHEMA } from './complaint-filing.service';
import type { ComplaintProgress } from './complaint-progress.type';

/** Failed follow-ups one client may make per window. */
export const FOLLOW_UP_FAILURES_PER_WINDOW = 10;
const WINDOW_MS = 10 * 60 * 1000;
const HIDDEN_FROM_COMPLAINANT = new Set(['REVEAL_IDENTITY']);

/**
 * The complainant's side: follow a complaint and add evidence with its number and follow-up code,
 * named or anonymous. A wrong code is answered like an unknown number; failures are rate-limited.
 */
export class ComplaintFollowUpService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
  ) {}

  private async checked(principal: Principal, number: string, code: string): Promise<ComplaintRow> {
    const client = principal.client ?? principal.subject;
    const window = new Date(Math.floor(this.config.now().getTime() / WINDOW_MS) * WINDOW_MS);
    const [limited]: { failures: number }[] = await this.ds.query(
      'SELECT failures FROM follow_up_failure WHERE client = $1 AND window_start = $2',
      [client, window],
    );
    if (limited && limited.failures >= FOLLOW_UP_FAILURES_PER_WINDOW)
      throw platformError(PlatformErrorCode.RATE_LIMITED, '您所在地址尝试失败次数过多，请几分钟后再试');
    const [row]: ComplaintRow[] = /^TS\d{4}-\d{6}$/.test(number.trim())
      ? // the complainant has no scope: found by number here, shown only if the code matches
        await requestScope.asSystem(() => this.ds.query('SELECT * FROM complaint WHERE number = $1', [number.trim()]))
      : [];
    if (!row || !(await verifyFollowUpCode(code, row.follow_up_hash))) {
      await this.ds.query(
        `INSERT INTO follow_up_failure (client, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (client, window_start) DO UPDATE SET failures = follow_up_failure.failures + 1`,
        [client, window],
      );
      throw complaintError(ComplaintErrorCode.COMPLAINT_NOT_FOUND, '没有与该投诉编号和查询码相符的投诉', 'number');
    }
    return row;
  }

  async progress(principal: Principal, number: string, code: string): Promise<ComplaintProgress> {
    const c = await this.checked(principal, number, code);
    const events: { seq: number; kind: string; at: Date; hash: string }[] = await this.ds.query(
      'SELECT seq, kind, at, hash FROM complaint_event WHERE complaint_id = $1 ORDER BY seq',
      [c.id],
    );
    const answered = c.status === 'FEEDBACK_GIVEN';
    return {
      number: c.number,
      status: c.status,
      receivedAt: c.received_at,
      acceptedAt: c.accepted_at,
      concludedAt: c.concluded_at,
      conclusion: answered ? c.conclusion : null,
      feedback: answered ? c.feedback : null,
      events: events.filter((e) => !HIDDEN_FROM_COMPLAINANT.has(e.kind)),
    };
  }

  async addEvidence(
    principal: Principal,
    number: string,
    code: string,
    evidence: AttachmentUpload[],
    key: string,
  ): Promise<ComplaintProgress> {
    const v = new Validation();
    v.check(evidence.length >= 1, 'evidence', '须至少添加一个文件');
    const contents = attachmentStore.validate(v, evidence, 'evidence');
    v.throwIfAny();
    const c = await this.checked(principal, number, code);
    await requestScope.asSystem(() =>
      runIdempotent(
        this.ds,
        {
          principal: { ...principal, subject: `complainant:${c.id}` },
          key,
          operation: 'addComplaintEvidence',
          input: { number, evidence },
        },
        async (em) => {
          const [locked]: ComplaintRow[] = await em.query('SELECT * FROM complaint WHERE id = $1 FOR UPDATE', [c.id]);
          const refs = await attachmentStore.store(em, evidence, contents);
          await complaintTrace.append(
            em,
            { id: c.id, lastSeq: locked!.last_seq, lastHash: locked!.last_hash },
            {
              kind: 'EVIDENCE_ADDED',
              actor: 'complainant',
              at: this.config.now(),
              payload: { files: refs.length },
              attachments: refs,
              idempotencyKey: key,
            },
          );
          await publishEvent(em, COMPLAINTS_SCHEMA, {
            topic: 'complaint.evidence_added',
            unitCode: locked!.handler_unit,
            aggregateId: c.id,
            payload: complaintEventPayload(locked!),
          });
          return { id: c.id };
        },
      ),
    );
    return this.progress(principal, number, code);
  }
}
