import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { platformError, PlatformErrorCode } from '../errors/platform-error';
import { canonicalJson } from '../trace/canonical-json';

const KEY_FORMAT = /^[A-Za-z0-9._:-]{8,128}$/;

/** One idempotent mutation: who calls, with which key, for which operation and input. */
export interface IdempotentRequest {
  principal: Principal;
  key: string;
  operation: string;
  input: unknown;
}

/**
 * Runs `work` in one transaction at most once per (caller, idempotency key). A retry with the
 * same key and the same input returns the stored result of the first call without running
 * `work`; the same key with another operation or input is refused (IDEMPOTENCY_KEY_REUSED).
 * Concurrent retries wait on the first one's row lock, so exactly one of them writes.
 * `work` must return a JSON-serialisable value (usually the ids to load the result by).
 */
export async function runIdempotent<R>(
  dataSource: DataSource,
  request: IdempotentRequest,
  work: (em: EntityManager) => Promise<R>,
): Promise<R> {
  if (!KEY_FORMAT.test(request.key)) {
    throw platformError(
      PlatformErrorCode.VALIDATION_FAILED,
      '幂等键（idempotencyKey）须为 8-128 个字母、数字或 “.” “_” “:” “-”',
      'idempotencyKey',
    );
  }
  // Anonymous callers share the subject "public": their keys are kept apart by client address.
  const owner =
    request.principal.role === Role.PUBLIC ? `public:${request.principal.client ?? ''}` : request.principal.subject;
  const hash = createHash('sha256')
    .update(`${request.operation}\n${canonicalJson(request.input)}`)
    .digest('hex');
  return dataSource.transaction(async (em) => {
    const inserted: unknown[] = await em.query(
      `INSERT INTO idempotency_key (subject, key, operation, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [owner, request.key, request.operation, hash],
    );
    if (inserted.length === 0) {
      const rows: { operation: string; request_hash: string; result: R }[] = await em.query(
        'SELECT operation, request_hash, result FROM idempotency_key WHERE subject = $1 AND key = $2',
        [owner, request.key],
      );
      const first = rows[0];
      if (!first || first.request_hash !== hash) {
        throw platformError(
          PlatformErrorCode.IDEMPOTENCY_KEY_REUSED,
          `该幂等键已用于内容不同的${first ? `操作 ${first.operation}` : '另一请求'}，新的请求请使用新的幂等键`,
          'idempotencyKey',
        );
      }
      return first.result;
    }
    const result = await work(em);
    await em.query('UPDATE idempotency_key SET result = $3 WHERE subject = $1 AND key = $2', [
      owner,
      request.key,
      JSON.stringify(result ?? null),
    ]);
    return result;
  });
}
