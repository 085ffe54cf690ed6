/** The public's own actions and views (no sign-in): rating a finished step, the satisfaction barometer. */

/** A citizen rates a finished step of their case with its number and query code. */
export const RATE_CASE = /* GraphQL */ `
  mutation RateCase($input: RateCaseInput!, $key: String!) {
    rateCase(input: $input, idempotencyKey: $key) {
      id
      score
      ratedOn
    }
  }
`;

export interface RatingReceipt {
  id: string;
  score: number;
  ratedOn: string;
}

/** The five levels of a rating, best first (the API's 5 非常满意 … 1 非常不满意). */
export const SCORE_LEVELS: { score: number; label: string }[] = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
];

export const SCORE_LABEL: Record<number, string> = Object.fromEntries(SCORE_LEVELS.map((l) => [l.score, l.label]));

export const RATING_TAGS: { value: string; label: string }[] = [
  { value: 'ATTITUDE', label: '服务态度' },
  { value: 'EFFICIENCY', label: '办事效率' },
  { value: 'FAIRNESS', label: '公平公正' },
  { value: 'TRANSPARENCY', label: '公开透明' },
  { value: 'ASKED_FOR_FAVOURS', label: '吃拿卡要' },
  { value: 'ENVIRONMENT', label: '办事环境' },
];

/** Public aggregates of a unit's subtree for ratings dated in [from, to). */
export interface Satisfaction {
  count: number;
  average: number | null;
  satisfiedShare: number | null;
  dissatisfiedShare: number | null;
  rank: number | null;
  peers: number;
}

export interface BarometerUnit {
  code: string;
  name: string;
  tier: string;
  satisfaction: Satisfaction | null;
}

const SATISFACTION_FIELDS = `
  code
  name
  tier
  satisfaction(from: $from, to: $to) {
    count
    average
    satisfiedShare
    dissatisfiedShare
    rank
    peers
  }
`;

/** The top of the tree's units (the city for the public) with the satisfaction of each child. */
export const BAROMETER_ROOTS = /* GraphQL */ `
  query BarometerRoots($from: String!, $to: String!) {
    rootUnits {
      code
      name
      tier
      children { ${SATISFACTION_FIELDS} }
    }
  }
`;

/** One unit with the satisfaction of each of its children (the same tier, ranked city-wide). */
export const BAROMETER_UNIT = /* GraphQL */ `
  query BarometerUnit($code: ID!, $from: String!, $to: String!) {
    unit(code: $code) {
      code
      name
      tier
      parent {
        code
        name
      }
      children { ${SATISFACTION_FIELDS} }
    }
  }
`;

export interface BarometerParent {
  code: string;
  name: string;
  tier: string;
  parent?: { code: string; name: string } | null;
  children: BarometerUnit[];
}

export const TIER_LABEL: Record<string, string> = {
  CITY: '市级',
  COUNTY: '县（区）级',
  TOWNSHIP: '乡镇（街道）级',
  VILLAGE: '村（社区）级',
};

/** The first day of a month (YYYY-MM) and the first day of the next, as the API's [from, to). */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** The current month (YYYY-MM) in China Standard Time. */
export function currentChinaMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts['year']}-${parts['month']}`;
}

/** A share (0-1) as a percentage with one decimal, or 一 when there is none. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}
