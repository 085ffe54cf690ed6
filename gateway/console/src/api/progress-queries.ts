/** The public case lookup (办件查询): a case's progress by its number and query code. */

export interface CaseProgress {
  number: string;
  powerName: string;
  status: string;
  receivedAt: string;
  completedAt: string | null;
  currentStep: string | null;
  currentStepDeadline: string | null;
  steps: { stepNo: number; name: string; state: string; finishedAt: string | null }[];
}

export const CASE_PROGRESS = /* GraphQL */ `
  query CaseProgress($number: String!, $queryCode: String!) {
    caseProgress(number: $number, queryCode: $queryCode) {
      number
      powerName
      status
      receivedAt
      completedAt
      currentStep
      currentStepDeadline
      steps {
        stepNo
        name
        state
        finishedAt
      }
    }
  }
`;

export const STATUS_LABEL: Record<string, string> = {
  RECEIVED: '已受理',
  IN_PROGRESS: '办理中',
  SUSPENDED: '已中止',
  COMPLETED: '已办结',
  WITHDRAWN: '已撤回',
};

/** A time in China Standard Time, in the form citizens read (2026年3月2日 14:05). */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
