import { randomUUID } from 'node:crypto';
import { attachmentStore, GENESIS_HASH, publishEvent, Role, runIdempotent, scope, Validation, type Principal, isUuid } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { caseTrace } from '../trace/case-trace';
import { checkApplicant, checkText, mergeAmounts } from './case-input.validation';
import { caseError, CaseErrorCode } from './case.errors';
import type { FileCaseInput } from './case.input';
import type { CasesConfig } from './cases-config';
import { queryCode } from './query-code';

/** The service's Postgres schema (its outbox lives there). */
export const CASES_SCHEMA = 'cases';

/** What filing returns (and a retry returns again). */
export interface FiledRef {
  caseId: string;
  number: string;
  queryCode: string;
}

/**
 * Files cases (受理). A CLERK of the power's responsible department, or a LEADER of its unit,
 * files under the published version of a power of its own unit; the case snapshots that version
 * and runs under it even after the power changes.
 */
export class CaseFilingService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: CasesConfig,
  ) {}

  async file(principal: Principal, input: FileCaseInput, idempotencyKey: string): Promise<FiledRef> {
    scope.assertRole(principal, [Role.CLERK, Role.LEADER], 'file cases');
    const v = new Validation();
    checkApplicant(v, input.applicant);
    checkText(v, input.details, 'details', 4000);
    const amounts = mergeAmounts(v, input.amounts, {});
    const contents = attachmentStore.validate(v, input.attachments ?? []);
    v.check(isUuid(input.powerId), 'powerId', 'must be a power id');
    v.throwIfAny();

    return runIdempotent(this.ds, { principal, key: idempotencyKey, operation: 'fileCase', input }, async (em) => {
      let snapshot;
      try {
        snapshot = await this.config.powers.publishedSnapshot(input.powerId);
      } catch {
        throw caseError(CaseErrorCode.POWERS_UNAVAILABLE, 'the power catalog could not be reached; retry with the same idempotencyKey');
      }
      if (!snapshot || snapshot.flow.length === 0) throw caseError(CaseErrorCode.POWER_NOT_AVAILABLE, `power ${input.powerId} is not published`, 'powerId');
      if (snapshot.unitCode !== principal.unit) throw caseError(CaseErrorCode.NOT_RESPONSIBLE, `power ${snapshot.code} belongs to unit ${snapshot.unitCode}, not yours`, 'powerId');
      if (principal.role === Role.CLERK && principal.department !== snapshot.departmentId) {
        throw caseError(CaseErrorCode.NOT_RESPONSIBLE, `only the responsible department of ${snapshot.name} files its cases`, 'powerId');
      }
      const now = this.config.now();
      const year = Number(this.config.calendar.localDate(now).slice(0, 4));
      const [counter]: { last: number }[] = await em.query(
        `INSERT INTO case_counter (unit_code, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (unit_code, year) DO UPDATE SET last = case_counter.last + 1 RETURNING last`,
        [snapshot.unitCode, year],
      );
      const id = randomUUID();
      const number = `${snapshot.unitCode}-${year}-${String(counter!.last).padStart(6, '0')}`;
      await em.query(
        `INSERT INTO "case" (id, number, unit_code, department_id, power_id, power_version, power_snapshot, applicant_name, applicant_id_number,
           applicant_phone, details, amounts, status, current_step, step_started_at, received_at, filed_by, last_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'RECEIVED', 1, $13, $13, $14, $15)`,
        [
          id,
          number,
          snapshot.unitCode,
          snapshot.departmentId,
          snapshot.id,
          snapshot.version,
          JSON.stringify(snapshot),
          input.applicant.name.trim(),
          input.applicant.idNumber.toUpperCase(),
          input.applicant.phone,
          input.details,
          JSON.stringify(amounts),
          now,
          principal.subject,
          GENESIS_HASH,
        ],
      );
      await em.query('INSERT INTO case_step_log (case_id, entry, step_no, started_at) VALUES ($1, 1, 1, $2)', [id, now]);
      const attachments = await attachmentStore.store(em, input.attachments ?? [], contents);
      const head = { id, lastSeq: 0, lastHash: GENESIS_HASH };
      await caseTrace.append(em, head, {
        kind: 'FILED',
        actor: principal.subject,
        at: now,
        payload: { number, powerId: snapshot.id, powerVersion: snapshot.version, step: 1, details: input.details },
        attachments,
        idempotencyKey,
      });
      await publishEvent(em, CASES_SCHEMA, {
        topic: 'case.filed',
        unitCode: snapshot.unitCode,
        aggregateId: id,
        payload: { caseId: id, number, powerId: snapshot.id, powerVersion: snapshot.version },
      });
      return { caseId: id, number, queryCode: '' };
    }).then((ref) => ({ ...ref, queryCode: queryCode.for(this.config.queryCodeKey, ref.caseId) }));
  }
}
