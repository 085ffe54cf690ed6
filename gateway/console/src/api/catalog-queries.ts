/** The public catalog's queries (no sign-in): units by name, powers of a unit, one power. */

export interface UnitNode {
  code: string;
  name: string;
  tier: string;
  children: { code: string; name: string; tier: string }[];
}

export const ROOT_UNITS = /* GraphQL */ `
  query RootUnits {
    rootUnits {
      code
      name
      tier
      children {
        code
        name
        tier
      }
    }
  }
`;

export const UNIT_CHILDREN = /* GraphQL */ `
  query UnitChildren($code: ID!) {
    unit(code: $code) {
      code
      name
      tier
      children {
        code
        name
        tier
      }
    }
  }
`;

export interface PowerRow {
  id: string;
  code: string;
  catalogCode: string;
  name: string;
  categoryLabel: string;
  promisedDays: number;
  statutoryDays: number;
  principalLeader: boolean;
  unit: { name: string } | null;
  department: { name: string } | null;
  riskPoints: { colour: RiskColour }[];
}

export type RiskColour = 'RED' | 'ORANGE' | 'YELLOW';

export interface PowerPage {
  powers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: PowerRow }[];
  };
}

export const POWERS = /* GraphQL */ `
  query PublicPowers($unit: ID, $filter: PowerFilter, $after: String, $first: Int!) {
    powers(unit: $unit, filter: $filter, after: $after, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          catalogCode
          name
          categoryLabel
          promisedDays
          statutoryDays
          principalLeader
          unit {
            name
          }
          department {
            name
          }
          riskPoints {
            colour
          }
        }
      }
    }
  }
`;

export interface PowerDetail {
  id: string;
  version: number;
  code: string;
  catalogCode: string;
  name: string;
  categoryLabel: string;
  legalBasis: string;
  conditions: string;
  fees: string;
  statutoryDays: number;
  promisedDays: number;
  principalLeader: boolean;
  publishedAt: string | null;
  unit: { name: string } | null;
  department: { name: string } | null;
  responsiblePost: { name: string; department: { name: string } | null } | null;
  supervisor: { name: string } | null;
  flow: { stepNo: number; name: string; timeLimitDays: number; description: string; post: { name: string } | null }[];
  riskPoints: {
    id: string;
    stepNo: number | null;
    level: number;
    colour: RiskColour;
    levelLabel: string;
    description: string;
    measures: string[];
  }[];
}

export const POWER = /* GraphQL */ `
  query PublicPower($id: ID!) {
    power(id: $id) {
      id
      version
      code
      catalogCode
      name
      categoryLabel
      legalBasis
      conditions
      fees
      statutoryDays
      promisedDays
      principalLeader
      publishedAt
      unit {
        name
      }
      department {
        name
      }
      responsiblePost {
        name
        department {
          name
        }
      }
      supervisor {
        name
      }
      flow {
        stepNo
        name
        timeLimitDays
        description
        post {
          name
        }
      }
      riskPoints {
        id
        stepNo
        level
        colour
        levelLabel
        description
        measures
      }
    }
  }
`;

/** The categories of power (职权类别) as the catalog filter offers them. */
export const CATEGORIES: { value: string; label: string }[] = [
  { value: 'LICENSING', label: '行政许可' },
  { value: 'PENALTY', label: '行政处罚' },
  { value: 'COERCION', label: '行政强制' },
  { value: 'LEVY', label: '行政征收' },
  { value: 'BENEFIT', label: '行政给付' },
  { value: 'INSPECTION', label: '行政检查' },
  { value: 'CONFIRMATION', label: '行政确认' },
  { value: 'REWARD', label: '行政奖励' },
  { value: 'ADJUDICATION', label: '行政裁决' },
  { value: 'OTHER', label: '其他行政权力' },
];

export const COLOUR_LABEL: Record<RiskColour, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' };
