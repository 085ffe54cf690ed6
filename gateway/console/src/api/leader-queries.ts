/** The leader's queries and mutations: cases awaiting a decision or more time, notices, figures. */

export type CardLevel = 'REMINDER' | 'YELLOW' | 'RED';
export type CaseStatus = 'RECEIVED' | 'IN_PROGRESS' | 'SUSPENDED' | 'COMPLETED' | 'WITHDRAWN';

export interface LeaderCase {
  id: string;
  number: string;
  status: CaseStatus;
  powerName: string;
  details: string;
  currentStep: number;
  receivedAt: string;
  cardLevel: CardLevel | null;
  currentStepDeadline: string | null;
  currentStepDeadlineProvisional: boolean;
  workingDaysElapsed: number;
  applicantName: string;
  unit: { code: string; name: string } | null;
  steps: { stepNo: number; name: string; timeLimitDays: number; state: string }[];
}

export interface CasePage {
  unit: {
    cases: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: LeaderCase }[];
    } | null;
  };
}

export const LEADER_CASES = /* GraphQL */ `
  query LeaderCases($unit: ID!, $filter: CaseFilter, $after: String, $first: Int!) {
    unit(code: $unit) {
      code
      cases(filter: $filter, after: $after, first: $first) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            number
            status
            powerName
            details
            currentStep
            receivedAt
            cardLevel
            currentStepDeadline
            currentStepDeadlineProvisional
            workingDaysElapsed
            applicantName
            unit {
              code
              name
            }
            steps {
              stepNo
              name
              timeLimitDays
              state
            }
          }
        }
      }
    }
  }
`;

export interface CaseEventRow {
  seq: number;
  kind: string;
  at: string;
  payload: string;
}

export const CASE_EVENTS = /* GraphQL */ `
  query LeaderCaseEvents($id: ID!) {
    case(id: $id) {
      id
      events {
        seq
        kind
        at
        payload
      }
    }
  }
`;

const CASE_ANSWER = 'id number status outcome currentStep currentStepDeadline';

export const COMPLETE_CASE = /* GraphQL */ `
  mutation LeaderCompleteCase($input: CompleteCaseInput!, $key: String!) {
    completeCase(input: $input, idempotencyKey: $key) { ${CASE_ANSWER} }
  }
`;

/** What the leader does with a case at its decision step: 准予, 不予, or 退回 to an earlier step. */
export type Decision = 'APPROVED' | 'REJECTED' | 'RETURNED';

export const RETURN_CASE = /* GraphQL */ `
  mutation LeaderReturnCase($input: ReturnCaseInput!, $key: String!) {
    returnCase(input: $input, idempotencyKey: $key) { ${CASE_ANSWER} }
  }
`;

export const EXTEND_CASE = /* GraphQL */ `
  mutation LeaderExtendCase($input: ExtendCaseInput!, $key: String!) {
    extendCase(input: $input, idempotencyKey: $key) { ${CASE_ANSWER} }
  }
`;

export interface NoticeItem {
  itemNo: number;
  description: string;
  status: 'PENDING' | 'ANSWERED' | 'RETURNED' | 'ACCEPTED';
  report: string | null;
  evidenceHashes: string[];
  reviewComment: string | null;
}

export interface Notice {
  id: string;
  number: string;
  kind: 'INSPECTION' | 'SUPERVISION';
  unitCode: string;
  issuerUnit: string;
  title: string;
  body: string;
  deadline: string;
  status: 'OPEN' | 'CLOSED';
  overdue: boolean;
  issuedAt: string;
  items: NoticeItem[];
}

const NOTICE_FIELDS = `
  id
  number
  kind
  unitCode
  issuerUnit
  title
  body
  deadline
  status
  overdue
  issuedAt
  items {
    itemNo
    description
    status
    report
    evidenceHashes
    reviewComment
  }
`;

export const NOTICES = /* GraphQL */ `
  query LeaderNotices {
    notices { ${NOTICE_FIELDS} }
  }
`;

export const NOTICE = /* GraphQL */ `
  query LeaderNotice($id: ID!) {
    notice(id: $id) { ${NOTICE_FIELDS} }
  }
`;

export const ANSWER_NOTICE_ITEM = /* GraphQL */ `
  mutation LeaderAnswerNoticeItem(
    $noticeId: ID!
    $itemNo: Int!
    $report: String!
    $evidence: [EvidenceInput!]
    $key: String!
  ) {
    answerNoticeItem(noticeId: $noticeId, itemNo: $itemNo, report: $report, evidence: $evidence, idempotencyKey: $key) {
      ${NOTICE_FIELDS}
    }
  }
`;

/** A unit's name by code, asked without a token: unit names are public, and an issuer may sit above the leader's scope. */
export const UNIT_NAME = /* GraphQL */ `
  query UnitName($code: ID!) {
    unit(code: $code) {
      code
      name
    }
  }
`;

export interface PeriodFigures {
  caseStats: {
    filed: number;
    open: number;
    completed: number;
    overdue: number;
    onTimeRate: number | null;
    averageWorkingDays: number | null;
  } | null;
  satisfaction: {
    count: number;
    average: number | null;
    satisfiedShare: number | null;
    rank: number | null;
    peers: number;
  } | null;
  complaintStats: {
    received: number;
    substantiatedRate: number | null;
    noticesOpen: number;
    noticesOverdue: number;
  } | null;
}

export interface UnitFigures extends PeriodFigures {
  code: string;
  name: string;
  tier: string;
  caseTrend: { months: string[]; filed: number[]; completed: number[]; overdue: number[]; late: number[] } | null;
  satisfactionTrend: { months: string[]; ratings: number[]; average: (number | null)[] } | null;
  complaintTrend: { months: string[]; received: number[]; substantiated: number[] } | null;
  riskIndex: {
    month: string;
    score: number | null;
    status: 'CALCULATED' | 'INSUFFICIENT_DATA';
    band: 'NORMAL' | 'ELEVATED' | 'OUTLIER' | null;
    coverage: number;
    indicators: {
      key: string;
      name: string;
      value: number | null;
      score: number | null;
      status: string;
      note: string | null;
    }[];
  } | null;
  ranking: { position: number | null; outOf: number } | null;
  children: (PeriodFigures & {
    code: string;
    name: string;
    tier: string;
    riskIndex: { score: number | null; status: string } | null;
  })[];
}

export const UNIT_FIGURES = /* GraphQL */ `
  query LeaderFigures($unit: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $dFrom: String!, $dTo: String!) {
    unit(code: $unit) {
      code
      name
      tier
      ...PeriodFigures
      caseTrend {
        months
        filed
        completed
        overdue
        late
      }
      satisfactionTrend {
        months
        ratings
        average
      }
      complaintTrend {
        months
        received
        substantiated
      }
      riskIndex {
        month
        score
        status
        band
        coverage
        indicators {
          key
          name
          value
          score
          status
          note
        }
      }
      ranking {
        position
        outOf
      }
      children {
        code
        name
        tier
        ...PeriodFigures
        riskIndex {
          score
          status
        }
      }
    }
  }
  fragment PeriodFigures on Unit {
    caseStats(from: $from, to: $to) {
      filed
      open
      completed
      overdue
      onTimeRate
      averageWorkingDays
    }
    satisfaction(from: $dFrom, to: $dTo) {
      count
      average
      satisfiedShare
      rank
      peers
    }
    complaintStats(from: $from, to: $to) {
      received
      substantiatedRate
      noticesOpen
      noticesOverdue
    }
  }
`;

/** One page of a subtree's cases filed in a period whose highest card is `card` (only cursors: they are counted). */
export const CARDED_CASES = /* GraphQL */ `
  query LeaderCardedCases($unit: ID!, $filter: CaseFilter!, $after: String, $first: Int!) {
    unit(code: $unit) {
      code
      cases(filter: $filter, after: $after, first: $first) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
        }
      }
    }
  }
`;

export interface CardedPage {
  unit: { cases: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string }[] } | null };
}

export const CARD_LABEL: Record<CardLevel, string> = { REMINDER: '提醒', YELLOW: '黄牌', RED: '红牌' };

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  RECEIVED: '已受理',
  IN_PROGRESS: '办理中',
  SUSPENDED: '已中止',
  COMPLETED: '已办结',
  WITHDRAWN: '已撤回',
};

export const NOTICE_KIND_LABEL: Record<Notice['kind'], string> = {
  INSPECTION: '检查建议书',
  SUPERVISION: '监察建议书',
};

export const NOTICE_ITEM_STATUS_LABEL: Record<NoticeItem['status'], string> = {
  PENDING: '待整改',
  ANSWERED: '已报告，待审核',
  RETURNED: '已退回，需重新整改',
  ACCEPTED: '已通过审核',
};

export const TIER_LABEL: Record<string, string> = {
  CITY: '市',
  COUNTY: '县（区）',
  TOWNSHIP: '乡镇（街道）',
  VILLAGE: '村（社区）',
};

export const RISK_BAND_LABEL: Record<string, string> = { NORMAL: '正常', ELEVATED: '偏高', OUTLIER: '异常' };
