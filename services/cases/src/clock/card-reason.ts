import type { CardLevelName } from '../case/case-row';

/**
 * Why a step card was raised, as officials read it on the card and its alert (zh-CN), e.g.
 * `第2步已用 4/5 个工作日`. The data generator writes the same text for the cards it makes.
 */
export function stepCardReason(
  level: CardLevelName,
  stepNo: number,
  elapsed: number,
  limit: number,
  redAfterOverdueDays: number,
): string {
  switch (level) {
    case 'REMINDER':
      return `第${stepNo}步已用 ${elapsed}/${limit} 个工作日`;
    case 'YELLOW':
      return `第${stepNo}步已超时 ${elapsed - limit} 个工作日`;
    case 'RED':
      return `第${stepNo}步已超时 ${elapsed - limit} 个工作日（超过 ${redAfterOverdueDays} 个工作日）`;
  }
}

/** Why the case card (RED, scope `case`) was raised: the case has passed its statutory limit. */
export function caseCardReason(elapsed: number, limit: number): string {
  return `办件已用 ${elapsed} 个工作日，超过法定时限 ${limit} 个工作日`;
}
