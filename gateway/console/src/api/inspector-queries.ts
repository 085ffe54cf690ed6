/** The inspector's queries: the live alert feed, the complaint queue, notices and review campaigns. */

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type AlertLevel = 'REMINDER' | 'YELLOW' | 'RED';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'DISPOSED';
export type DisposalKind = 'DISMISSED' | 'NOTICE_ISSUED' | 'ACCOUNTABILITY_STARTED';

export type AlertDetails =
  | { __typename: 'CardAlertDetails'; number: string; cardStep: number | null; reason: string }
  | {
      __typename: 'CheckpointAlertDetails';
      number: string;
      step: number;
      actor: string;
      violations: { kind: string; message: string; legalBasis: string }[];
    }
  | { __typename: 'RatingAlertDetails'; score: number; tags: string[] }
  | { __typename: 'ComplaintAlertDetails'; number: string; category: string; stage: string; from: string | null }
  | { __typename: 'NoticeAlertDetails'; number: string; issuerUnit: string }
  | { __typename: 'CalendarAlertDetails'; year: number };

export interface AlertRow {
  id: string;
  seq: string;
  kind: string;
  level: AlertLevel;
  title: string;
  subjectType: string;
  raisedAt: string;
  status: AlertStatus;
  unit: { code: string; name: string } | null;
  case: { id: string; number: string; powerName: string } | null;
  complaint: { id: string; number: string } | null;
  notice: { id: string; number: string; title: string } | null;
  details: AlertDetails;
  disposal: { kind: DisposalKind; note: string; by: string; at: string } | null;
}

const ALERT_FIELDS = /* GraphQL */ `
  fragment InspectorAlert on Alert {
    id
    seq
    kind
    level
    title
    subjectType
    raisedAt
    status
    unit {
      code
      name
    }
    case {
      id
      number
      powerName
    }
    complaint {
      id
      number
    }
    notice {
      id
      number
      title
    }
    details {
      __typename
      ... on CardAlertDetails {
        number
        cardStep: step
        reason
      }
      ... on CheckpointAlertDetails {
        number
        step
        actor
        violations {
          kind
          message
          legalBasis
        }
      }
      ... on RatingAlertDetails {
        score
        tags
      }
      ... on ComplaintAlertDetails {
        number
        category
        stage
        from
      }
      ... on NoticeAlertDetails {
        number
        issuerUnit
      }
      ... on CalendarAlertDetails {
        year
      }
    }
    disposal {
      kind
      note
      by
      at
    }
  }
`;

export const ALERTS = /* GraphQL */ `
  query InspectorAlerts($filter: AlertFilter, $after: String, $first: Int!) {
    alerts(filter: $filter, after: $after, first: $first) {
      edges {
        cursor
        node {
          ...InspectorAlert
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ALERT_FIELDS}
`;

export const ALERT_RAISED = /* GraphQL */ `
  subscription InspectorAlertRaised($filter: AlertFilter, $after: ID) {
    alertRaised(filter: $filter, after: $after) {
      ...InspectorAlert
    }
  }
  ${ALERT_FIELDS}
`;

export const ACKNOWLEDGE_ALERT = /* GraphQL */ `
  mutation AcknowledgeAlert($id: ID!, $key: String!) {
    acknowledgeAlert(id: $id, idempotencyKey: $key) {
      ...InspectorAlert
    }
  }
  ${ALERT_FIELDS}
`;

export const DISPOSE_ALERT = /* GraphQL */ `
  mutation DisposeAlert($id: ID!, $kind: DisposalKind!, $note: String!, $key: String!) {
    disposeAlert(id: $id, kind: $kind, note: $note, idempotencyKey: $key) {
      ...InspectorAlert
    }
  }
  ${ALERT_FIELDS}
`;

export interface ComplaintEvent {
  seq: number;
  kind: string;
  actor: string;
  at: string;
}

export interface ComplaintRow {
  id: string;
  number: string;
  channel: string;
  category: string;
  accusedKind: string;
  accusedUnit: string;
  accusedDepartment: string | null;
  accusedPerson: string | null;
  handlerUnit: string;
  handler: string | null;
  description: string;
  anonymous: boolean;
  status: string;
  conclusion: string | null;
  finding: string | null;
  receivedAt: string;
  acceptedAt: string | null;
  concludedAt: string | null;
  extensionDays: number;
  stageDeadline: string | null;
  stageDeadlineProvisional: boolean;
  events: ComplaintEvent[];
}

const COMPLAINT_FIELDS = /* GraphQL */ `
  fragment InspectorComplaint on Complaint {
    id
    number
    channel
    category
    accusedKind
    accusedUnit
    accusedDepartment
    accusedPerson
    handlerUnit
    handler
    description
    anonymous
    status
    conclusion
    finding
    receivedAt
    acceptedAt
    concludedAt
    extensionDays
    stageDeadline
    stageDeadlineProvisional
    events {
      seq
      kind
      actor
      at
    }
  }
`;

export const COMPLAINTS = /* GraphQL */ `
  query InspectorComplaints($status: String, $after: String, $first: Int!) {
    complaints(status: $status, after: $after, first: $first) {
      edges {
        cursor
        node {
          ...InspectorComplaint
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${COMPLAINT_FIELDS}
`;

/** A handling step of a complaint, as the console offers it. */
export type ComplaintAction = 'accept' | 'investigate' | 'conclude' | 'feedback' | 'transfer' | 'extend';

/** The handling mutations that take a note-like text and answer the complaint. */
export const COMPLAINT_ACTIONS = {
  accept: /* GraphQL */ `
    mutation AcceptComplaint($id: ID!, $text: String!, $key: String!) {
      result: acceptComplaint(id: $id, note: $text, idempotencyKey: $key) {
        ...InspectorComplaint
      }
    }
    ${COMPLAINT_FIELDS}
  `,
  investigate: /* GraphQL */ `
    mutation InvestigateComplaint($id: ID!, $text: String!, $key: String!) {
      result: investigateComplaint(id: $id, note: $text, idempotencyKey: $key) {
        ...InspectorComplaint
      }
    }
    ${COMPLAINT_FIELDS}
  `,
  feedback: /* GraphQL */ `
    mutation GiveComplaintFeedback($id: ID!, $text: String!, $key: String!) {
      result: giveComplaintFeedback(id: $id, feedback: $text, idempotencyKey: $key) {
        ...InspectorComplaint
      }
    }
    ${COMPLAINT_FIELDS}
  `,
  extend: /* GraphQL */ `
    mutation ExtendComplaint($id: ID!, $text: String!, $key: String!) {
      result: extendComplaint(id: $id, reason: $text, idempotencyKey: $key) {
        ...InspectorComplaint
      }
    }
    ${COMPLAINT_FIELDS}
  `,
};

export const CONCLUDE_COMPLAINT = /* GraphQL */ `
  mutation ConcludeComplaint($id: ID!, $conclusion: ComplaintConclusion!, $text: String!, $key: String!) {
    result: concludeComplaint(id: $id, conclusion: $conclusion, finding: $text, idempotencyKey: $key) {
      ...InspectorComplaint
    }
  }
  ${COMPLAINT_FIELDS}
`;

export const TRANSFER_COMPLAINT = /* GraphQL */ `
  mutation TransferComplaint($id: ID!, $toUnit: String!, $text: String!, $key: String!) {
    transferComplaint(id: $id, toUnit: $toUnit, reason: $text, idempotencyKey: $key)
  }
`;

export const COMPLAINT = /* GraphQL */ `
  query InspectorComplaint($id: ID!) {
    complaint(id: $id) {
      ...InspectorComplaint
    }
  }
  ${COMPLAINT_FIELDS}
`;

export interface ComplainantIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export const REVEAL_COMPLAINANT = /* GraphQL */ `
  mutation RevealComplainant($id: ID!, $reason: String!, $key: String!) {
    revealComplainant(id: $id, reason: $reason, idempotencyKey: $key) {
      name
      phone
      email
      address
    }
  }
`;

export interface NoticeItem {
  itemNo: number;
  description: string;
  status: string;
  report: string | null;
  evidenceHashes: string[];
  reviewComment: string | null;
}

export interface NoticeRow {
  id: string;
  number: string;
  kind: 'INSPECTION' | 'SUPERVISION';
  unitCode: string;
  issuerUnit: string;
  title: string;
  body: string;
  deadline: string;
  status: string;
  overdue: boolean;
  issuedAt: string;
  items: NoticeItem[];
}

const NOTICE_FIELDS = /* GraphQL */ `
  fragment InspectorNotice on Notice {
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
  }
`;

export const NOTICES = /* GraphQL */ `
  query InspectorNotices {
    notices {
      ...InspectorNotice
    }
  }
  ${NOTICE_FIELDS}
`;

export const ISSUE_NOTICE = /* GraphQL */ `
  mutation IssueNotice($input: IssueNoticeInput!, $key: String!) {
    issueNotice(input: $input, idempotencyKey: $key) {
      ...InspectorNotice
    }
  }
  ${NOTICE_FIELDS}
`;

export const REVIEW_NOTICE_ITEM = /* GraphQL */ `
  mutation ReviewNoticeItem($noticeId: ID!, $itemNo: Int!, $accept: Boolean!, $comment: String!, $key: String!) {
    reviewNoticeItem(noticeId: $noticeId, itemNo: $itemNo, accept: $accept, comment: $comment, idempotencyKey: $key) {
      ...InspectorNotice
    }
  }
  ${NOTICE_FIELDS}
`;

export interface CampaignRow {
  id: string;
  name: string;
  ownerUnit: string;
  targetKind: 'UNIT' | 'LEADERSHIP' | 'KEY_POST';
  reviewerKinds: ('PUBLIC' | 'REPRESENTATIVE' | 'STAFF')[];
  expectedReviewers: number;
  openedAt: string;
  closesAt: string;
  status: string;
  targets: { targetId: string; unitCode: string; tier: string; label: string }[];
}

const CAMPAIGN_FIELDS = /* GraphQL */ `
  fragment InspectorCampaign on Campaign {
    id
    name
    ownerUnit
    targetKind
    reviewerKinds
    expectedReviewers
    openedAt
    closesAt
    status
    targets {
      targetId
      unitCode
      tier
      label
    }
  }
`;

export const CAMPAIGN = /* GraphQL */ `
  query InspectorCampaign($id: ID!) {
    campaign(id: $id) {
      ...InspectorCampaign
    }
  }
  ${CAMPAIGN_FIELDS}
`;

export const OPEN_CAMPAIGN = /* GraphQL */ `
  mutation OpenCampaign($input: OpenCampaignInput!, $key: String!) {
    openCampaign(input: $input, idempotencyKey: $key) {
      ...InspectorCampaign
    }
  }
  ${CAMPAIGN_FIELDS}
`;

export const CLOSE_CAMPAIGN = /* GraphQL */ `
  mutation CloseCampaign($id: ID!, $key: String!) {
    closeCampaign(id: $id, idempotencyKey: $key) {
      ...InspectorCampaign
    }
  }
  ${CAMPAIGN_FIELDS}
`;

export const ISSUE_BALLOTS = /* GraphQL */ `
  mutation IssueBallots($campaignId: ID!, $kind: ReviewerKind!, $count: Int!, $key: String!) {
    issueBallots(campaignId: $campaignId, kind: $kind, count: $count, idempotencyKey: $key)
  }
`;

export interface CampaignResultRow {
  targetId: string;
  name: string;
  tier: string;
  reviews: number;
  total: number | null;
  rankInTier: number | null;
  participation: number;
  aspects: { code: string; name: string; score: number | null; weight: number }[];
}

export const CAMPAIGN_RESULTS = /* GraphQL */ `
  query InspectorCampaignResults($id: ID!) {
    campaignResults(id: $id) {
      targetId
      name
      tier
      reviews
      total
      rankInTier
      participation
      aspects {
        code
        name
        score
        weight
      }
    }
  }
`;

export interface UnitWithDepartments {
  code: string;
  name: string;
  departments: { id: string; name: string }[];
  children: { code: string; name: string }[];
}

export const UNIT_NAMES = /* GraphQL */ `
  query InspectorUnit($code: ID!) {
    unit(code: $code) {
      code
      name
      departments {
        id
        name
      }
      children {
        code
        name
      }
    }
  }
`;
