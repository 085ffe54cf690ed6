import { AppError, ErrorKind } from '@sunlight/shared';

/** Which of `unitCodes` are units of the city (see `knownUnitsClient`); an unknown one is absent. */
export type KnownUnits = (unitCodes: string[]) => Promise<Set<string>>;

/**
 * The units among `codes` the powers service knows. A failed call is an error
 * (`UNITS_UNAVAILABLE`, kind UNAVAILABLE), never "no such unit": a complaint must not be refused,
 * nor filed unchecked, because the directory did not answer.
 */
export async function knownUnitsAmong(knownUnits: KnownUnits, codes: string[]): Promise<Set<string>> {
  try {
    return await knownUnits(codes);
  } catch (e) {
    const error = new AppError(
      'UNITS_UNAVAILABLE',
      ErrorKind.UNAVAILABLE,
      '暂时无法核对被投诉单位（单位目录服务未响应），请稍后重试',
      'accused.unitCode',
    );
    error.cause = e; // for the log, never the client
    throw error;
  }
}
