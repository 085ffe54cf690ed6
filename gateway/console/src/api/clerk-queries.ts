/** The clerk's queries and mutations: the unit's cases, filing (受理) and a case's transitions. */

export type CaseStatus = 'RECEIVED' | 'IN_PROGRESS' | 'SUSPENDED' | 'COMPLETED' | 'WITHDRAWN';
export type CardLevel = 'REMINDER' | 'YELLOW' | 'RED';
export type CheckpointKind =
  | 'REQUIRED_ATTACHMENTS'
  | 'AMOUNT_LIMIT'
  | 'PAYMENT_WITHIN_PROGRESS'
  | 'CONTRACT_CHANGE_LIMIT'
  | 'PENALTY_RANGE'
  | 'MIN_DAYS_BETWEEN_STEPS';

/** A case's clocks as the list and the detail page show them. */
export interface CaseClockFields {
  status: CaseStatus;
  currentStep: number;
  currentStepDeadline: string | null;
  currentStepDeadlineProvisional: boolean;
  workingDaysElapsed: number;
  receivedAt: string;
  completedAt: string | null;
  steps: { stepNo: number; name: string; timeLimitDays: number; state: string; finishedAt: string | null }[];
  power: { name: string; promisedDays: number; statutoryDays: number } | null;
}

export interface CaseRow extends CaseClockFields {
  id: string;
  number: string;
  powerName: string;
  cardLevel: CardLevel | null;
  applicantName: string;
  unit: { name: string } | null;
}

export interface CasePage {
  unit: {
    name: string;
    cases: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: CaseRow }[];
    } | null;
  };
}

const CLOCK_FIELDS = /* GraphQL */ `
  status
  currentStep
  currentStepDeadline
  currentStepDeadlineProvisional
  workingDaysElapsed
  receivedAt
  completedAt
  steps {
    stepNo
    name
    timeLimitDays
    state
    finishedAt
  }
`;

export const UNIT_CASES = /* GraphQL */ `
  query ClerkCases($unit: ID!, $filter: CaseFilter, $after: String, $first: Int!) {
    unit(code: $unit) {
      name
      cases(filter: $filter, after: $after, first: $first) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            number
            powerName
            cardLevel
            applicantName
            unit {
              name
            }
            power {
              name
              promisedDays
              statutoryDays
            }
            ${CLOCK_FIELDS}
          }
        }
      }
    }
  }
`;

/** A checkpoint (电子关卡) of a power, with its parameters. */
export interface PowerCheckpoint {
  id: string;
  stepNo: number;
  kind: CheckpointKind;
  params: {
    attachments?: string[];
    field?: string;
    min?: number;
    max?: number;
    maxRatio?: number;
    fromStepNo?: number;
    days?: number;
  };
  legalBasis: string;
  description: string;
}

/** A published power of the clerk's unit, as the filing form's picker lists it. */
export interface FilablePowerOption {
  id: string;
  name: string;
  catalogCode: string;
  publishedVersion: number | null;
  department: { name: string } | null;
}

export interface FilablePowerPage {
  powers: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: FilablePowerOption }[];
  };
}

/** The published powers of the clerk's unit handled by the clerk's department. */
export const FILABLE_POWERS = /* GraphQL */ `
  query FilablePowers($unit: ID!, $filter: PowerFilter, $after: String) {
    powers(unit: $unit, filter: $filter, after: $after, first: 100) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          catalogCode
          publishedVersion
          department {
            name
          }
        }
      }
    }
  }
`;

/** The published version of a power, as a case filed now runs under it. */
export interface FilablePower {
  id: string;
  version: number;
  name: string;
  categoryLabel: string;
  conditions: string;
  promisedDays: number;
  statutoryDays: number;
  department: { name: string } | null;
  flow: { stepNo: number; name: string; timeLimitDays: number }[];
  checkpoints: PowerCheckpoint[];
}

const CHECKPOINT_FIELDS = /* GraphQL */ `
  checkpoints {
    id
    stepNo
    kind
    params
    legalBasis
    description
  }
`;

export const POWER_FOR_FILING = /* GraphQL */ `
  query PowerForFiling($id: ID!, $version: Int) {
    power(id: $id, version: $version) {
      id
      version
      name
      categoryLabel
      conditions
      promisedDays
      statutoryDays
      department {
        name
      }
      flow {
        stepNo
        name
        timeLimitDays
      }
      ${CHECKPOINT_FIELDS}
    }
  }
`;

/** What the API takes for an uploaded file (shared/src/attachments/attachment-upload.ts). */
export interface AttachmentInput {
  name: string;
  mediaType: string;
  contentBase64: string;
}

/** The amounts a checkpoint checks (AmountsInput); each optional. */
export interface AmountsInput {
  contractPrice?: number;
  amount?: number;
  penalty?: number;
  progress?: number;
}

export interface FiledCase {
  queryCode: string;
  receiptHash: string;
  promisedBy: string;
  case: { id: string; number: string; powerName: string; status: CaseStatus };
}

export const FILE_CASE = /* GraphQL */ `
  mutation FileCase($input: FileCaseInput!, $key: String!) {
    fileCase(input: $input, idempotencyKey: $key) {
      queryCode
      receiptHash
      promisedBy
      case {
        id
        number
        powerName
        status
      }
    }
  }
`;

export interface CaseEvent {
  seq: number;
  kind: string;
  actor: string;
  at: string;
  payload: string;
  attachmentHashes: string[];
  hash: string;
}

export interface CaseDetail extends CaseRow {
  outcome: 'APPROVED' | 'REJECTED' | null;
  details: string;
  contractPrice: number | null;
  applicantIdNumber: string;
  applicantPhone: string;
  events: CaseEvent[];
  cards: { id: string; level: CardLevel; stepNo: number | null; reason: string; raisedAt: string }[];
  riskHints: {
    stepName: string;
    checkpoints: { id: string; kind: CheckpointKind; requirement: string; legalBasis: string; consequence: string }[];
  } | null;
  power: (CaseClockFields['power'] & { id: string; version: number; checkpoints: PowerCheckpoint[] }) | null;
}

const CASE_DETAIL_FIELDS = /* GraphQL */ `
  id
  number
  powerName
  outcome
  cardLevel
  details
  contractPrice
  applicantName
  applicantIdNumber
  applicantPhone
  unit {
    name
  }
  power {
    id
    version
    name
    promisedDays
    statutoryDays
    ${CHECKPOINT_FIELDS}
  }
  ${CLOCK_FIELDS}
  events {
    seq
    kind
    actor
    at
    payload
    attachmentHashes
    hash
  }
  cards {
    id
    level
    stepNo
    reason
    raisedAt
  }
  riskHints {
    stepName
    checkpoints {
      id
      kind
      requirement
      legalBasis
      consequence
    }
  }
`;

export const CASE_DETAIL = /* GraphQL */ `
  query ClerkCase($id: ID!) {
    case(id: $id) {
      ${CASE_DETAIL_FIELDS}
    }
  }
`;

/** The case's transitions; each answers the case as the detail page shows it. */
export const ADVANCE_CASE = /* GraphQL */ `
  mutation AdvanceCase($input: AdvanceCaseInput!, $key: String!) {
    advanceCase(input: $input, idempotencyKey: $key) { ${CASE_DETAIL_FIELDS} }
  }
`;
export const COMPLETE_CASE = /* GraphQL */ `
  mutation CompleteCase($input: CompleteCaseInput!, $key: String!) {
    completeCase(input: $input, idempotencyKey: $key) { ${CASE_DETAIL_FIELDS} }
  }
`;
export const RETURN_CASE = /* GraphQL */ `
  mutation ReturnCase($input: ReturnCaseInput!, $key: String!) {
    returnCase(input: $input, idempotencyKey: $key) { ${CASE_DETAIL_FIELDS} }
  }
`;
export const SUSPEND_CASE = /* GraphQL */ `
  mutation SuspendCase($input: SuspendCaseInput!, $key: String!) {
    suspendCase(input: $input, idempotencyKey: $key) { ${CASE_DETAIL_FIELDS} }
  }
`;
export const RESUME_CASE = /* GraphQL */ `
  mutation ResumeCase($caseId: ID!, $key: String!) {
    resumeCase(caseId: $caseId, idempotencyKey: $key) { ${CASE_DETAIL_FIELDS} }
  }
`;

/** A checkpoint refusal's rule, as `extensions.violations` of CHECKPOINT_VIOLATED lists it. */
export interface CheckpointViolation {
  checkpointId: string;
  kind: CheckpointKind;
  legalBasis: string;
  description: string;
  message: string;
  values: Record<string, number | string | null>;
}
