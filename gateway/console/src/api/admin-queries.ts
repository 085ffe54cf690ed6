/** The admin's queries and mutations: the catalog editor (事项管理) and accounts (账号管理). */
import type { RiskColour } from './catalog-queries';

export type PowerStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';
export type VersionState = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';

export const POWER_STATUS_LABEL: Record<PowerStatus, string> = {
  DRAFT: '草稿（未公布）',
  PUBLISHED: '已公布',
  RETIRED: '已取消',
};

export const VERSION_STATE_LABEL: Record<VersionState, string> = {
  DRAFT: '草稿',
  PUBLISHED: '现行版本',
  SUPERSEDED: '历史版本',
};

export interface AdminPowerRow {
  id: string;
  catalogCode: string;
  name: string;
  categoryLabel: string;
  status: PowerStatus;
  state: VersionState;
  latestVersion: number;
  publishedVersion: number | null;
  promisedDays: number;
  editedAt: string;
  unit: { name: string } | null;
  department: { name: string } | null;
}

export interface AdminPowerPage {
  powers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AdminPowerRow }[];
  };
}

export const ADMIN_POWERS = /* GraphQL */ `
  query AdminPowers($unit: ID, $filter: PowerFilter, $after: String, $first: Int!) {
    powers(unit: $unit, filter: $filter, after: $after, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          catalogCode
          name
          categoryLabel
          status
          state
          latestVersion
          publishedVersion
          promisedDays
          editedAt
          unit {
            name
          }
          department {
            name
          }
        }
      }
    }
  }
`;

export type CheckpointKind =
  | 'REQUIRED_ATTACHMENTS'
  | 'AMOUNT_LIMIT'
  | 'PAYMENT_WITHIN_PROGRESS'
  | 'CONTRACT_CHANGE_LIMIT'
  | 'PENALTY_RANGE'
  | 'MIN_DAYS_BETWEEN_STEPS';

/** The rule kinds of an electronic checkpoint (电子关卡) as the API enforces them. */
export const CHECKPOINT_KINDS: { value: CheckpointKind; label: string; hint: string }[] = [
  { value: 'REQUIRED_ATTACHMENTS', label: '必备材料', hint: '离开本环节前须已上传所列材料' },
  { value: 'AMOUNT_LIMIT', label: '金额上限', hint: '办件的金额字段不得超过上限' },
  { value: 'PAYMENT_WITHIN_PROGRESS', label: '按进度付款', hint: '累计付款不得超过工程进度' },
  { value: 'CONTRACT_CHANGE_LIMIT', label: '合同变更限额', hint: '单次变更金额及累计变更比例不得超限' },
  { value: 'PENALTY_RANGE', label: '处罚幅度', hint: '罚款金额须在法定幅度内' },
  { value: 'MIN_DAYS_BETWEEN_STEPS', label: '环节最短间隔', hint: '与前一环节相隔不少于规定工作日（如公示期）' },
];

export interface CheckpointParams {
  attachments?: string[];
  field?: string;
  min?: number;
  max?: number;
  maxRatio?: number;
  fromStepNo?: number;
  days?: number;
}

export interface Department {
  id: string;
  name: string;
  supervisory: boolean;
  posts: { id: string; name: string }[];
}

export interface AdminPowerDetail {
  id: string;
  version: number;
  code: string;
  catalogCode: string;
  name: string;
  category: string;
  categoryLabel: string;
  legalBasis: string;
  conditions: string;
  fees: string;
  statutoryDays: number;
  promisedDays: number;
  principalLeader: boolean;
  status: PowerStatus;
  state: VersionState;
  publishedVersion: number | null;
  latestVersion: number;
  publishedAt: string | null;
  editedAt: string;
  unitCode: string;
  unit: { name: string; departments: Department[] } | null;
  department: { id: string; name: string } | null;
  responsiblePost: { id: string; name: string } | null;
  supervisor: { id: string; name: string } | null;
  flow: {
    stepNo: number;
    name: string;
    timeLimitDays: number;
    description: string;
    post: { id: string; name: string } | null;
  }[];
  riskPoints: {
    id: string;
    stepNo: number | null;
    level: number;
    colour: RiskColour;
    levelLabel: string;
    description: string;
    measures: string[];
  }[];
  efficiencyPoints: { id: string; stepNo: number | null; description: string; timeLimitDays: number | null }[];
  checkpoints: {
    id: string;
    stepNo: number;
    kind: CheckpointKind;
    params: CheckpointParams;
    legalBasis: string;
    description: string;
  }[];
  versions: { version: number; state: VersionState; publishedAt: string | null; editedAt: string }[];
}

const POWER_FIELDS = /* GraphQL */ `
  fragment AdminPowerFields on Power {
    id
    version
    code
    catalogCode
    name
    category
    categoryLabel
    legalBasis
    conditions
    fees
    statutoryDays
    promisedDays
    principalLeader
    status
    state
    publishedVersion
    latestVersion
    publishedAt
    editedAt
    unitCode
    unit {
      name
      departments {
        id
        name
        supervisory
        posts {
          id
          name
        }
      }
    }
    department {
      id
      name
    }
    responsiblePost {
      id
      name
    }
    supervisor {
      id
      name
    }
    flow {
      stepNo
      name
      timeLimitDays
      description
      post {
        id
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
    efficiencyPoints {
      id
      stepNo
      description
      timeLimitDays
    }
    checkpoints {
      id
      stepNo
      kind
      params
      legalBasis
      description
    }
    versions {
      version
      state
      publishedAt
      editedAt
    }
  }
`;

export const ADMIN_POWER = /* GraphQL */ `
  query AdminPower($id: ID!, $version: Int) {
    power(id: $id, version: $version) {
      ...AdminPowerFields
    }
  }
  ${POWER_FIELDS}
`;

/** A mutation on one power that answers with the edited version, in full. */
const powerMutation = (name: string, signature: string, args: string): string => /* GraphQL */ `
  mutation ${name[0]!.toUpperCase()}${name.slice(1)}(${signature}) {
    ${name}(${args}) {
      ...AdminPowerFields
    }
  }
  ${POWER_FIELDS}
`;

export const CREATE_POWER = /* GraphQL */ `
  mutation CreatePower($input: CreatePowerInput!, $key: String!) {
    createPower(input: $input, idempotencyKey: $key) {
      id
    }
  }
`;
export const UPDATE_POWER = powerMutation(
  'updatePower',
  '$id: ID!, $input: UpdatePowerInput!, $key: String!',
  'id: $id, input: $input, idempotencyKey: $key',
);
export const PUBLISH_POWER = powerMutation('publishPower', '$id: ID!, $key: String!', 'id: $id, idempotencyKey: $key');
export const RETIRE_POWER = powerMutation(
  'retirePower',
  '$id: ID!, $reason: String!, $key: String!',
  'id: $id, reason: $reason, idempotencyKey: $key',
);
export const ADD_RISK_POINT = powerMutation(
  'addRiskPoint',
  '$id: ID!, $input: RiskPointInput!, $key: String!',
  'powerId: $id, input: $input, idempotencyKey: $key',
);
export const REMOVE_RISK_POINT = powerMutation(
  'removeRiskPoint',
  '$id: ID!, $item: ID!, $key: String!',
  'powerId: $id, riskPointId: $item, idempotencyKey: $key',
);
export const ADD_EFFICIENCY_POINT = powerMutation(
  'addEfficiencyPoint',
  '$id: ID!, $input: EfficiencyPointInput!, $key: String!',
  'powerId: $id, input: $input, idempotencyKey: $key',
);
export const REMOVE_EFFICIENCY_POINT = powerMutation(
  'removeEfficiencyPoint',
  '$id: ID!, $item: ID!, $key: String!',
  'powerId: $id, efficiencyPointId: $item, idempotencyKey: $key',
);
export const ADD_CHECKPOINT = powerMutation(
  'addCheckpoint',
  '$id: ID!, $input: CheckpointInput!, $key: String!',
  'powerId: $id, input: $input, idempotencyKey: $key',
);
export const REMOVE_CHECKPOINT = powerMutation(
  'removeCheckpoint',
  '$id: ID!, $item: ID!, $key: String!',
  'powerId: $id, checkpointId: $item, idempotencyKey: $key',
);

/** The departments (with their posts) of a unit, to pick by name. */
export const UNIT_DEPARTMENTS = /* GraphQL */ `
  query UnitDepartments($code: ID!) {
    unit(code: $code) {
      code
      name
      departments {
        id
        name
        supervisory
        posts {
          id
          name
        }
      }
    }
  }
`;

export interface UnitDirectory {
  code: string;
  name: string;
  departments: Department[];
}

/** One query for the names of several units' departments and posts (`u0`, `u1`, … by position). */
export function unitDirectories(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$c${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `u${i}: unit(code: $c${i}) { code name departments { id name supervisory posts { id name } } }`,
  ).join('\n');
  return `query UnitDirectories(${vars}) {\n${fields}\n}`;
}

export type AccountRole = 'CLERK' | 'LEADER' | 'INSPECTOR' | 'ADMIN';

export const ROLE_OPTIONS: { value: AccountRole; label: string }[] = [
  { value: 'CLERK', label: '经办人员' },
  { value: 'LEADER', label: '领导' },
  { value: 'INSPECTOR', label: '纪检监察' },
  { value: 'ADMIN', label: '管理员' },
];

export interface StaffAccount {
  subject: string;
  name: string;
  role: AccountRole;
  unitCode: string;
  departmentId: string | null;
  postId: string | null;
  status: 'ACTIVE' | 'DISABLED';
}

const ACCOUNT_FIELDS = 'subject name role unitCode departmentId postId status';

export interface AccountPage {
  accounts: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: StaffAccount }[];
  };
}

export const ACCOUNTS = /* GraphQL */ `
  query Accounts($unit: String!, $after: String, $first: Int!) {
    accounts(unit: $unit, after: $after, first: $first) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${ACCOUNT_FIELDS}
        }
      }
    }
  }
`;

export const CREATE_ACCOUNT = `mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
export const DISABLE_ACCOUNT = `mutation DisableAccount($subject: String!) { disableAccount(subject: $subject) { ${ACCOUNT_FIELDS} } }`;
export const ENABLE_ACCOUNT = `mutation EnableAccount($subject: String!) { enableAccount(subject: $subject) { ${ACCOUNT_FIELDS} } }`;
export const RESET_PASSWORD = `mutation ResetAccountPassword($subject: String!, $password: String!) { resetAccountPassword(subject: $subject, password: $password) { ${ACCOUNT_FIELDS} } }`;
export const ASSIGN_ACCOUNT = `mutation AssignAccount($subject: String!, $departmentId: ID, $postId: ID) { assignAccount(subject: $subject, departmentId: $departmentId, postId: $postId) { ${ACCOUNT_FIELDS} } }`;

/**
 * A password for someone else to change at first sign-in: 14 characters from a set without look-alikes,
 * with letters and digits (the API asks for at least 10 with both).
 */
export function generatePassword(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  const chars = Array.from(bytes, (b) => all[b % all.length]!);
  chars[0] = letters[bytes[0]! % letters.length]!;
  chars[13] = digits[bytes[13]! % digits.length]!;
  return chars.join('');
}
