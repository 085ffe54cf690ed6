import { complaintStatsError, ComplaintStatsErrorCode } from '../stats/complaint-stats.errors';

/**
 * How many cases each unit's subtree filed in [from, to), asked of the cases subgraph (see
 * `casesFiledClient`); a unit cases does not know is absent from the map.
 */
export type CasesFiled = (unitCodes: string[], from: Date, to: Date) => Promise<Map<string, number>>;

/**
 * The cases filed in `codes`' subtrees, for rates per case. A failed call is an error
 * (`CASES_UNAVAILABLE`), never an empty map: "no cases" and "cases did not answer" must not read
 * the same on a dashboard.
 */
export async function casesFiledIn(
  casesFiled: CasesFiled,
  codes: string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  try {
    return await casesFiled(codes, from, to);
  } catch (e) {
    const error = complaintStatsError(
      ComplaintStatsErrorCode.CASES_UNAVAILABLE,
      '暂时无法从办件服务读取受理办件数，万件投诉率（per10kCases）无法计算，请稍后重试',
      'per10kCases',
    );
    error.cause = e; // for the log, never the client
    throw error;
  }
}
