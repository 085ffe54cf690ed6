import { Validation } from '@sunlight/shared';
import { complaintError, ComplaintErrorCode } from '../complaint/complaint.errors';

/** Which of `unitCodes` are units of the city (see `knownUnitsClient`); an unknown one is absent. */
export type KnownUnits = (unitCodes: string[]) => Promise<Set<string>>;

/**
 * The units among `codes` the powers service knows. A failed call is an error
 * (`UNITS_UNAVAILABLE`, kind UNAVAILABLE), never "no such unit": a complaint must not be refused,
 * nor filed unchecked, because the directory did not answer.
 */
export async function knownUnitsAmong(
  knownUnits: KnownUnits,
  codes: string[],
  field = 'accused.unitCode',
): Promise<Set<string>> {
  try {
    return await knownUnits(codes);
  } catch (e) {
    const error = complaintError(
      ComplaintErrorCode.UNITS_UNAVAILABLE,
      '暂时无法核对单位代码（单位目录服务未响应），请稍后重试',
      field,
    );
    error.cause = e; // for the log, never the client
    throw error;
  }
}

/**
 * Throws `VALIDATION_FAILED` on `field` unless `code` is a unit of the city (`UNITS_UNAVAILABLE`
 * when the directory does not answer). Call it before a transaction, not inside one.
 */
export async function assertKnownUnit(knownUnits: KnownUnits, code: string, field: string): Promise<void> {
  if (!(await knownUnitsAmong(knownUnits, [code], field)).has(code))
    new Validation().add(field, `没有代码为 ${code} 的单位`).throwIfAny();
}
