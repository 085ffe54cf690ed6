/** Complaints as the public files and follows them (no sign-in): filing, the receipt, following by code. */

export const FILE_COMPLAINT = /* GraphQL */ `
  mutation FileComplaint($input: FileComplaintInput!, $key: String!) {
    fileComplaint(input: $input, idempotencyKey: $key) {
      number
      followUpCode
      receivedAt
    }
  }
`;

export interface FiledComplaint {
  number: string;
  followUpCode: string;
  receivedAt: string;
}

/** The unit's departments, by name, for a complaint about a department or a person in it. */
export const UNIT_DEPARTMENTS = /* GraphQL */ `
  query UnitDepartments($code: ID!) {
    unit(code: $code) {
      code
      departments {
        id
        name
      }
    }
  }
`;

export const COMPLAINT_PROGRESS = /* GraphQL */ `
  query ComplaintProgress($number: String!, $followUpCode: String!) {
    complaintProgress(number: $number, followUpCode: $followUpCode) {
      number
      status
      receivedAt
      acceptedAt
      concludedAt
      conclusion
      feedback
      events {
        seq
        kind
        at
        hash
      }
    }
  }
`;

export const ADD_COMPLAINT_EVIDENCE = /* GraphQL */ `
  mutation AddComplaintEvidence($number: String!, $followUpCode: String!, $evidence: [EvidenceInput!]!, $key: String!) {
    addComplaintEvidence(number: $number, followUpCode: $followUpCode, evidence: $evidence, idempotencyKey: $key) {
      number
    }
  }
`;

export interface ComplaintProgress {
  number: string;
  status: string;
  receivedAt: string;
  acceptedAt: string | null;
  concludedAt: string | null;
  conclusion: string | null;
  feedback: string | null;
  events: { seq: number; kind: string; at: string; hash: string }[];
}

/** An evidence file as the API takes it (base64). */
export interface EvidenceUpload {
  name: string;
  mediaType: string;
  contentBase64: string;
  /** Decoded size in bytes (not sent). */
  size: number;
}

export const ACCUSED_KINDS: { value: string; label: string }[] = [
  { value: 'UNIT', label: '单位' },
  { value: 'LEADERSHIP', label: '领导班子' },
  { value: 'DEPARTMENT', label: '部门' },
  { value: 'PERSON', label: '工作人员' },
];

export const COMPLAINT_CATEGORIES: { value: string; label: string }[] = [
  { value: 'INACTION', label: '不作为' },
  { value: 'SLOW_ACTION', label: '慢作为' },
  { value: 'MISCONDUCT', label: '乱作为' },
  { value: 'ATTITUDE', label: '服务态度差' },
  { value: 'ASKING_FAVOURS', label: '吃拿卡要' },
  { value: 'ABUSE_OF_POWER', label: '滥用职权' },
  { value: 'OTHER', label: '其他' },
];

export const COMPLAINT_STATUS_LABEL: Record<string, string> = {
  RECEIVED: '待受理',
  TRANSFERRED: '已转办待受理',
  ACCEPTED: '已受理',
  INVESTIGATING: '调查核实中',
  CONCLUDED: '已办结',
  FEEDBACK_GIVEN: '已反馈',
};

export const CONCLUSION_LABEL: Record<string, string> = {
  SUBSTANTIATED: '属实',
  PARTLY_SUBSTANTIATED: '部分属实',
  UNSUBSTANTIATED: '不属实',
};

export const EVENT_LABEL: Record<string, string> = {
  FILED: '提交投诉',
  EVIDENCE_ADDED: '补充证据',
  ACCEPT: '受理',
  INVESTIGATE: '调查核实',
  EXTEND: '延长办理期限',
  TRANSFER: '转交有管辖权的单位',
  CONCLUDE: '办结',
  GIVE_FEEDBACK: '反馈处理结果',
};

/** The API's attachment limits (shared/attachments/attachment-limits): checked here before sending. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;
export const MAX_EVIDENCE_BYTES_TOTAL = 4 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
